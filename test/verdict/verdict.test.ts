/**
 * src/verdict — the recommendation a practitioner reads first: within the risk limits, best on the
 * objective; differences paired by seed; what would change it.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { RunResult, RunSummary } from '../../src/run/results.js';
import { DEFAULT_OBJECTIVE, objectiveOf, pairedDifference, recommendStrategy, verdictLines, verdictOf, type Objective } from '../../src/verdict/index.js';
import { formatNumberPlain } from '../../src/format/index.js';

/** A run with just the fields the verdict reads. */
function run(strategy: string, seed: number, reached: number, restricted = 0, banned = 0, variant = 'v'): RunResult {
  const summary = { uniqueUsersReached: reached, restricted, banned, failedByCode: { '131049': reached / 10 } } as unknown as RunSummary;
  return { variant, strategy, seed, summary, series: {}, events: 0 };
}
const seeds = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

test('paired difference: a constant per-seed gap has a zero-width interval however noisy the seeds are', () => {
  const a = seeds.map((s) => run('a', s, 1000 * s + 50));
  const b = seeds.map((s) => run('b', s, 1000 * s));
  const d = pairedDifference(a, b, (r) => r.summary.uniqueUsersReached);
  assert.equal(d, { n: 10, mean: 50, ci95: [50, 50] });
});

test('paired difference: only common seeds count; none gives undefined', () => {
  const d = pairedDifference([run('a', 1, 10), run('a', 2, 20)], [run('b', 2, 5), run('b', 3, 0)], (r) => r.summary.uniqueUsersReached);
  assert.equal(d, { n: 1, mean: 15, ci95: [15, 15] });
  assert.is(pairedDifference([run('a', 1, 10)], [run('b', 2, 5)], (r) => r.summary.uniqueUsersReached), undefined);
});

test('the best strategy over the risk limit is not recommended, and the verdict says it would win if the risk were accepted', () => {
  const runs = [...seeds.map((s) => run('blast', s, 5000, s <= 3 ? 1 : 0)), ...seeds.map((s) => run('careful', s, 3000 + s)), ...seeds.map((s) => run('slow', s, 1000 + s))];
  const v = verdictOf('v', runs, DEFAULT_OBJECTIVE);
  assert.is(v.recommended, 'careful');
  assert.equal(v.standings.map((s) => [s.strategy, s.admissible, s.restricted]), [['careful', true, 0], ['slow', true, 0], ['blast', false, 3]]);
  assert.equal(v.changes.map((c) => [c.kind, c.strategy]), [['excluded-for-risk', 'blast']]);
  const words = verdictLines(v, formatNumberPlain);
  assert.match(words.headline, /^Recommended: careful — 3,005.5 unique users reached \(mean of 10 runs\); restricted in 0 of 10 runs\.$/);
  assert.match(words.changes[0], /blast does better .* restricted in 3 of 10 runs, over the 5% risk limit/);
  assert.is(recommendStrategy(runs, DEFAULT_OBJECTIVE), 'careful');
  // accepting 30% restricted runs makes blast the recommendation
  assert.is(recommendStrategy(runs, { ...DEFAULT_OBJECTIVE, maxRestrictionRisk: 0.3, maxBanRisk: 0.3 }), 'blast');
});

test('an exact tie on the objective goes to the cheaper plan (fewer failed sends), and the verdict says so', () => {
  const withFailures = (strategy: string, failed: number, attempted: number): RunResult[] =>
    seeds.map((s) => ({ ...run(strategy, s, 4786), summary: { ...run(strategy, s, 4786).summary, failed, attempted } as RunSummary }));
  const v = verdictOf('v', [...withFailures('retry loop', 27000, 41000), ...withFailures('no retries', 9200, 20000)], DEFAULT_OBJECTIVE);
  assert.is(v.recommended, 'no retries');
  assert.equal(v.changes.map((c) => c.kind), ['tie']);
  assert.match(verdictLines(v, formatNumberPlain).changes[0], 'retry loop does exactly as well on unique users reached on every seed; the tie goes to the cheaper plan: 9,200 failed sends and 20,000 attempts a run against 27,000 and 41,000.');
  assert.match(verdictLines(v, formatNumberPlain).comparisons[0], '— the same on every seed;');
});

test('a runner-up whose paired interval includes 0 is named as not separable', () => {
  const runs = [...seeds.map((s) => run('a', s, 1000 + (s % 2 ? 30 : -20))), ...seeds.map((s) => run('b', s, 1000))];
  const v = verdictOf('v', runs, DEFAULT_OBJECTIVE);
  assert.is(v.recommended, 'a');
  assert.is(v.comparisons[0].separated, false);
  assert.equal(v.changes.map((c) => c.kind), ['not-separated', 'steadier'], 'b never dips to 980');
});

test('when the runner-up cannot be told apart and its worst run is better, the verdict names it the steadier choice', () => {
  const bimodal = seeds.map((s) => run('bold', s, s <= 2 ? 3500 : 13000));
  const steady = seeds.map((s) => run('steady', s, 9800 + s));
  const v = verdictOf('v', [...bimodal, ...steady], DEFAULT_OBJECTIVE);
  assert.is(v.recommended, 'bold');
  assert.equal(v.changes.map((c) => c.kind), ['not-separated', 'steadier']);
  assert.match(verdictLines(v, formatNumberPlain).changes[1], 'steady is the steadier choice: its worst run came to 9,801 unique users reached, the recommended one\'s to 3,500.');
});

test('minimise: the fewest 131049 failures wins; no strategy within the limits gives no recommendation', () => {
  const o: Objective = objectiveOf({ objective: { minimise: 'failedByCode.131049' } });
  assert.equal(o, { metric: 'failedByCode.131049', direction: 'minimise', maxRestrictionRisk: 0.05, maxBanRisk: 0.05 });
  const runs = [...seeds.map((s) => run('a', s, 1000)), ...seeds.map((s) => run('b', s, 500))];
  assert.is(verdictOf('v', runs, o).recommended, 'b');
  const risky = [...seeds.map((s) => run('a', s, 1000, 1)), ...seeds.map((s) => run('b', s, 500, 1, 1))];
  const v = verdictOf('v', risky, o);
  assert.is(v.recommended, undefined);
  assert.match(verdictLines(v, formatNumberPlain).headline, /^No strategy meets the risk limit/);
});

test.run();
