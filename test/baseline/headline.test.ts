import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HEADLINE_METRICS, metricRank, orderDrift, type DriftRow } from '../../src/baseline/index.js';

const row = (metric: string, strategy: string, stat: DriftRow['stat'] = 'mean'): DriftRow => ({ variant: 'v', strategy, metric, stat, baseline: 1, now: 2, delta: 1 });

test('headline metrics rank first, in the named order; the rest after them', () => {
  assert.equal(HEADLINE_METRICS.map(metricRank), HEADLINE_METRICS.map((_, i) => i));
  assert.is(metricRank('webhooks'), HEADLINE_METRICS.length);
});

test('drift reads: missing pairs, seed counts, headline metrics in order, then the rest by name; each metric keeps its pair order and stats', () => {
  const drift = [
    row('accepted', 'a'), row('webhooks', 'a'), row('uniqueUsersReached', 'a', 'p5'), row('delivered', 'a'), row('uniqueUsersReached', 'a'),
    row('accepted', 'b'), row('delivered', 'b', 'p95'), row('(variant × strategy)', 'c', 'entry'), row('seeds', 'b', 'seeds'), row('banned', 'b'),
  ];
  assert.equal(orderDrift(drift).map((d) => `${d.metric} ${d.strategy} ${d.stat}`), [
    '(variant × strategy) c entry', 'seeds b seeds',
    'delivered a mean', 'delivered b p95', 'uniqueUsersReached a p5', 'uniqueUsersReached a mean', 'banned b mean',
    'accepted a mean', 'accepted b mean', 'webhooks a mean',
  ]);
  assert.is(drift[0].metric, 'accepted', 'the input is not reordered in place');
});

test.run();
