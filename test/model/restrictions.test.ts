import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR } from '../../src/engine/index.js';
import type { SendResponse } from '../../src/model/index.js';
import { enforce, enforcementError, lift, numberStatus } from '../../src/model/restrictions.js';
import { openServiceWindow } from '../../src/model/service-window.js';
import { ENFORCEMENT_KINDS, ENFORCEMENT_PATHS, type EnforcementKind, type NumberState, type NumberStatus } from '../../src/model/state/index.js';
import { liveRun, webhookEvents } from './live-run.js';
import { runWith, scenario, timetable } from './helpers.js';

/** Number `n` with exactly `kinds` open (ids are placeholders: only the kinds matter here) and FLAGGED or not. */
function withOpen(n: NumberState, kinds: readonly EnforcementKind[], flagged = false): NumberState {
  n.enforcement.open.clear();
  kinds.forEach((k, i) => n.enforcement.open.set(k, i));
  n.flaggedSince = flagged ? 0 : -1;
  return n;
}

/** The statuses, most severe first, and the kinds that put a number in each (MODEL.md Entities; docs/model.md §6b, §7). */
const BY_SEVERITY: readonly [NumberStatus, readonly EnforcementKind[]][] = [
  ['BANNED', ['permanent-ban', 'account-disabled']],
  ['PENDING_REVIEW', ['review']],
  ['RESTRICTED', ['soft-ban', 'account-restriction', 'policy-restriction', 'policy-restriction-all']],
  ['DISCONNECTED', ['disconnect']],
];

test('numberStatus: each open kind alone gives its status; a warning is never a status (restrictions.ts, MODEL.md Entities)', () => {
  const n = liveRun({}).ctx.world.numbers[0];
  const alone = Object.fromEntries(ENFORCEMENT_KINDS.map((k) => [k, numberStatus(withOpen(n, [k]))]));
  assert.equal(alone, {
    'soft-ban': 'RESTRICTED',
    'permanent-ban': 'BANNED',
    'account-restriction': 'RESTRICTED',
    review: 'PENDING_REVIEW',
    disconnect: 'DISCONNECTED',
    'policy-warning': 'CONNECTED',
    'policy-restriction': 'RESTRICTED',
    'policy-restriction-all': 'RESTRICTED',
    'account-disabled': 'BANNED',
  });
  assert.is(numberStatus(withOpen(n, [])), 'CONNECTED');
  assert.is(numberStatus(withOpen(n, [], true)), 'FLAGGED', 'legacy: a RED number is FLAGGED');
});

test('numberStatus precedence: BANNED > PENDING_REVIEW > RESTRICTED > DISCONNECTED > FLAGGED > CONNECTED, for every pair of kinds', () => {
  const n = liveRun({}).ctx.world.numbers[0];
  const wrong: string[] = [];
  BY_SEVERITY.forEach(([status, kinds], i) => {
    for (const k of kinds) {
      if (numberStatus(withOpen(n, [k], true)) !== status) wrong.push(`${k} + FLAGGED`);
      for (const [, weaker] of BY_SEVERITY.slice(i + 1)) {
        for (const w of weaker) {
          if (numberStatus(withOpen(n, [w, k])) !== status) wrong.push(`${k} + ${w}`);
          if (numberStatus(withOpen(n, [k, w], true)) !== status) wrong.push(`${k} + ${w} + FLAGGED`);
        }
      }
    }
  });
  assert.equal(wrong, [], 'combinations where the more severe status did not win');
});

test('enforcementError: restrictions block business-initiated sends only; reviews, bans, disabling and 5/7-day blocks block every send with 131031; a disconnect 133010 (docs/model.md, the send path step 1)', () => {
  const n = liveRun({}).ctx.world.numbers[0];
  const codes = Object.fromEntries(ENFORCEMENT_KINDS.map((k) => [k, [enforcementError(withOpen(n, [k]), true), enforcementError(withOpen(n, [k]), false)]]));
  // [business-initiated, reply in an open window]
  assert.equal(codes, {
    'soft-ban': [131031, 0],
    'permanent-ban': [131031, 131031],
    'account-restriction': [131031, 0],
    review: [131031, 131031],
    disconnect: [133010, 133010],
    'policy-warning': [0, 0],
    'policy-restriction': [131031, 0],
    'policy-restriction-all': [131031, 131031], // Meta policy enforcement: 5/7-day blocks cover replies too — documented
    'account-disabled': [131031, 131031],
  });
  assert.equal([enforcementError(withOpen(n, []), true), enforcementError(withOpen(n, [], true), true)], [0, 0], 'nothing open (FLAGGED included) blocks nothing');
  assert.is(enforcementError(withOpen(n, ['disconnect', 'review']), false), 131031, 'a review outranks a disconnect');
});

