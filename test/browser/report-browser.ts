/**
 * Browser check of report.html (npm run test:browser): renders a report, opens it in the system
 * Chromium (playwright-core; no browser is downloaded) from file://, and asserts that it logs no
 * error, requests nothing but the file itself, has no script, fits a laptop screen and an A4 page
 * without horizontal scrolling, draws every chart at one scale on screen and in print, keeps every
 * table and chart inside the text width of an A4 and a Letter page, and looks like something (the
 * screenshot is not blank). The screenshot and both PDFs are kept at reports/report-screenshot.png,
 * reports/report-A4.pdf and reports/report-Letter.pdf for a human to look at.
 *
 *   node dist/test/browser/report-browser.js [RESULTS.json]
 *
 * Without a results file it runs scenarios/default.json with 3 seeds. Exit 0 ok, 1 failed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { readResultsFile, renderReport } from '../../src/report/index.js';
import { runScenario } from '../../src/run/index.js';
import { decodePng, distinctColours } from './png.js';

const CHROMIUM = process.env.WABASIM_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOT = resolve('reports', 'report-screenshot.png');
/** Text width in CSS pixels of an A4 and a Letter page with the report's @page margins (12 mm each side). */
const PRINT_TEXT_WIDTHS: readonly ['A4' | 'Letter', number][] = [
  ['A4', Math.floor(((210 - 24) / 25.4) * 96)],
  ['Letter', Math.floor(((215.9 - 24) / 25.4) * 96)],
];

async function main(): Promise<string[]> {
  const failures: string[] = [];
  const check = (ok: boolean, what: string): void => void (ok || failures.push(what));
  const resultsFile = process.argv[2];
  const results = resultsFile ? readResultsFile(resultsFile) : await runScenario('scenarios/default.json', { seeds: 3 });
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-browser-'));
  const reportFile = join(dir, 'report.html');
  writeFileSync(reportFile, await renderReport(results));
  const url = pathToFileURL(reportFile).href;
  const context = await chromium.launchPersistentContext(join(dir, 'profile'), { executablePath: CHROMIUM, args: ARGS, headless: true, viewport: { width: 1280, height: 800 }, offline: true });
  try {
    const requests: string[] = [];
    const errors: string[] = [];
    context.on('request', (r) => void requests.push(r.url()));
    const page = await context.newPage();
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => void errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    check(errors.length === 0, `console errors: ${errors.join(' | ')}`);
    const foreign = requests.filter((r) => r !== url);
    check(foreign.length === 0, `requests other than the report: ${foreign.join(', ')}`);
    const dom = await page.evaluate(() => ({
      scripts: document.querySelectorAll('script').length,
      figures: document.querySelectorAll('figure svg').length,
      narrowCharts: [...document.querySelectorAll('figure svg')].filter((s) => s.getBoundingClientRect().width < 300).length,
      chartScales: [...new Set([...document.querySelectorAll('figure svg')].map((s) => (s.getBoundingClientRect().width / Number(s.getAttribute('width'))).toFixed(3)))],
      overflow: document.documentElement.scrollWidth - window.innerWidth,
      question: document.querySelector('.question')?.textContent ?? '',
    }));
    check(dom.scripts === 0, `${dom.scripts} script elements`);
    check(dom.figures >= 5, `only ${dom.figures} charts`);
    check(dom.narrowCharts === 0, `${dom.narrowCharts} charts narrower than 300 px`);
    check(dom.chartScales.length === 1, `charts drawn at different scales on screen: ${dom.chartScales.join(', ')}`);
    check(dom.overflow <= 0, `page scrolls sideways by ${dom.overflow} px on a 1280 px screen`);
    mkdirSync(resolve('reports'), { recursive: true });
    const png = await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const pixels = decodePng(png);
    const colours = distinctColours(pixels, 7);
    check(png.length > 50_000, `screenshot only ${png.length} bytes`);
    check(colours > 50, `screenshot looks blank (${colours} colours)`);
    // printable: on an A4-wide page in print media nothing sticks out
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    const printOverflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(printOverflow <= 0, `printed page is ${printOverflow} px too wide for A4`);
    // on the text width of an A4 and a Letter page (style.ts @page margins): no table or chart past
    // the right margin, every chart at one scale; then both PDFs, kept beside the screenshot
    const pdfs: string[] = [];
    for (const [format, textWidth] of PRINT_TEXT_WIDTHS) {
      await page.setViewportSize({ width: textWidth, height: 1000 });
      const printed = await page.evaluate(() => ({
        wide: [...document.querySelectorAll('table, figure, pre, ol.sources li')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5).map((e) => e.id || e.className || e.tagName),
        scales: [...new Set([...document.querySelectorAll('figure svg')].map((s) => (s.getBoundingClientRect().width / Number(s.getAttribute('width'))).toFixed(3)))],
      }));
      check(printed.wide.length === 0, `${format}: past the right margin: ${printed.wide.join(', ')}`);
      check(printed.scales.length === 1, `${format}: charts printed at different scales: ${printed.scales.join(', ')}`);
      const file = resolve('reports', `report-${format}.pdf`);
      const pdf = await page.pdf({ path: file, format, printBackground: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
      check(pages > 2, `${format}: ${pages} pages printed`);
      pdfs.push(`${file} (${pages} pages)`);
    }
    process.stdout.write(`report: ${reportFile}\nscreenshot: ${SCREENSHOT} (${pixels.width}×${pixels.height}, ${colours} colours sampled)\nprinted: ${pdfs.join(', ')}\ncharts: ${dom.figures}; requests: ${requests.length}; console errors: ${errors.length}\n`);
  } finally {
    await context.close();
    rmSync(join(dir, 'profile'), { recursive: true, force: true });
  }
  return failures;
}

const failures = await main();
if (failures.length) {
  process.stderr.write(`report-browser: ${failures.length} problem${failures.length === 1 ? '' : 's'}\n${failures.map((f) => `  ${f}`).join('\n')}\n`);
  process.exitCode = 1;
} else process.stdout.write('report-browser: ok\n');
