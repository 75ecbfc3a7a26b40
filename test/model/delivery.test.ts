/**
 * src/model/delivery.ts — the send path (docs/model.md "The send path"; MODEL.md §4): the order of
 * the synchronous checks, the asynchronous failures at delivery, and the terminal-state invariant.
 * Each order test makes two or more checks fail at once and shows that the earlier one answers.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, MINUTE, SECOND } from '../../src/engine/index.js';
import type { TraceRecord } from '../../src/model/index.js';
import { runWith, scenario, script, segment, sendOutcomes, steady, type Seen, type Step } from './helpers.js';

const repeat = (n: number, step: Step): Step[] => Array.from({ length: n }, () => step);
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
/** The (time, code) of every synchronous rejection at or after `from`. */
const rejections = (trace: readonly TraceRecord[], from = 0): [number, unknown][] => trace.filter((r) => r.kind === 'rejected' && r.t >= from).map((r) => [r.t, r.code]);

test('1. enforcement comes first (restrictions.ts; Meta error codes 131031, documented): under identity review a free-form text outside any window gets 131031, not 131047', () => {
  const s = scenario({ horizonDays: 3, portfolio: { metadataChanges: [{ atHour: 0, kind: 'new-device' }], numbers: [{ id: 'a' }] } });
  const seen: Seen[] = [];
  // the review lasts restrictions.reviewHours = 48 h (seed 000, reported)
  const { trace } = runWith(s, script([{ at: HOUR, to: 0 }, { at: HOUR, to: 1, template: 'promo' }, { at: 48 * HOUR + SECOND, to: 0 }, { at: 48 * HOUR + SECOND, to: 1, template: 'promo' }], seen));
  assert.equal(rejections(trace), [[HOUR, 131031], [HOUR, 131031], [48 * HOUR + SECOND, 131047]]);
  assert.equal(sendOutcomes(seen), [131031, 131031, 131047, 'accepted'], 'after the review the text meets the window check and the template goes');
});

test('2. a throughput upgrade in progress answers 131057 (Meta throughput page, documented) before the window check (131047), for upgradeSeconds = 60 s', () => {
  // the upgrade criteria lowered to 50 unique users and no delay, so it starts at the 50th send
  const s = scenario({ horizonDays: 1, overrides: { 'throughput.upgradeUniqueUsers': 50, 'throughput.upgradeDelayHours': 0 }, portfolio: { startTier: 'TIER_UNLIMITED', numbers: [{ id: 'a' }] } });
  const seen: Seen[] = [];
  const upgradeEnds = HOUR + 60 * SECOND;
  const steps = [...steady(HOUR, 0, 50, 'promo'), { at: HOUR + 30 * SECOND, to: 0 }, { at: upgradeEnds - 1, to: 50, template: 'promo' }, { at: upgradeEnds, to: 51, template: 'promo' }, { at: upgradeEnds, to: 0 }];
  const { trace } = runWith(s, script(steps, seen));
  assert.equal(trace.filter((r) => r.kind === 'throughput-upgrade').map((r) => [r.t, r.mps]), [[HOUR, 1000]]);
  assert.equal(sendOutcomes(seen).slice(50), [131057, 131057, 'accepted', 131047]);
});

test('3. throughput (80 per second per number, Meta throughput page, documented) answers 130429 before the window check; the next second has room again', () => {
  const s = scenario({ horizonDays: 1 });
  const seen: Seen[] = [];
  const burst = Array.from({ length: 80 }, (_, i): Step => ({ at: HOUR, to: i, template: 'promo' }));
  runWith(s, script([...burst, { at: HOUR, to: 80 }, { at: HOUR, to: 81, template: 'promo' }, { at: HOUR + SECOND, to: 80 }, { at: HOUR + SECOND, to: 81, template: 'promo' }], seen));
  assert.equal(sendOutcomes(seen), [...times(80, 'accepted'), 130429, 130429, 131047, 'accepted']);
});

test('4. a free-form text outside the customer-service window fails with 131047 (Meta error codes, documented) before the pair rate: 46 texts to one user use none of its burst of 45', () => {
  const s = scenario({ horizonDays: 1 });
  const seen: Seen[] = [];
  const later = HOUR + SECOND; // the next second: 80 sends a second at most
  runWith(s, script([...repeat(46, { at: HOUR, to: 0 }), ...repeat(45, { at: later, to: 0, template: 'promo' }), { at: later, to: 0, template: 'promo' }], seen));
  assert.equal(sendOutcomes(seen), [...times(46, 131047), ...times(45, 'accepted'), 131056]);
});

