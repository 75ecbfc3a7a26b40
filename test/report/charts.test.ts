import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CHART_IDS, CHARTS, chartSpecs, reportData, renderSvg } from '../../src/report/index.js';
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

test('the trust-score chart on cloud-api numbers only is titled a risk indicator that does not restrict them', () => {
  const text = specText(syntheticResults({ variants: ['clean list'] }), 'trust-score');
  assert.match(text, '"text":"Trust score — risk indicator (community estimate, seed 003)"');
  assert.match(text, 'Does not restrict cloud-api numbers (MODEL.md §6b)');
  assert.match(text, 'restriction line (2): not applied to cloud-api');
  assert.not.match(text, 'restriction threshold', 'no unexplained threshold line');
});

test('the trust-score chart says on which channels the score acts, and each panel labels its lines for its numbers', () => {
  const text = specText(syntheticResults(), 'trust-score');
  assert.match(text, 'Restricts web-session numbers; a risk indicator only on cloud-api numbers (MODEL.md §6b)');
  assert.match(text, '{"variant":"clean list","label":"restriction line (2): not applied to cloud-api","threshold":2}');
  assert.match(text, '{"variant":"cold list","label":"restriction line (2): restricts web-session numbers","threshold":2}');
  assert.match(specText(syntheticResults({ variants: ['cold list'] }), 'trust-score'), 'Restricts and bans on web-session numbers');
});

test('the enforcement timeline colours a documented restriction apart from an estimate-driven one', () => {
  const text = specText(syntheticResults(), 'status-timeline');
  const domain = JSON.parse(text).spec.spec.encoding.color.scale.domain as string[];
  assert.equal(domain, ['connected', 'restricted · community estimate', 'restricted · documented']);
  assert.match(text, 'Darkest: documented (Meta’s policy ladder)');
  // results without enforcement records behind a status say so
  assert.match(specText(syntheticResults({ variants: ['base'] }), 'status-timeline'), 'restricted · path not recorded');
});

test('the registry has a definition for every id and a dependency list for each', () => {
  for (const id of CHART_IDS) {
    assert.type(CHARTS[id].build, 'function');
    assert.ok(Array.isArray(CHARTS[id].dependsOn));
  }
});

test.run();
