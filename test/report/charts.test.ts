import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CHART_IDS, CHARTS, chartSpecs, renderReport, reportData, renderSvg } from '../../src/report/index.js';
import { THRESHOLD_COLORS } from '../../src/report/charts/band-chart.js';
import { countsPerBucket, shareRects, type ShareRect } from '../../src/report/charts/timeline-chart.js';
import { CHART_WIDTH, TITLE_FONT } from '../../src/report/spec.js';
import { textWidth } from '../../src/report/text-width.js';
import { syntheticResults } from './fixtures.js';

const schemaFile = createRequire(import.meta.url).resolve('vega-lite/vega-lite-schema.json');
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);

const shapes = {
  'two variants × two strategies': syntheticResults(),
  'one variant, one strategy, short horizon': syntheticResults({ variants: ['base'], strategies: ['blast'], seeds: 1, hours: 48 }),
  'one variant, long horizon (bucketed)': syntheticResults({ variants: ['base'], strategies: ['blast', 'warmup', 'tier-aware'], seeds: 2, hours: 24 * 60 }),
  'cloud-api numbers under Meta\'s ladder (trust score a risk indicator)': syntheticResults({ variants: ['clean list'] }),
  'web-session numbers (trust score acts)': syntheticResults({ variants: ['cold list'] }),
};

for (const [shape, results] of Object.entries(shapes)) {
  test(`every chart spec validates against vega-lite's schema and renders to SVG without warnings (${shape})`, async () => {
    const built = chartSpecs(reportData(results));
    assert.equal(built.map((b) => b.id), [...CHART_IDS]);
    for (const b of built) {
      assert.is(b.outcome.kind, 'chart', `${b.id}: ${b.outcome.kind === 'skipped' ? b.outcome.reason : ''}`);
      if (b.outcome.kind !== 'chart') continue;
      assert.ok(validate(b.outcome.spec), `${b.id}: ${ajv.errorsText(validate.errors)}`);
      const { svg, warnings } = await renderSvg(b.outcome.spec, b.id);
      assert.equal(warnings, [], b.id);
      assert.match(svg, /^<svg /);
      assert.ok(svg.length > 2000, `${b.id} renders marks`);
      assert.ok(b.outcome.caption.length > 0, `${b.id} explains how to read it`);
    }
  });
}

test('a limit that climbs tiers is drawn on a log scale ticked at the limits; a short climb stays linear', () => {
  const yOf = (results: ReturnType<typeof syntheticResults>): string => JSON.stringify(chartSpecs(reportData(results)).find((b) => b.id === 'limit-and-unique')?.outcome);
  const long = yOf(shapes['one variant, long horizon (bucketed)']);
  assert.match(long, '"type":"symlog"');
  assert.match(long, '"values":[0,250,2000,100000]');
  assert.not.match(yOf(shapes['two variants × two strategies']), 'symlog');
});