/** 100 users of a list that blocks half the time at 01:00: the template goes LOW and is paused before 03:00 (as in template-pacing.test.ts). */
function pausedTemplateRun(steps: Step[], overrides: Record<string, unknown> = {}): { trace: TraceRecord[]; seen: Seen[] } {
  const s = scenario({
    horizonDays: 1,
    overrides,
    portfolio: { startTier: 'TIER_250', numbers: [{ id: 'a' }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'HIGH' }, { id: 'other', category: 'marketing', quality: 'HIGH' }],
    audience: { segments: [segment({ id: 'cold', size: 5000, blockProbability: 0.5, reportProbability: 0, stopProbability: 0, blockDelay: { exponential: { mean: 30 } } })] },
  });
  const seen: Seen[] = [];
  const { trace } = runWith(s, script([...steady(HOUR, 0, 100, 'promo'), ...steps], seen));
  return { trace, seen };
}

test('5. a PAUSED template answers 132015 (Meta template pausing, documented) before the pair rate and the limit: 46 sends to one user and 200 to new users at a 250 limit with 100 used are all 132015', () => {
  const at = 3 * HOUR;
  const { trace, seen } = pausedTemplateRun([...repeat(46, { at, to: 0, template: 'promo' }), ...steady(at + SECOND, 100, 200, 'promo'), { at: at + 10 * SECOND, to: 100, template: 'other' }]);
  const paused = trace.find((r) => r.kind === 'template-status' && r.status === 'PAUSED')!;
  assert.ok(paused.t < at && paused.t + 3 * HOUR > at + 10 * SECOND, 'paused for 3 h before the sends');
  assert.equal(sendOutcomes(seen).slice(100), [...times(246, 132015), 'accepted'], 'the paused sends used no limit slot and no pair quota; another template still goes');
});

test('5b. a DISABLED template answers 132016 (Meta template pausing, documented); disabled here at its first LOW rating (templates.disableAfterPauses = 1)', () => {
  const { trace, seen } = pausedTemplateRun([{ at: 3 * HOUR, to: 0, template: 'promo' }, { at: 20 * HOUR, to: 100, template: 'promo' }], { 'templates.disableAfterPauses': 1 });
  assert.equal(trace.filter((r) => r.kind === 'template-status').map((r) => r.status), ['DISABLED']);
  assert.equal(sendOutcomes(seen).slice(100), [132016, 132016]);
});

test('6. the pair rate (131056, seed 002) is checked before the limit: at a full 250 limit a new user gets limit_reached 45 times, then 131056 — each refused send took pair quota', () => {
  const s = scenario({ horizonDays: 1, portfolio: { startTier: 'TIER_250', numbers: [{ id: 'a' }] } });
  const seen: Seen[] = [];
  const at = HOUR + 10 * SECOND;
  runWith(s, script([...steady(HOUR, 0, 250, 'promo'), ...repeat(46, { at, to: 250, template: 'promo' }), { at, to: 0, template: 'promo' }], seen));
  assert.equal(sendOutcomes(seen).slice(250), [...times(45, 'limit_reached'), 131056, 'accepted'], 'a user already counted costs nothing');
});

test('7. the messaging limit (MODEL.md §1, no documented code: limit_reached) refuses the 251st new user at TIER_250, and only business-initiated sends', () => {
  const s = scenario({ horizonDays: 1, portfolio: { startTier: 'TIER_250', numbers: [{ id: 'a' }] } });
  const seen: Seen[] = [];
  const { trace, result } = runWith(s, script([...steady(HOUR, 0, 251, 'promo'), { at: HOUR + 10 * SECOND, to: 3, template: 'promo' }], seen));
  assert.equal(sendOutcomes(seen).slice(248), ['accepted', 'accepted', 'limit_reached', 'accepted']);
  assert.equal(rejections(trace), [[HOUR + 5 * SECOND, 'limit_reached']]);
  assert.is(result.summary.failedByCode.limit_reached, 1);
});

test('8. past every check a send is accepted, or held_for_quality_assessment once a paced template has sent its first pacing.threshold = 1,000 (Meta send response v24, documented)', () => {
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_10K', numbers: [{ id: 'a' }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'PENDING' }],
  });
  const seen: Seen[] = [];
  const { trace } = runWith(s, script(steady(HOUR, 0, 1002, 'promo'), seen));
  assert.equal(sendOutcomes(seen), [...times(1000, 'accepted'), 'held_for_quality_assessment', 'held_for_quality_assessment']);
  const held = trace.filter((r) => r.kind === 'held').map((r) => r.id);
  const accepted = trace.filter((r) => r.kind === 'accepted');
  assert.equal(held, accepted.slice(1000).map((r) => r.id), 'a held message is accepted (and counted) first');
  assert.ok(accepted.slice(1000).every((r) => r.businessInitiated === true));
});