test('through the sender API: a restricted number still answers users in an open window; a 5/7-day block and a disconnect stop everything', () => {
  const { ctx, advance } = liveRun({ portfolio: { startTier: 'TIER_100K', autoAppeal: false, numbers: [{ id: 'a' }] } });
  const n = ctx.world.numbers[0];
  const answer = (r: SendResponse): string | number => (r.ok ? r.messageStatus : r.code);
  /** [free-form in window, template in window, template outside, free-form outside], to fresh recipients from `first`. */
  const probe = (first: number): (string | number)[] => {
    openServiceWindow(ctx, 0, first);
    openServiceWindow(ctx, 0, first + 1);
    return [ctx.api.sendText('a', first), ctx.api.sendTemplate('a', first + 1, 'promo'), ctx.api.sendTemplate('a', first + 2, 'promo'), ctx.api.sendText('a', first + 3)].map(answer);
  };
  assert.equal(probe(0), ['accepted', 'accepted', 'accepted', 131047], 'unrestricted: only free-form outside a window fails');
  const kinds: EnforcementKind[] = ['policy-restriction', 'soft-ban', 'account-restriction', 'policy-restriction-all', 'review', 'disconnect', 'permanent-ban'];
  const seen = kinds.map((kind, i) => {
    const e = enforce(ctx, n, kind, 'policy-enforcement', 'TEST', Infinity)!;
    const row = [kind, ...probe(10 * (i + 1))];
    lift(ctx, e, 'TEST');
    advance(HOUR);
    return row;
  });
  assert.equal(seen, [
    ['policy-restriction', 'accepted', 'accepted', 131031, 131047],
    ['soft-ban', 'accepted', 'accepted', 131031, 131047],
    ['account-restriction', 'accepted', 'accepted', 131031, 131047],
    ['policy-restriction-all', 131031, 131031, 131031, 131031],
    ['review', 131031, 131031, 131031, 131031],
    ['disconnect', 133010, 133010, 133010, 133010],
    ['permanent-ban', 131031, 131031, 131031, 131031],
  ]);
});

test('a 0-hour enforcement (a policy warning) is recorded, traced and announced, but never open and never scheduled to end', () => {
  const { ctx, trace } = liveRun({ portfolio: { autoAppeal: true, numbers: [{ id: 'a' }] } });
  const n = ctx.world.numbers[0];
  const now = ctx.sim.now;
  const pending = ctx.sim.pending;
  const mark = trace.length;
  const e = enforce(ctx, n, 'policy-warning', 'policy-enforcement', 'USER_BLOCKS', 0)!;
  assert.equal([e.kind, e.path, e.reason, e.start, e.end, e.appealed], ['policy-warning', 'policy-enforcement', 'USER_BLOCKS', now, now, false]);
  assert.is(ctx.world.enforcements[e.id], e, 'the record is kept');
  assert.equal([n.enforcement.open.size, numberStatus(n), enforcementError(n, true)], [0, 'CONNECTED', 0]);
  assert.is(ctx.sim.pending, pending, 'no end and no appeal scheduled');
  const records = trace.slice(mark).map((r) => [r.t, r.kind, r.kind === 'enforcement' ? r.until : r.field]);
  assert.equal(records, [[now, 'enforcement', now], [now, 'webhook', 'account_update']]);
  assert.equal(webhookEvents(trace.slice(mark), 'account_update'), [[now, 'ACCOUNT_VIOLATION']]);
  const again = enforce(ctx, n, 'policy-warning', 'policy-enforcement', 'USER_BLOCKS', 0);
  assert.ok(again && again.id === e.id + 1, 'a second warning is a second record (a warning is never open, so never a no-op)');
});

test('an enforcement of a kind already open is a no-op', () => {
  const { ctx } = liveRun({ portfolio: { autoAppeal: false, numbers: [{ id: 'a' }] } });
  const n = ctx.world.numbers[0];
  const first = enforce(ctx, n, 'soft-ban', 'trust-score', 'TRUST_SCORE', 24)!;
  assert.is(enforce(ctx, n, 'soft-ban', 'trust-score', 'TRUST_SCORE', 72), undefined);
  assert.equal([ctx.world.enforcements.length, n.enforcement.open.get('soft-ban')], [first.id + 1, first.id]);
});

