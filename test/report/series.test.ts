import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { reportData, pointStep } from '../../src/report/index.js';
import { bandRowsOf, bucket, cumulative, maxOverPrefix } from '../../src/report/series.js';
import type { RunResult } from '../../src/run/results.js';

const run = (seed: number, series: Record<string, number[]>): RunResult => ({ variant: 'v', strategy: 's', seed, summary: {} as RunResult['summary'], series, events: 0 });

test('cumulative sums as it goes', () => {
  assert.equal(cumulative([1, 0, 2, 5]), [1, 1, 3, 8]);
});

test('bucket reduces by sum, max or last value, keeping a short last bucket', () => {
  assert.equal(bucket([1, 2, 3, 4, 5], 2, 'sum'), [3, 7, 5]);
  assert.equal(bucket([1, 5, 3, 4, 2], 2, 'max'), [5, 4, 2]);
  assert.equal(bucket([1, 5, 3, 4, 2], 2, 'last'), [5, 4, 2]);
  assert.equal(bucket([1, 2], 1, 'sum'), [1, 2]);
});

test('long horizons are drawn with at most 250 points a line', () => {
  assert.is(pointStep(336), 2);
  assert.is(pointStep(240), 1);
  assert.ok(Math.ceil((366 * 24) / pointStep(366 * 24)) <= 250);
});

test('band rows: mean and quantiles across runs per bucket, as simple-statistics computes them', () => {
  // values 1..5 at hour 0 across five runs: mean 3; linear interpolation between order statistics
  // (R's quantile type 7, as simple-statistics 7.12 does): p5 = 1 + 0.05 × 4 = 1.2, p95 = 4.8
  const group = { variant: 'v', strategy: 's', aggregate: undefined, runs: [1, 2, 3, 4, 5].map((v) => run(v, { x: [v, 10] })) };
  const rows = bandRowsOf(group, (r) => r.series.x, { step: 1, reduce: 'last' });
  assert.equal(rows[0], { variant: 'v', strategy: 's', day: 0.041667, mean: 3, p5: 1.2, p50: 3, p95: 4.8 });
  assert.equal(rows[1], { variant: 'v', strategy: 's', day: 0.083333, mean: 10, p5: 10, p50: 10, p95: 10 });
});

test('an unlimited messaging limit (infinite values) becomes null, which breaks the line', () => {
  const group = { variant: 'v', strategy: 's', aggregate: undefined, runs: [run(1, { x: [Infinity] })] };
  assert.equal(bandRowsOf(group, (r) => r.series.x, { step: 1, reduce: 'max' })[0].mean, null);
});

test('maxOverPrefix takes the highest value of any number, hour by hour', () => {
  assert.equal(maxOverPrefix(run(1, { 'trust.a': [1, 5, 2], 'trust.b': [3, 1, 2], other: [9, 9, 9] }), 'trust.'), [3, 5, 2]);
  assert.is(maxOverPrefix(run(1, { other: [1] }), 'trust.'), undefined);
});

test('reportData groups runs by variant × strategy in results order', () => {
  const data = reportData({ wabasim: 'x', scenario: {}, variants: [{ name: 'v', policy: 'p', parameters: [] }], runs: [run(1, {}), run(2, {})], aggregates: [] });
  assert.equal(data.groups.map((g) => [g.variant, g.strategy, g.runs.length]), [['v', 's', 2]]);
  assert.equal(data.strategies, ['s']);
  assert.is(data.scenario.name, 'scenario');
});

test.run();
