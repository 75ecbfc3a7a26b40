/**
 * Restrictions and bans (MODEL.md §6 outcomes, §7; seeds 000, 001, 003): soft bans with a
 * countdown (24–72 h, data kept), permanent bans (no timer), appeals (restrictions reviewed in
 * 24–72 h; a permanent ban succeeds with probability < 20%), the 48-hour identity review after a
 * sudden metadata change (no sends), and the AI-policy path for a general-purpose AI chatbot
 * (a 24-hour block on new templates as a warning, then a permanent restriction); the kinds of
 * Meta's policy-enforcement ladder (policy-enforcement.ts decides when). Every enforcement is a
 * record with its reason, the path that acted and how that path is known (MODEL.md §6b) and, for
 * trust-score restrictions, each layer's contribution.
 */
import { DAY, HOUR, uniform } from '../engine/index.js';
import { ERROR_CODES } from './codes.js';
import type { MechanismContext } from './context.js';
import type { ModelEvent } from './events.js';
import { emitWebhook } from './webhooks.js';
import { type NumberState, type EnforcementKind, PERMANENT_KINDS, RESTRICTING_KINDS, type EnforcementPath, type Enforcement, type EnforcementState, type NumberStatus } from './state/index.js';

export function createEnforcementState(): EnforcementState {
  return { open: new Map(), softBans: [], liftedAt: -1 };
}

/** The number's status as Meta shows it, most severe first. */
export function numberStatus(n: NumberState): NumberStatus {
  const open = n.enforcement.open;
  if (open.has('permanent-ban') || open.has('account-disabled')) return 'BANNED';
  if (open.has('review')) return 'PENDING_REVIEW';
  if (open.has('soft-ban') || open.has('account-restriction') || open.has('policy-restriction') || open.has('policy-restriction-all')) return 'RESTRICTED';
  if (open.has('disconnect')) return 'DISCONNECTED';
  if (n.flaggedSince >= 0) return 'FLAGGED';
  return 'CONNECTED';
}

/**
 * The synchronous error for a send from `n`, or 0: banned, disabled, under review, disconnected
 * or blocked on all messaging → no sends at all; restricted → no business-initiated sends
 * (replies in open windows still go).
 */
export function enforcementError(n: NumberState, businessInitiated: boolean): number {
  const open = n.enforcement.open;
  if (open.size === 0) return 0;
  if (open.has('permanent-ban') || open.has('account-disabled') || open.has('review') || open.has('policy-restriction-all')) return ERROR_CODES.accountLocked; // 131031, documented code
  if (open.has('disconnect')) return ERROR_CODES.notRegistered; // 133010, documented code
  if (businessInitiated && (open.has('soft-ban') || open.has('account-restriction') || open.has('policy-restriction'))) return ERROR_CODES.accountLocked;
  return 0;
}

/**
 * Opens an enforcement on `n` (no-op if one of that kind is open); schedules its end when `hours`
 * is finite. An enforcement of 0 hours (a warning) is recorded and announced but never open.
 */
export function enforce(ctx: MechanismContext, n: NumberState, kind: EnforcementKind, path: EnforcementPath, reason: string, hours: number, layers?: Record<string, number>): Enforcement | undefined {
  if (n.enforcement.open.has(kind)) return undefined;
  const { sim, world } = ctx;
  const now = sim.now;
  const e: Enforcement = { id: world.enforcements.length, number: n.index, kind, path, reason, start: now, end: Number.isFinite(hours) ? now + hours * HOUR : Infinity, layers, appealed: false };
  world.enforcements.push(e);
  if (hours > 0) n.enforcement.open.set(kind, e.id);
  if (kind === 'soft-ban') n.enforcement.softBans.push(now);
  if (Number.isFinite(e.end) && hours > 0) sim.schedule(e.end, { type: 'enforcement-end', enforcement: e.id });
  ctx.trace?.({ t: now, kind: 'enforcement', number: n.id, enforcement: kind, path, reason, until: e.end, layers });
  const restriction = kind === 'policy-restriction-all' ? 'all' : 'business-initiated'; // Meta: 5/7-day blocks cover replies too — documented
  emitWebhook(ctx, { kind: 'account_update', number: n.id, event: ACCOUNT_EVENTS[kind], reason, violation: path === 'policy-enforcement' ? reason : undefined, until: Number.isFinite(e.end) && hours > 0 ? e.end : undefined, restriction, at: now });
  if (world.autoAppeal && RESTRICTING_KINDS.has(kind)) appeal(ctx, e);
  return e;
}

/** account_update events: Meta's names where they exist (ACCOUNT_RESTRICTION, DISABLED_UPDATE); wabasim's otherwise. */
const ACCOUNT_EVENTS: Readonly<Record<EnforcementKind, string>> = {
  'soft-ban': 'ACCOUNT_RESTRICTION',
  'account-restriction': 'ACCOUNT_RESTRICTION',
  'permanent-ban': 'DISABLED_UPDATE',
  review: 'ACCOUNT_UNDER_REVIEW',
  disconnect: 'DISCONNECTED',
  'policy-warning': 'ACCOUNT_VIOLATION',
  'policy-restriction': 'ACCOUNT_RESTRICTION',
  'policy-restriction-all': 'ACCOUNT_RESTRICTION',
  'account-disabled': 'DISABLED_UPDATE',
};

