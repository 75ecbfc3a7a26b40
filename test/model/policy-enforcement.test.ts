import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DAY, createStream } from '../../src/engine/index.js';
import { ladderStep } from '../../src/model/policy-enforcement.js';
import { resolvePolicy } from '../../src/policy/index.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';
import { runWith, scenario, segment, timetable, type Batch } from './helpers.js';

const p = resolvePolicy(meta202510, {}, (n) => createStream(1, n)).policyEnforcement;

test("the ladder follows Meta's policy-enforcement page: warning, 1- and 3-day blocks, 5- and 7-day blocks on all messaging, then disabled", () => {
  const steps = [1, 2, 3, 4, 5, 6, 7].map((n) => ladderStep(n, p));
  assert.equal(
    steps.map((s) => [s.kind, s.days]),
    [
      ['policy-warning', 0],
      ['policy-restriction', 1],
      ['policy-restriction', 3],
      ['policy-restriction-all', 5],
      ['policy-restriction-all', 7],
      ['account-disabled', Infinity],
      ['account-disabled', Infinity],
    ],
  );
});

/** A cloud-api number of an established portfolio sending `perDay` a day for `days` days to a list with `blockProbability`. */
function sendDaily(blockProbability: number, perDay: number, days: number, extra: Record<string, unknown> = {}) {
  const batches: Batch[] = Array.from({ length: days }, (_, d) => ({ day: d, hour: 9, number: 'a', count: perDay }));
  return runWith(
    scenario({
      horizonDays: days + 1,
      overrides: { 'appliesTo.policyEnforcement': ['cloud-api', 'coexistence', 'web-session'], 'restrictions.appealRestrictedSuccess': 0, ...extra },
      portfolio: { startTier: 'TIER_100K', autoAppeal: false, numbers: [{ id: 'a', ageDays: 400 }] },
      audience: { segments: [segment({ id: 'l', size: perDay * days, replyProbability: 0.1, blockProbability, blockDelay: { exponential: { mean: 60 } } })] },
    }),
    timetable(batches),
  );
}

test('excessive blocks on a cloud-api number: first a warning, then a timed block on business-initiated messages (131031), each on new evidence', () => {
  const { trace, result } = sendDaily(0.08, 2000, 6);
  const steps = trace.filter((r) => r.kind === 'enforcement').map((r) => [r.enforcement, r.path]);
  assert.equal(steps.slice(0, 2), [['policy-warning', 'policy-enforcement'], ['policy-restriction', 'policy-enforcement']]);
  const warning = result.summary.enforcements[0];
  assert.is(warning.startDay, warning.endDay, 'a warning restricts nothing');
  assert.is(warning.label, 'documented');
  const block = trace.find((r) => r.kind === 'enforcement' && r.enforcement === 'policy-restriction')!;
  assert.is(Number(block.until) - block.t, 1 * DAY);
  assert.ok((result.summary.failedByCode['131031'] ?? 0) > 0, 'template sends during the block fail');
  const webhooks = trace.filter((r) => r.kind === 'webhook' && r.field === 'account_update').map((r) => (r.payload as { entry: { changes: { value: { event: string } }[] }[] }).entry[0].changes[0].value.event);
  assert.equal(webhooks.slice(0, 2), ['ACCOUNT_VIOLATION', 'ACCOUNT_RESTRICTION']);
  assert.is(result.summary.restricted, 1);
});

test('the same volume to a list inside the safe zone (0.5% blocks) is never a violation', () => {
  const { trace, result } = sendDaily(0.005, 2000, 6);
  assert.is(trace.filter((r) => r.kind === 'enforcement').length, 0);
  assert.is(result.summary.restricted, 0);
});

test('below the minimum volume feedback is not judged, however bad', () => {
  const { trace } = sendDaily(0.2, 100, 5);
  assert.is(trace.filter((r) => r.kind === 'enforcement').length, 0);
});

test('the ladder acts only on the channels the profile names', () => {
  const { trace } = sendDaily(0.08, 2000, 6, { 'appliesTo.policyEnforcement': ['web-session'] });
  assert.is(trace.filter((r) => r.kind === 'enforcement').length, 0);
});

test.run();
