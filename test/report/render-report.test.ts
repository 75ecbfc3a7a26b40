import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderReport } from '../../src/report/index.js';
import { runValidatedScenario } from '../../src/run/index.js';
import { smallScenario } from '../run/helpers.js';
import { syntheticResults } from './fixtures.js';

const results = syntheticResults();
const html = await renderReport(results);

test('the same results give a byte-identical report, whatever was rendered before', async () => {
  await renderReport(syntheticResults({ variants: ['other'], seeds: 1 }));
  assert.ok((await renderReport(JSON.parse(JSON.stringify(results)))) === html);
});

test('the report is self-contained: no script, nothing fetched, no external link', () => {
  assert.not.match(html, /<script/i);
  assert.not.match(html, /<link/i);
  assert.not.match(html, /@import|url\((?!#)/i);
  assert.not.match(html, /\b(src|href|xlink:href)\s*=\s*["']?(https?:)?\/\//i);
  for (const m of html.matchAll(/\bhref="([^"]*)"/g)) assert.match(m[1], /^#/, `local link only: ${m[1]}`);
  // URLs appear only as text: a source's address in the list of sources, or a parameter source no entry covers
  for (const m of html.matchAll(/https?:\/\/[^\s<"]+/g)) {
    const before = html.slice(0, m.index);
    const inCell = before.lastIndexOf('<td class="source">') > before.lastIndexOf('</td>');
    assert.ok(before.endsWith('<span class="url">') || inCell, `URL outside a source's address or cell: ${m[0]}`);
  }
});

test('the question and description head the page, escaped', () => {
  assert.match(html, '<title>wabasim report: synthetic &lt;test&gt;</title>');
  assert.match(html, '<p class="question">Does the report escape &lt;b&gt;this&lt;/b&gt; &amp; show the question?</p>');
  assert.match(html, 'A synthetic scenario for report tests.');
});

test('the KPI table shows every variant × strategy with mean ± sd and p5–p95', () => {
  assert.match(html, '<table class="kpi">');
  for (const name of ['clean list', 'cold list', 'blast', 'warmup', 'Send attempts', 'Unique users reached', 'messaging limit reached', '130429 throughput exceeded', 'reason: spam', 'Pending at the horizon', 'days to reach TIER_2K']) assert.match(html, name);
  assert.match(html, /<span class="sd">± [\d.,]+<\/span><br><span class="range">[\d.,]+ – [\d.,]+/);
});

/** The enforcement section of a rendered page. */
const enforcementOf = (page: string): string => page.slice(page.indexOf('<section id="enforcement">'), page.indexOf('</section>', page.indexOf('<section id="enforcement">')));

test('the enforcement table says what was done, in how many runs, when, why and which layer drove it', () => {
  const section = enforcementOf(html);
  assert.match(section, '<td>cold list</td><td>blast</td><td>soft ban (countdown)</td>');
  assert.match(section, 'trust score over the restriction threshold');
  // mean over the four actions: behaviour (1.5 · 3 + 2.5) / 4 = 1.75, block cascade 0.5
  assert.match(section, 'layers: <strong>behaviour 1.75</strong> · block cascade 0.5');
  assert.match(section, '<td class="num"><strong>3</strong> of 3</td><td class="num">day 2</td>');
  assert.not.match(section, '<td>cold list</td><td>warmup</td>', 'no row for groups without enforcement or risk indicator');
});

test('the enforcement table names the path that acted and how it is known, and marks estimate-driven rows', () => {
  const section = enforcementOf(html);
  assert.match(section, '<th class="c-path">Path (how it is known)</th>');
  // seed 003's trust score acted on the cold list's web-session numbers: an estimate, shaded
  assert.match(section, '<tr class="estimate"><td>cold list</td><td>blast</td><td>soft ban (countdown)</td><td class="path">trust score (seed 003)<br><span class="lbl lbl-estimate">community estimate</span></td>');
  // Meta's ladder acted on the clean list's cloud-api numbers: documented, not shaded, kinds in plain words
  for (const action of ['policy warning (no restriction)', 'messaging blocked (business-initiated), 1 day', 'messaging blocked (business-initiated and replies), 1 day', 'account disabled']) {
    assert.match(section, `<tr><td>clean list</td><td>warmup</td><td>${action}</td><td class="path">Meta&#39;s policy-enforcement ladder<br><span class="lbl lbl-documented">documented</span></td>`);
  }
  // documented rows come before estimates within a group
  assert.ok(section.indexOf('<td>warmup</td><td>policy warning') < section.indexOf('<td>warmup</td><td>no action: risk indicator'));
});

test('where the trust score does not act, a row reports it as a risk indicator with its time over the line', () => {
  const section = enforcementOf(html);
  // clean list × blast, trust.n1 at or over 2 for 39, 37 and 38 h (fixtures: numbers.n1.hoursOverRestrictScore)
  assert.match(
    section,
    '<tr class="estimate indicator"><td>clean list</td><td>blast</td><td>no action: risk indicator</td><td class="path">trust score (seed 003)<br><span class="lbl lbl-estimate">community estimate</span></td><td>trust score (community estimate) over its restriction line for 38 h (median; 37–39 h) on cloud-api numbers in 3 of 3 runs — reported as a risk indicator; it does not act on cloud-api (MODEL.md §6b)</td><td class="num"><strong>3</strong> of 3</td>',
  );
  assert.not.match(section, /<td>cold list<\/td><td>[^<]+<\/td><td>no action: risk indicator/, 'no indicator row where the trust score acts');
});

test('a risk indicator alone still brings the enforcement section', async () => {
  const page = await renderReport(syntheticResults({ variants: ['clean list'], strategies: ['blast'] }));
  assert.match(enforcementOf(page), 'no action: risk indicator');
  assert.match(page, '<a href="#enforcement">Enforcement</a>');
});

test('no enforcement and no risk indicator, no enforcement section', async () => {
  const quiet = await renderReport(syntheticResults({ variants: ['quiet'], trustActs: true }));
  assert.not.match(quiet, 'id="enforcement"');
  assert.not.match(quiet, 'href="#enforcement"');
});

test('key numbers give risk per 1,000 delivered and the share of runs restricted or banned, by path', () => {
  for (const label of ['Blocks per 1,000 delivered', 'Spam reports per 1,000 delivered', 'Restrictions per 1,000 delivered', 'Runs with a number restricted', 'Runs with a number banned or disabled']) assert.match(html, `<th scope="row">${label}</th>`);
  const row = (label: string): string => html.slice(html.indexOf(`<th scope="row">${label}</th>`), html.indexOf('</tr>', html.indexOf(`<th scope="row">${label}</th>`)));
  // columns: clean list × blast, clean list × warmup, cold list × blast, cold list × warmup
  assert.equal([...row('Runs with a number restricted').matchAll(/<span class="mean">(\d+ of \d+)<\/span>/g)].map((m) => m[1]), ['0 of 3', '3 of 3', '3 of 3', '0 of 3']);
  assert.match(row('Runs with a number restricted'), 'documented path: 3');
  assert.match(row('Runs with a number restricted'), 'estimate path: 3');
  assert.equal([...row('Runs with a number banned or disabled').matchAll(/<span class="mean">(\d+ of \d+)<\/span>/g)].map((m) => m[1]), ['0 of 3', '1 of 3', '0 of 3', '0 of 3']);
  // clean list × warmup: 1, 2 and 3 restrictions over 1,040, 1,031 and 1,034 delivered → mean 1.93 per 1,000
  assert.match(row('Restrictions per 1,000 delivered'), '<span class="mean">1.93</span>');
});

test('every chart is inline SVG with ids scoped to its figure', () => {
  const figures = [...html.matchAll(/<figure id="([^"]+)"><svg/g)].map((m) => m[1]);
  assert.equal(figures, ['cumulative-delivered', 'limit-and-unique', 'failures-by-code', 'blocks-per-day', 'replies-per-day', 'pacing-per-day', 'quality-timeline', 'status-timeline', 'trust-score', 'unanswered-counter', 'seed-spread']);
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
  assert.is(new Set(ids).size, ids.length, 'ids are unique in the page');
});

test('parameters are listed with their labels told apart, and estimates flagged', () => {
  assert.match(html, '<section id="parameters"><h2>Parameters and their sources</h2>');
  for (const label of ['documented', 'reported', 'estimate', 'forecast']) assert.match(html, `<span class="lbl lbl-${label}">${label}</span>`);
  assert.match(html, '<aside class="note" id="estimates"><h2>What rests on estimates</h2>');
  assert.match(html, /3 of the 6 policy parameters are <span class="lbl lbl-estimate">estimate<\/span>/);
  assert.match(html, 'set by the scenario');
  assert.match(html, /Rests on estimated parameters: the trust score, restrictions and bans/);
});

test('printed, no chart, note or source is cut across pages, tables keep to the page, and the enforcement table has fixed columns', () => {
  const print = html.slice(html.indexOf('@media print {'), html.indexOf('@page'));
  assert.match(print, '.note, figure, ol.sources li { break-inside: avoid;');
  assert.match(print, 'figure svg { width: 100%; }');
  assert.match(print, 'tr { break-inside: avoid;');
  assert.match(print, 'table.enforcement { table-layout: fixed;');
  assert.match(html, /@page \{ margin: 14mm 12mm; \}/);
});

test('a parameter every variant shares spans the variant columns; one that differs gets a cell per variant', async () => {
  const base = syntheticResults();
  const differ = { ...base, variants: base.variants.map((v, i) => ({ ...v, parameters: v.parameters.map((p) => (p.path === 'pacing.windowMinutes' ? { ...p, value: 15 + i * 5 } : p)) })) };
  const page = await renderReport(differ);
  const row = (path: string): string => page.slice(page.indexOf(`<code>${path.replace('.', '.<wbr>')}</code>`), page.indexOf('</tr>', page.indexOf(`<code>${path.replace('.', '.<wbr>')}</code>`)));
  assert.match(row('pacing.windowMinutes'), '<td><code>15</code>');
  assert.match(row('pacing.windowMinutes'), '<td><code>20</code>');
  assert.match(row('limits.windowHours'), '<td colspan="2" class="all"><code>24</code>');
});

test('a report renders from a real run of a small scenario', async () => {
  const real = await runValidatedScenario(smallScenario(), 'test', { seeds: 2 });
  const page = await renderReport(real);
  assert.ok(page.startsWith('<!doctype html>'));
  assert.ok((page.match(/<figure id=/g) ?? []).length >= 6);
});

test.run();