test('charts name their axes and carry a title', () => {
  for (const b of chartSpecs(reportData(syntheticResults()))) {
    if (b.outcome.kind !== 'chart') continue;
    const text = JSON.stringify(b.outcome.spec);
    assert.match(text, /"title":\{"text":"[^"]+"/, b.id);
    assert.ok((text.match(/"title":"[^"]+"/g) ?? []).length >= 1, `${b.id} has axis titles`);
  }
});

test('a series missing from the results omits only its chart, with the reason', () => {
  const results = syntheticResults({ without: ['blocks', 'quality.n1', 'quality.n2', 'trust.n1'] });
  const built = chartSpecs(reportData(results));
  const skipped = built.filter((b) => b.outcome.kind === 'skipped').map((b) => b.id);
  assert.equal(skipped, ['blocks-per-day', 'quality-timeline', 'trust-score']);
  const reason = built.find((b) => b.id === 'blocks-per-day')!.outcome;
  assert.equal(reason, { kind: 'skipped', reason: 'series "blocks" not in these results' });
});

test('pacing and enforcement charts are left out, with a reason, when nothing happened', () => {
  const results = syntheticResults({ without: ['held', 'dropped'] });
  const quiet = { ...results, runs: results.runs.map((r) => ({ ...r, summary: { ...r.summary, enforcements: [] }, series: { ...r.series, held: r.series.attempted.map(() => 0), 'status.n1': r.series.attempted.map(() => 0) } })) };
  const built = chartSpecs(reportData(quiet));
  const reasons = Object.fromEntries(built.flatMap((b) => (b.outcome.kind === 'skipped' ? [[b.id, b.outcome.reason]] : [])));
  assert.equal(Object.keys(reasons), ['pacing-per-day', 'status-timeline']);
});

/** The spec of chart `id` built from `results`, as JSON text. */
const specText = (results: ReturnType<typeof syntheticResults>, id: string): string => {
  const outcome = chartSpecs(reportData(results)).find((b) => b.id === id)?.outcome;
  return JSON.stringify(outcome?.kind === 'chart' ? { spec: outcome.spec, caption: outcome.caption } : outcome);
};

test('the trust-score chart on cloud-api numbers only is titled a risk indicator that restricts nothing, its thresholds grey', () => {
  const text = specText(syntheticResults({ variants: ['clean list'] }), 'trust-score');
  assert.match(text, '"text":"Trust score — a risk indicator here, it restricts nothing (community estimate, seed 003)"');
  assert.match(text, 'Every number is on cloud-api, where the score is reported but does not act (MODEL.md §6b)');
  assert.match(text, 'Grey dashes: its restriction and ban thresholds — not applied to cloud-api numbers');
  assert.match(text, '{"variant":"clean list","threshold":2,"label":"restriction threshold (2): acts on other channels, not cloud-api","acts":false}');
  assert.match(text, 'It is only a risk indicator for every strategy (cloud-api numbers): crossing its thresholds restricts nothing there');
  assert.not.match(text, '"acts":true', 'no threshold drawn as acting where nothing acts');
});

test('a threshold that does not act is drawn grey and one that acts red, each labelled with the channels it acts on', () => {
  const withProfile = syntheticResults({ variants: ['clean list', 'cold list'] });
  const channels = { path: 'appliesTo.trustScore', value: ['coexistence', 'web-session'], overridden: false, unit: '', source: 'MODEL.md §6b', label: 'estimate' as const };
  const results = { ...withProfile, variants: withProfile.variants.map((v) => ({ ...v, parameters: [...v.parameters, channels] })) };
  const text = specText(results, 'trust-score');
  assert.match(text, '{"variant":"clean list","threshold":2,"label":"restriction threshold (2): acts on coexistence/web-session only","acts":false}');
  assert.match(text, '{"variant":"cold list","threshold":2,"label":"restriction threshold (2): restricts web-session numbers","acts":true}');
  assert.match(text, `"condition":{"test":"datum.acts","value":"${THRESHOLD_COLORS.acts}"},"value":"${THRESHOLD_COLORS.inert}"`);
});

test('the trust-score chart says on which channels the score acts, per panel and per strategy', () => {
  const text = specText(syntheticResults(), 'trust-score');
  assert.match(text, 'Restricts web-session numbers; a risk indicator only on cloud-api numbers (MODEL.md §6b)');
  assert.match(text, 'Here it acts for blast and warmup in “cold list” (web-session numbers)');
  assert.match(text, 'It is only a risk indicator for blast and warmup in “clean list” (cloud-api numbers)');
  assert.match(specText(syntheticResults({ variants: ['cold list'] }), 'trust-score'), 'Restricts and bans on web-session numbers');
});

/** The share rectangles of timeline chart `id` built from `results`. */
const shareRows = (results: ReturnType<typeof syntheticResults>, id: string): ShareRect[] => {
  const outcome = chartSpecs(reportData(results)).find((b) => b.id === id)?.outcome;
  if (outcome?.kind !== 'chart') throw new Error(`${id} not charted`);
  return (outcome.spec as { data: { values: ShareRect[] } }).data.values;
};

test('the enforcement timeline shows the share of runs in each status: a number restricted in 1 of 3 runs shows a third restricted', () => {
  // cold list × blast: every seed soft-banned on days 2–3, seed 1 again on days 3.5–4 (fixtures.ts)
  const rows = shareRows(syntheticResults(), 'status-timeline').filter((r) => r.variant === 'cold list' && r.strategy === 'blast');
  const at = (day: number): ShareRect[] => rows.filter((r) => r.start <= day && day < r.end);
  assert.equal(at(3.75).map((r) => [r.state, r.runs, r.of, r.y0, r.y1]), [
    ['connected', 2, 3, 0, 0.666667],
    ['restricted · community estimate', 1, 3, 0.666667, 1],
  ]);
  assert.equal(at(2.5).map((r) => [r.state, r.runs, r.of]), [['restricted · community estimate', 3, 3]]);
  // the account disabled in one of the clean list's warmup runs shows, though most runs were not
  const warmup = shareRows(syntheticResults(), 'status-timeline').filter((r) => r.variant === 'clean list' && r.strategy === 'warmup' && r.state === 'banned / disabled · documented');
  assert.ok(warmup.length > 0 && warmup.every((r) => r.runs === 1 && r.of === 3));
});

test('the enforcement timeline colours a documented restriction apart from an estimate-driven one', () => {
  const text = specText(syntheticResults(), 'status-timeline');
  const domain = JSON.parse(text).spec.spec.encoding.color.scale.domain as string[];
  assert.equal(domain, ['connected', 'restricted · community estimate', 'restricted · documented', 'banned / disabled · documented']);
  assert.match(text, 'Darkest: documented (Meta’s policy ladder)');
  // results without enforcement records behind a status say so
  assert.match(specText(syntheticResults({ variants: ['base'] }), 'status-timeline'), 'restricted · path not recorded');
});

test('share rectangles merge steady stretches and stack the best state at the bottom', () => {
  const counts = countsPerBucket([[0, 0, 2], [0, 0, 0]], 3);
  assert.equal(counts, [[2, 0, 0], [2, 0, 0], [1, 0, 1]]);
  assert.equal(shareRects(counts, 24, { variant: 'v', strategy: 's', row: 's · n1' }, ['ok', 'flagged', 'bad']), [
    { variant: 'v', strategy: 's', row: 's · n1', state: 'ok', start: 0, end: 2, y0: 0, y1: 1, runs: 2, of: 2 },
    { variant: 'v', strategy: 's', row: 's · n1', state: 'ok', start: 2, end: 3, y0: 0, y1: 0.5, runs: 1, of: 2 },
    { variant: 'v', strategy: 's', row: 's · n1', state: 'bad', start: 2, end: 3, y0: 0.5, y1: 1, runs: 1, of: 2 },
  ]);
});

for (const [shape, results] of Object.entries(shapes)) {
  test(`every chart is drawn exactly ${CHART_WIDTH} px wide, the same scale on the page, its titles within that width (${shape})`, async () => {
    for (const b of chartSpecs(reportData(results))) {
      if (b.outcome.kind !== 'chart') continue;
      const { svg, contentWidth, warnings } = await renderSvg(b.outcome.spec, b.id, CHART_WIDTH);
      assert.equal(warnings, [], b.id);
      assert.ok(contentWidth <= CHART_WIDTH, `${b.id} draws ${contentWidth} px`);
      assert.match(svg, new RegExp(`^<svg [^>]*width="${CHART_WIDTH}" height="[\\d.]+" viewBox="0 0 ${CHART_WIDTH} [\\d.]+"`), b.id);
      const title = b.outcome.spec.title as { text: string; subtitle?: string | string[] };
      assert.ok(textWidth(title.text, TITLE_FONT.size, TITLE_FONT.bold) <= TITLE_FONT.room, `${b.id} title fits`);
      for (const line of [title.subtitle ?? []].flat()) assert.ok(textWidth(line, TITLE_FONT.subtitleSize) <= TITLE_FONT.room, `${b.id} subtitle line fits: ${line}`);
    }
  });
}

test('a rendered report draws every chart at the common width', async () => {
  const html = await renderReport(syntheticResults());
  const widths = [...html.matchAll(/<figure id="[^"]+"><svg [^>]*?width="([\d.]+)"[^>]*viewBox="0 0 ([\d.]+) /g)].map((m) => [Number(m[1]), Number(m[2])]);
  assert.is(widths.length, CHART_IDS.length);
  assert.ok(widths.every(([w, v]) => w === CHART_WIDTH && v === CHART_WIDTH), JSON.stringify(widths));
});

test('the registry has a definition for every id and a dependency list for each', () => {
  for (const id of CHART_IDS) {
    assert.type(CHARTS[id].build, 'function');
    assert.ok(Array.isArray(CHARTS[id].dependsOn));
  }
});

test.run();