test('at delivery, a user who blocked the number gets failed 131026 (Meta error codes, reported): the send itself is accepted, the webhook tells', () => {
  const s = scenario({ horizonDays: 1, audience: { segments: [segment({ id: 'l', size: 100, blockProbability: 1, readProbability: 0, blockDelay: { exponential: { mean: 1 } } })] } });
  const seen: Seen[] = [];
  const { trace, result } = runWith(s, script([...steady(HOUR, 0, 5, 'promo'), ...steady(2 * HOUR, 0, 5, 'promo')], seen));
  assert.ok(trace.filter((r) => r.kind === 'block').every((r) => r.t < 2 * HOUR));
  assert.equal(sendOutcomes(seen), times(10, 'accepted'));
  const failed = trace.filter((r) => r.kind === 'failed');
  assert.equal(failed.map((r) => [r.recipient, r.code]).sort(), [0, 1, 2, 3, 4].map((u) => [u, 131026]));
  assert.ok(failed.every((r) => r.t > 2 * HOUR && r.t < 2 * HOUR + MINUTE), 'failed at delivery, about 2 s after the send');
  assert.equal(seen.filter((x) => x.event === 'status').map((x) => x.outcome), times(5, 'failed 131026'));
  assert.is(result.summary.delivered, 5);
});

test('at delivery, the third marketing message in 24 h without a reply fails with 131049 (seed 000; BSP cap of 2, reported); a utility template still goes, and a day later marketing again', () => {
  const s = scenario({
    horizonDays: 2,
    templates: [{ id: 'promo', category: 'marketing', quality: 'HIGH' }, { id: 'receipt', category: 'utility', quality: 'HIGH' }],
    audience: { segments: [segment({ id: 'l', size: 10, blockProbability: 0, replyProbability: 0, stopProbability: 0 })] },
  });
  const seen: Seen[] = [];
  const steps: Step[] = [1, 2, 3].map((h) => ({ at: h * HOUR, to: 0, template: 'promo' }));
  const { trace } = runWith(s, script([...steps, { at: 4 * HOUR, to: 0, template: 'receipt' }, { at: 26 * HOUR, to: 0, template: 'promo' }], seen));
  assert.equal(sendOutcomes(seen), times(5, 'accepted'));
  const outcome = (r: TraceRecord): [number, string, unknown] => [Math.floor(r.t / HOUR), String(r.kind), r.code ?? r.template];
  assert.equal(trace.filter((r) => r.kind === 'delivered' || r.kind === 'failed').map(outcome), [[1, 'delivered', 0], [2, 'delivered', 0], [3, 'failed', 131049], [4, 'delivered', 1], [26, 'delivered', 0]]);
});

test('every attempt ends in exactly one terminal state: attempted = accepted + synchronous failures; accepted = delivered + asynchronous failures + pending at the horizon', () => {
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_250', numbers: [{ id: 'a' }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'HIGH' }, { id: 'receipt', category: 'utility', quality: 'HIGH' }],
    audience: { segments: [segment({ id: 'l', size: 1000, blockProbability: 0.3, replyProbability: 0.2, marketingFromOthersPerDay: 1, blockDelay: { exponential: { mean: 60 } } })] },
  });
  const steps: Step[] = [
    ...steady(HOUR, 0, 400, 'promo'), // over the limit (131049s free their slots): limit_reached
    ...steady(2 * HOUR, 0, 250, 'promo'), // again: 131026 for those who blocked, 131049 for the saturated
    ...steady(3 * HOUR, 0, 100), // texts: accepted in a window opened by a reply, else 131047
    ...repeat(50, { at: 4 * HOUR, to: 7, template: 'receipt' }), // 131056 after the burst
    ...steady(24 * HOUR - SECOND, 0, 10, 'promo'), // still on their way at the horizon
  ];
  const { trace, result } = runWith(s, script(steps), 5);
  const sum = result.summary;
  const sync = trace.filter((r) => r.kind === 'rejected');
  const async = trace.filter((r) => r.kind === 'failed');
  const codes = (rs: TraceRecord[]): string[] => [...new Set(rs.map((r) => String(r.code)))].sort();
  assert.equal(codes(sync), ['131047', '131056', '132015', 'limit_reached'], 'every synchronous failure kind happened (the template is paused at 02:00: 30% blocks)');
  assert.equal(codes(async), ['131026', '131049'], 'every asynchronous failure kind happened');
  assert.ok(sum.pendingAtHorizon > 0);
  assert.is(sum.attempted, steps.length);
  assert.is(sum.attempted, sum.accepted + sync.length);
  assert.is(sum.accepted, sum.delivered + async.length + sum.pendingAtHorizon);
  assert.is(sum.failed, sync.length + async.length);
  const terminal = new Set([...async, ...trace.filter((r) => r.kind === 'delivered')].map((r) => r.id));
  assert.is(terminal.size, sum.delivered + async.length, 'no message reaches two terminal states');
  assert.is(trace.filter((r) => r.kind === 'accepted' && !terminal.has(r.id)).length, sum.pendingAtHorizon);
});

test.run();
