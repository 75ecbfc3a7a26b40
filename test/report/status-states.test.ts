import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { EnforcementSummary, RunResult } from '../../src/run/results.js';
import { STATUS_STATES, statusStateSeries } from '../../src/report/status-states.js';

const code = (name: string): number => STATUS_STATES.findIndex((s) => s.name === name);

/** A run with one number whose status series is `status` and the given enforcements. */
function run(status: number[], enforcements: EnforcementSummary[]): RunResult {
  return { variant: 'v', strategy: 's', seed: 1, events: 0, series: { 'status.n1': status }, summary: { enforcements } as unknown as RunResult['summary'] };
}

const ladder = (kind: string, startDay: number, endDay: number | null): EnforcementSummary => ({ number: 'n1', kind, reason: 'USER_BLOCKS', path: 'policy-enforcement', label: 'documented', startDay, endDay, appealed: false });

test('a status value is the state at the end of its hour: an enforcement from hour 2 to 4 covers hours 1, 2 and 3', () => {
  const states = statusStateSeries(run([0, 2, 2, 2, 0, 0], [ladder('policy-restriction', 2 / 24, 4 / 24)]), 'n1', 6);
  const r = code('restricted · documented');
  assert.equal(states, [0, r, r, 0, 0, 0].map((c, h) => (h === 3 ? r : c)));
});

test('an hour under two enforcements takes the more severe; a warning changes nothing; flagged comes from the series', () => {
  const trust: EnforcementSummary = { number: 'n1', kind: 'soft-ban', reason: 'TRUST_SCORE', path: 'trust-score', label: 'estimate', startDay: 1 / 24, endDay: 3 / 24, appealed: false };
  const states = statusStateSeries(run([1, 2, 5, 5], [ladder('policy-warning', 0, 0), trust, ladder('account-disabled', 3 / 24, null)]), 'n1', 4);
  assert.equal(states, [code('restricted · community estimate'), code('restricted · community estimate'), code('banned / disabled · documented'), code('banned / disabled · documented')]);
  assert.equal(statusStateSeries(run([1, 1, 0], []), 'n1', 3), [code('flagged (low quality)'), code('flagged (low quality)'), 0]);
});

test('a status with no enforcement record behind it says the path was not recorded; no series, no states', () => {
  assert.equal(statusStateSeries(run([0, 2, 0], []), 'n1', 3), [0, code('restricted · path not recorded'), 0]);
  assert.is(statusStateSeries(run([0], []), 'n2', 1), undefined);
});

test.run();
