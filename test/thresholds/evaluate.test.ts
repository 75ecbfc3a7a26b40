import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, msg, UserInputError } from '../../src/errors/index.js';
import { aggregate } from '../../src/run/aggregate.js';
import type { Results, RunResult, RunSummary } from '../../src/run/results.js';
import { evaluateThresholds, thresholdLines, type ThresholdCheck } from '../../src/thresholds/index.js';

/** A run whose summary holds only `metrics` (nested records as objects), enough for thresholds and aggregate(). */
function run(variant: string, strategy: string, seed: number, metrics: Record<string, unknown>): RunResult {
  return { variant, strategy, seed, summary: metrics as unknown as RunSummary, series: {}, events: 0 };
}

/** Results of `runs` with `thresholds` echoed in the scenario, as run-scenario.ts assembles them. */
function results(runs: RunResult[], thresholds: unknown): Results {
  return { wabasim: 'test', scenario: { name: 't', thresholds }, variants: [], runs, aggregates: aggregate(runs) };
}

// restricted in 3 of 10 runs of blast, never for careful; uniqueUsersReached 100, 200, …, 1,000
const RUNS = [
  ...Array.from({ length: 10 }, (_, k) => run('base', 'blast', k + 1, { uniqueUsersReached: 100 * (k + 1), restricted: k < 3 ? 1 : 0, failedByCode: k === 0 ? { '131049': 4 } : {}, daysToTier: k < 5 ? { TIER_250: 0, TIER_2K: 3 + k } : { TIER_250: 0 } })),
  ...Array.from({ length: 10 }, (_, k) => run('base', 'careful', k + 1, { uniqueUsersReached: 50, restricted: 0, failedByCode: {}, daysToTier: { TIER_250: 0, TIER_2K: 2 } })),
];

const pick = (checks: readonly ThresholdCheck[]): [string, string, boolean, number][] => checks.map((c) => [c.strategy, c.condition, c.passed, c.observed]);

test('rate: the share of runs with the metric not 0, per variant × strategy', () => {
  const out = evaluateThresholds(results(RUNS, { restricted: ['rate==0', 'rate<=0.3', 'rate<0.3'] }), 'r.json');
  assert.equal(pick(out.checks), [
    ['blast', 'rate==0', false, 0.3], ['blast', 'rate<=0.3', true, 0.3], ['blast', 'rate<0.3', false, 0.3],
    ['careful', 'rate==0', true, 0], ['careful', 'rate<=0.3', true, 0], ['careful', 'rate<0.3', true, 0],
  ]);
  assert.is(out.checks[0].nonZero, 3);
  assert.is(out.checks[0].runs, 10);
  assert.not.ok(out.passed);
});

test('p(N) across seeds; the p(50) of a threshold is the p50 of results.json', () => {
  const r = results(RUNS, { 'uniqueUsersReached{strategy:blast}': ['p(50)>=550', 'p(90)<=900', 'p(5)>100'] });
  const out = evaluateThresholds(r, 'r.json');
  // numpy.percentile([100, 200, …, 1000], [50, 90, 5]) = [550, 910, 145]
  assert.equal(pick(out.checks), [['blast', 'p(50)>=550', true, 550], ['blast', 'p(90)<=900', false, 910], ['blast', 'p(5)>100', true, 145]]);
  assert.is(out.checks[0].observed, r.aggregates[0].metrics.uniqueUsersReached.p50);
  assert.is(out.checks[2].observed, r.aggregates[0].metrics.uniqueUsersReached.p5);
});

test('a scope restricts the checks to the variant × strategy it names; unscoped means every one', () => {
  const out = evaluateThresholds(results(RUNS, { 'restricted{strategy:careful}': ['max==0'], uniqueUsersReached: ['min>0'] }), 'r.json');
  assert.equal(out.checks.map((c) => [c.key, c.strategy]), [['restricted{strategy:careful}', 'careful'], ['uniqueUsersReached', 'blast'], ['uniqueUsersReached', 'careful']]);
  assert.ok(out.passed);
});

test('a failure code that never occurred counts as 0; a tier never reached counts as never (∞)', () => {
  const out = evaluateThresholds(results(RUNS, { 'failedByCode.131049': ['max<=4', 'mean==0'], 'failedByCode.130429': ['max==0'], 'daysToTier.TIER_2K': ['max<=10', 'p(50)<=10'] }), 'r.json');
  const blast = out.checks.filter((c) => c.strategy === 'blast');
  assert.equal(pick(blast), [['blast', 'max<=4', true, 4], ['blast', 'mean==0', false, 0.4], ['blast', 'max==0', true, 0], ['blast', 'max<=10', false, Infinity], ['blast', 'p(50)<=10', false, Infinity]]);
  assert.is(blast[3].never, 5);
  const careful = out.checks.filter((c) => c.strategy === 'careful' && c.metric === 'daysToTier.TIER_2K');
  assert.equal(careful.map((c) => [c.passed, c.observed, c.never]), [[true, 2, 0], [true, 2, 0]]);
});

test('a scope that matches nothing in the results (left out with --strategy) is skipped, not failed', () => {
  const out = evaluateThresholds(results(RUNS, { 'restricted{strategy:tier-aware}': ['rate==0'] }), 'r.json');
  assert.equal(out.checks, []);
  assert.equal(out.skipped.map((s) => [s.key, s.condition]), [['restricted{strategy:tier-aware}', 'rate==0']]);
  assert.ok(out.passed);
  assert.match(thresholdLines(out), 'thresholds: ok, no check ran, 1 threshold skipped');
});

test('no thresholds: nothing to judge, nothing printed', () => {
  const out = evaluateThresholds(results(RUNS, undefined), 'r.json');
  assert.equal(out, { passed: true, checks: [], skipped: [] });
  assert.is(thresholdLines(out), '');
});

test('the printed lines: a table of the failed checks and the summary line', () => {
  const out = evaluateThresholds(results(RUNS, { restricted: ['rate==0'], 'uniqueUsersReached{strategy:blast}': ['p(50)>=30000'] }), 'r.json');
  assert.is(thresholdLines(out), [
    'failed threshold                    variant  strategy  condition     observed',
    'restricted                          base     blast     rate==0       rate = 0.3 (3 of 10 runs)',
    'uniqueUsersReached{strategy:blast}  base     blast     p(50)>=30000  p(50) = 550 over 10 runs',
    '',
    'thresholds: FAILED, 2 of 3 checks failed',
  ].join('\n'));
});

test('thresholds in a results file that do not parse are a user error naming /scenario/thresholds', () => {
  const issues = (thresholds: unknown): string[] => {
    try {
      evaluateThresholds(results(RUNS, thresholds), 'r.json');
      return [];
    } catch (err) {
      assert.instance(err, UserInputError);
      return (err as UserInputError).issues.map(formatIssue);
    }
  };
  assert.equal(issues(['rate==0']), [formatIssue(msg.notResults('r.json', '/scenario/thresholds', 'an object of lists of threshold conditions', ['rate==0']))]);
  assert.equal(issues({ restricted: ['rate=0'] }).map((l) => l.split(': expected')[0]), ['r.json: /scenario/thresholds/restricted/0']);
});

test.run();