test('lift: the record ends at the lift time, the number remembers it (liftedAt), REINSTATED (RECONNECTED for a disconnect) is announced', () => {
  const { ctx, trace, advance } = liveRun({ portfolio: { autoAppeal: false, numbers: [{ id: 'a' }] } });
  const n = ctx.world.numbers[0];
  const t0 = ctx.sim.now;
  const mark = trace.length;
  assert.is(n.enforcement.liftedAt, -1, 'nothing lifted yet');
  const ban = enforce(ctx, n, 'soft-ban', 'trust-score', 'TRUST_SCORE', 10)!;
  advance(12 * HOUR);
  assert.equal([ban.end, n.enforcement.liftedAt, numberStatus(n)], [t0 + 10 * HOUR, t0 + 10 * HOUR, 'CONNECTED'], 'a timed enforcement lifts itself at its end');
  const cut = enforce(ctx, n, 'disconnect', 'coexistence', 'APP_NOT_OPENED', Infinity)!;
  advance(3 * HOUR);
  lift(ctx, cut, 'APP_OPENED');
  assert.equal([cut.end, n.enforcement.liftedAt], [t0 + 15 * HOUR, t0 + 15 * HOUR]);
  lift(ctx, cut, 'APP_OPENED');
  const lifted = trace.slice(mark).filter((r) => r.kind === 'enforcement-lifted').map((r) => [(r.t - t0) / HOUR, r.enforcement, r.why]);
  assert.equal(lifted, [[10, 'soft-ban', 'EXPIRED'], [15, 'disconnect', 'APP_OPENED']], 'lifting twice records once');
  // wabasim's REINSTATED goes out in Meta's shape: DISABLED_UPDATE with ban_info REINSTATE (webhooks.ts accountUpdateValue)
  assert.equal(webhookEvents(trace.slice(mark), 'account_update').map(([t, ev]) => [(t - t0) / HOUR, ev]), [[0, 'ACCOUNT_RESTRICTION'], [10, 'DISABLED_UPDATE'], [12, 'DISCONNECTED'], [15, 'RECONNECTED']]);
  const reinstated = trace.slice(mark).find((r) => r.kind === 'webhook' && r.t === t0 + 10 * HOUR)?.payload as { entry: { changes: { value: { ban_info: { waba_ban_state: string } } }[] }[] };
  assert.is(reinstated.entry[0].changes[0].value.ban_info.waba_ban_state, 'REINSTATE');
});

test('an early lift, then the same kind again: the first one\'s scheduled end (48 h) does not lift the second (which ends at 53 h)', () => {
  const { ctx, trace, advance } = liveRun({ portfolio: { autoAppeal: false, numbers: [{ id: 'a' }] } });
  const n = ctx.world.numbers[0];
  const t0 = ctx.sim.now;
  const mark = trace.length;
  const first = enforce(ctx, n, 'review', 'identity-review', 'TEST', 48)!;
  advance(5 * HOUR);
  lift(ctx, first, 'EARLY');
  enforce(ctx, n, 'review', 'identity-review', 'TEST', 48);
  advance(44 * HOUR);
  assert.is(numberStatus(n), 'PENDING_REVIEW', 'still under the second review at 49 h');
  advance(5 * HOUR);
  const lifted = trace.slice(mark).filter((r) => r.kind === 'enforcement-lifted').map((r) => [(r.t - t0) / HOUR, r.why]);
  assert.equal(lifted, [[5, 'EARLY'], [53, 'EXPIRED']]);
});

/** A soft ban longer than any appeal review, opened on a live run with auto-appeal and `success` as the appeal probability. */
function appealed(success: number, seed: number, kind: EnforcementKind = 'soft-ban') {
  const run = liveRun({ overrides: { 'restrictions.appealRestrictedSuccess': success, 'restrictions.appealPermanentSuccess': success }, portfolio: { autoAppeal: true, numbers: [{ id: 'a' }] } }, seed);
  const t0 = run.ctx.sim.now;
  const mark = run.trace.length;
  const e = enforce(run.ctx, run.ctx.world.numbers[0], kind, 'trust-score', 'TRUST_SCORE', kind === 'permanent-ban' ? Infinity : 500)!;
  run.advance(80 * HOUR);
  const records = run.since(mark).filter((r) => r.kind === 'appeal' || r.kind === 'enforcement-lifted').map((r) => [r.kind, r.kind === 'appeal' ? r.success : r.why]);
  const appealAt = (run.since(mark).find((r) => r.kind === 'appeal')?.t ?? NaN) - t0;
  return { e, records, hours: appealAt / HOUR, status: numberStatus(run.ctx.world.numbers[0]) };
}