/** Closes enforcement `e` now. */
export function lift(ctx: MechanismContext, e: Enforcement, why: string): void {
  const n = ctx.world.numbers[e.number];
  if (n.enforcement.open.get(e.kind) !== e.id) return;
  n.enforcement.open.delete(e.kind);
  n.enforcement.liftedAt = ctx.sim.now;
  e.end = ctx.sim.now;
  ctx.trace?.({ t: ctx.sim.now, kind: 'enforcement-lifted', number: n.id, enforcement: e.kind, why });
  emitWebhook(ctx, { kind: 'account_update', number: n.id, event: e.kind === 'disconnect' ? 'RECONNECTED' : 'REINSTATED', reason: why, at: ctx.sim.now });
}

export function onEnforcementEnd(ev: Extract<ModelEvent, { type: 'enforcement-end' }>, ctx: MechanismContext): void {
  lift(ctx, ctx.world.enforcements[ev.enforcement], 'EXPIRED');
}

/** The business appeals: reviewed after 24–72 h (seed 001, reported). */
function appeal(ctx: MechanismContext, e: Enforcement): void {
  const r = ctx.world.policy.restrictions;
  e.appealed = true;
  ctx.sim.scheduleIn(uniform(ctx.streams.enforcement, r.appealMinHours, r.appealMaxHours) * HOUR, { type: 'appeal-review', enforcement: e.id });
}

/** The appeal's verdict: a permanent ban succeeds with probability < 20% (seed 003, estimate). */
export function onAppealReview(ev: Extract<ModelEvent, { type: 'appeal-review' }>, ctx: MechanismContext): void {
  const e = ctx.world.enforcements[ev.enforcement];
  const r = ctx.world.policy.restrictions;
  const p = PERMANENT_KINDS.has(e.kind) ? r.appealPermanentSuccess : r.appealRestrictedSuccess; // a disabled account is as hard to win back as a permanent ban
  const success = ctx.streams.enforcement.next() < p;
  ctx.trace?.({ t: ctx.sim.now, kind: 'appeal', number: ctx.world.numbers[e.number].id, enforcement: e.kind, success });
  if (success) lift(ctx, e, 'APPEAL_GRANTED');
}

/**
 * A trust-score restriction: a soft ban with a 24–72 h countdown, or a permanent ban when the
 * score is very high or soft bans keep recurring (seed 003, estimates).
 */
export function restrictForTrust(ctx: MechanismContext, n: NumberState, score: number, layers: Record<string, number>): void {
  const { world, sim } = ctx;
  const t = world.policy.trust;
  const r = world.policy.restrictions;
  const recent = n.enforcement.softBans.filter((at) => at > sim.now - t.softBanMemoryDays * DAY).length;
  if (score >= t.banScore || recent >= t.softBansBeforePermanent) enforce(ctx, n, 'permanent-ban', 'trust-score', 'TRUST_SCORE', Infinity, layers);
  else enforce(ctx, n, 'soft-ban', 'trust-score', 'TRUST_SCORE', uniform(ctx.streams.enforcement, r.softBanMinHours, r.softBanMaxHours), layers);
}

/** A sudden account-metadata change: every number PENDING for 48 h (seed 000, reported). */
export function onMetadataChange(ev: Extract<ModelEvent, { type: 'metadata-change' }>, ctx: MechanismContext): void {
  const kind = ctx.world.metadataChanges[ev.change];
  for (const n of ctx.world.numbers) enforce(ctx, n, 'review', 'identity-review', kind.toUpperCase().replace(/-/g, '_'), ctx.world.policy.restrictions.reviewHours);
}

/** AI policy (from 2026-01-15, seed 000): a 24-hour block on new templates as a warning, then a permanent restriction. */
export function onAiPolicy(ev: Extract<ModelEvent, { type: 'ai-policy' }>, ctx: MechanismContext): void {
  const { world, sim } = ctx;
  const r = world.policy.restrictions;
  if (ev.stage === 'warning') {
    world.templateCreationBlockedUntil = sim.now + r.aiTemplateBlockHours * HOUR;
    ctx.trace?.({ t: sim.now, kind: 'ai-policy-warning', templateCreationBlockedUntil: world.templateCreationBlockedUntil });
    emitWebhook(ctx, { kind: 'account_update', event: 'ACCOUNT_VIOLATION', reason: 'AI_POLICY_GENERAL_PURPOSE_CHATBOT', until: world.templateCreationBlockedUntil, at: sim.now });
    sim.scheduleIn(r.aiEscalationDays * DAY, { type: 'ai-policy', stage: 'restriction' });
    return;
  }
  for (const n of world.numbers) enforce(ctx, n, 'permanent-ban', 'ai-policy', 'AI_POLICY', Infinity);
}
