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
  // URLs appear only as text (parameter sources)
  for (const m of html.matchAll(/https?:\/\/[^\s<"]+/g)) {
    const before = html.slice(Math.max(0, m.index - 400), m.index);
    assert.match(before, /<td class="source">[^<]*(<br>[^<]*)*$/, `URL outside a source cell: ${m[0]}`);
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

test('the enforcement table says what was done, in how many runs, when, why and which layer drove it', () => {
  const section = html.slice(html.indexOf('<section id="enforcement">'), html.indexOf('</section>', html.indexOf('<section id="enforcement">')));
  assert.match(section, '<td>cold list</td><td>blast</td><td>soft ban (countdown)</td>');
  assert.match(section, 'trust score over the restriction threshold');
  // mean over the four actions: behaviour (1.5 · 3 + 2.5) / 4 = 1.75, block cascade 0.5
  assert.match(section, 'layers: <strong>behaviour 1.75</strong> · block cascade 0.5');
  assert.match(section, '<td class="num"><strong>3</strong> of 3</td><td class="num">day 2');
  assert.not.match(section, '<td>clean list</td>', 'no row for groups without enforcement');
});

test('no enforcement, no enforcement section', async () => {
  const quiet = await renderReport(syntheticResults({ variants: ['clean list'] }));
  assert.not.match(quiet, 'id="enforcement"');
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

test('a report renders from a real run of a small scenario', async () => {
  const real = await runValidatedScenario(smallScenario(), 'test', { seeds: 2 });
  const page = await renderReport(real);
  assert.ok(page.startsWith('<!doctype html>'));
  assert.ok((page.match(/<figure id=/g) ?? []).length >= 6);
});

test.run();
