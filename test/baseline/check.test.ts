import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { baselineFromResults, checkBaseline, DEFAULT_TOLERANCE, toleranceFor, withinTolerance, type Baseline } from '../../src/baseline/index.js';
import type { Results } from '../../src/run/results.js';
import { syntheticResults } from '../report/fixtures.js';

const results = syntheticResults({ seeds: 2 });
const baseline = baselineFromResults(results, 'scenarios/x.json');

/** `results` with one aggregate metric's mean changed by `by`. */
function nudged(r: Results, metric: string, by: number): Results {
  const [first, ...rest] = r.aggregates;
  const s = first.metrics[metric];
  return { ...r, aggregates: [{ ...first, metrics: { ...first.metrics, [metric]: { ...s, mean: s.mean + by } } }, ...rest] };
}

test('a baseline keeps mean, p5 and p95 of every metric per variant × strategy', () => {
  assert.is(baseline.entries.length, 4);
  assert.equal(baseline.entries[0].metrics.delivered, { mean: results.aggregates[0].metrics.delivered.mean, p5: results.aggregates[0].metrics.delivered.p5, p95: results.aggregates[0].metrics.delivered.p95 });
  assert.equal(baseline.tolerance, DEFAULT_TOLERANCE);
});

test('unchanged results pass', () => {
  const { compared, drift } = checkBaseline(baseline, results);
  assert.equal(drift, []);
  assert.ok(compared > 100);
});

test('one changed metric is reported as one drift row', () => {
  const { drift } = checkBaseline(baseline, nudged(results, 'delivered', 3));
  const base = results.aggregates[0].metrics.delivered.mean;
  assert.equal(drift, [{ variant: 'clean list', strategy: 'blast', metric: 'delivered', stat: 'mean', baseline: base, now: base + 3, delta: 3 }]);
});

test('floating-point noise within the default tolerance is not drift', () => {
  assert.equal(checkBaseline(baseline, nudged(results, 'delivered', 1e-12)).drift, []);
});

test('a per-metric tolerance (exact or prefix*) allows a larger change', () => {
  const lax: Baseline = { ...baseline, tolerance: { default: DEFAULT_TOLERANCE.default, metrics: { 'failedByCode.*': { relative: 0.5, absolute: 0 }, delivered: { relative: 0, absolute: 5 } } } };
  assert.equal(checkBaseline(lax, nudged(results, 'delivered', 3)).drift, []);
  assert.equal(checkBaseline(lax, nudged(results, 'failedByCode.limit_reached', 1)).drift, []);
  assert.is(checkBaseline(lax, nudged(results, 'blocks', 1)).drift.length, 1);
  assert.equal(toleranceFor(lax.tolerance, 'failedByCode.130429'), { relative: 0.5, absolute: 0 });
});

test('a metric or a variant × strategy present on one side only is drift', () => {
  const [first, ...rest] = results.aggregates;
  const { delivered: _gone, ...metrics } = first.metrics;
  const drift = checkBaseline(baseline, { ...results, aggregates: [{ ...first, metrics }, ...rest] }).drift;
  assert.equal(drift.map((d) => [d.metric, d.stat, d.now]), [['delivered', 'mean', null], ['delivered', 'p5', null], ['delivered', 'p95', null]]);
  const missing = checkBaseline(baseline, { ...results, aggregates: rest }).drift;
  assert.equal(missing.map((d) => [d.variant, d.strategy, d.stat]), [['clean list', 'blast', 'entry']]);
});

test('a metric the summary gained after the baseline was recorded is not drift; a new key of a known family is', () => {
  const [first, ...rest] = results.aggregates;
  const spread = first.metrics.delivered;
  const gained = { ...first, metrics: { ...first.metrics, cost: spread, 'costByCategory.marketing': spread, 'failedByCode.999999': spread } };
  const drift = checkBaseline(baseline, { ...results, aggregates: [gained, ...rest] }).drift;
  assert.equal([...new Set(drift.map((d) => d.metric))], ['failedByCode.999999']);
});

test('tolerance arithmetic', () => {
  assert.not.ok(withinTolerance(100, 100 + 1e-6, { relative: 1e-9, absolute: 0 }));
  assert.ok(withinTolerance(100, 100 + 1e-6, { relative: 1e-9, absolute: 1e-5 }));
  assert.ok(withinTolerance(100, 100 + 1e-8, { relative: 1e-9, absolute: 0 }));
  assert.ok(withinTolerance(0, 0, { relative: 0, absolute: 0 }));
  assert.not.ok(withinTolerance(0, NaN, { relative: 1, absolute: 1 }));
});

test.run();