test('auto-appeal: a restriction is reviewed within appealMinHours–appealMaxHours (24–72 h, seed 001) and granted with the policy probability', () => {
  const hours: number[] = [];
  for (let seed = 1; seed <= 8; seed++) {
    const granted = appealed(1, seed);
    assert.equal(granted.records, [['appeal', true], ['enforcement-lifted', 'APPEAL_GRANTED']], `seed ${seed}`);
    assert.equal([granted.e.appealed, granted.e.end - granted.e.start, granted.status], [true, granted.hours * HOUR, 'CONNECTED']);
    hours.push(granted.hours);
    const refused = appealed(0, seed);
    assert.equal([refused.records, refused.status], [[['appeal', false]], 'RESTRICTED'], `seed ${seed}: refused, the ban runs on`);
  }
  assert.ok(hours.every((h) => h >= 24 && h <= 72), hours.join(', '));
  assert.ok(new Set(hours).size > 1, 'the review time is drawn');
});

test('auto-appeal of a permanent ban uses appealPermanentSuccess (seed 003: under 20%)', () => {
  assert.equal(appealed(1, 1, 'permanent-ban').records, [['appeal', true], ['enforcement-lifted', 'APPEAL_GRANTED']]);
  assert.equal(appealed(0, 1, 'permanent-ban').records, [['appeal', false]]);
  assert.is(appealed(0, 1, 'permanent-ban').status, 'BANNED');
});

test('a disabled account (the ladder\'s last step) is appealed like a permanent ban, with appealPermanentSuccess', () => {
  const run = liveRun({ overrides: { 'restrictions.appealRestrictedSuccess': 1, 'restrictions.appealPermanentSuccess': 0 }, portfolio: { autoAppeal: true, numbers: [{ id: 'a' }] } });
  const mark = run.trace.length;
  enforce(run.ctx, run.ctx.world.numbers[0], 'account-disabled', 'policy-enforcement', 'USER_BLOCKS', Infinity);
  run.advance(80 * HOUR);
  assert.equal(run.since(mark).filter((r) => r.kind === 'appeal').map((r) => r.success), [false]);
  assert.is(numberStatus(run.ctx.world.numbers[0]), 'BANNED');
});

test('only restricting kinds are appealed; nothing is appealed without autoAppeal', () => {
  const notAppealed = (['review', 'disconnect', 'policy-warning'] as const).map((k) => appealed(1, 1, k).records.filter((r) => r[0] === 'appeal'));
  assert.equal(notAppealed, [[], [], []]);
  const { ctx, trace, advance } = liveRun({ overrides: { 'restrictions.appealRestrictedSuccess': 1 }, portfolio: { autoAppeal: false, numbers: [{ id: 'a' }] } });
  const mark = trace.length;
  const e = enforce(ctx, ctx.world.numbers[0], 'soft-ban', 'trust-score', 'TRUST_SCORE', 500)!;
  advance(100 * HOUR);
  assert.equal([e.appealed, trace.slice(mark).filter((r) => r.kind === 'appeal').length], [false, 0]);
});

test('every enforcement record carries its path and that path\'s label: documented, reported or estimate (MODEL.md §6b)', () => {
  assert.equal(
    Object.fromEntries(Object.entries(ENFORCEMENT_PATHS).map(([path, p]) => [path, p.label])),
    { 'policy-enforcement': 'documented', 'trust-score': 'estimate', 'block-cascade': 'estimate', 'identity-review': 'reported', 'ai-policy': 'reported', coexistence: 'reported' },
  );
  // a metadata change at 10 h (review, 48 h), a never-opened coexistence app (disconnected at day 14) and an AI chatbot detected at 24 h (banned 7 days later)
  const s = scenario({
    horizonDays: 16,
    portfolio: { autoAppeal: false, numbers: [{ id: 'a' }, { id: 'c', channel: 'coexistence', appOpen: 'never' }], metadataChanges: [{ atHour: 10, kind: 'new-card-other-region' }], generalPurposeAiBot: true, aiDetectionHour: 24 },
  });
  const { result, trace } = runWith(s, timetable([]));
  const records = result.summary.enforcements.map((e) => [e.number, e.kind, e.path, e.label, e.startDay]);
  assert.equal(records, [
    ['a', 'review', 'identity-review', 'reported', 10 / 24],
    ['c', 'review', 'identity-review', 'reported', 10 / 24],
    ['a', 'permanent-ban', 'ai-policy', 'reported', 8],
    ['c', 'permanent-ban', 'ai-policy', 'reported', 8],
    ['c', 'disconnect', 'coexistence', 'reported', 14],
  ]);
  assert.equal(trace.filter((r) => r.kind === 'enforcement').map((r) => r.path), ['identity-review', 'identity-review', 'ai-policy', 'ai-policy', 'coexistence'], 'the trace names the path too');
});

test.run();
