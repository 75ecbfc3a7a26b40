/**
 * Messaging limits and tiers (MODEL.md §1; seeds 000, 001, 002, 004; Meta "Messaging limits" and
 * "Upcoming changes to messaging limits").
 *
 * - The limit counts unique users reached with business-initiated messages in a moving 24-hour
 *   window (not calendar days); messages inside a customer-service window are not counted.
 * - A pool is the portfolio (scope `portfolio`, 2025-10 rules, shared by all numbers) or one
 *   number (legacy). New numbers share the portfolio's tier.
 * - Below the first automatic tier, a scaling path opens it: verification, or N delivered unique
 *   users in a moving 30 days with high-quality templates; then a review delay.
 * - From there, automatic scaling: unique users over the last 7 days ≥ half the limit (or 2× it
 *   under seed 004's rule) while quality allows, applied after a delay (6 h; legacy 24 h; seed 004:
 *   at the end of the day).
 * - Legacy: a RED number is FLAGGED; flagged for 7 days → one tier down. 2025-10: quality never
 *   lowers the limit, it only blocks scaling ("poisons the well" for the whole portfolio).
 */
import { DAY, HOUR } from '../engine/index.js';
import type { Policy, TierDef } from '../policy/index.js';
import type { MechanismContext } from './context.js';
import type { ModelEvent } from './events.js';
import { qualityRank } from './quality.js';
import { createUniqueCounter, expire, isCounted, touch } from './unique-counter.js';
import { emitWebhook, limitValue } from './webhooks.js';
import type { NumberState, World, LimitPool } from './state/index.js';

/** Creates a pool for `recipients` users starting at `tierIndex`. */
export function createPool(index: number, id: string, recipients: number, tierIndex: number, policy: Policy): LimitPool {
  const reachedAt = policy.limits.tiers.map((_, i) => (i <= tierIndex ? 0 : -1));
  return {
    index,
    id,
    members: [],
    tierIndex,
    peakTierIndex: tierIndex,
    tierSince: 0,
    window: createUniqueCounter(recipients, policy.limits.windowHours * HOUR),
    reserved: 0,
    pending: new Uint16Array(recipients),
    holds: new Uint8Array(recipients),
    lookback: createUniqueCounter(recipients, policy.limits.upgradeLookbackDays * DAY),
    path: createUniqueCounter(recipients, policy.limits.scalingPathWindowDays * DAY),
    upgradeDueAt: Infinity,
    reachedAt,
  };
}

/** Number `index` draws on `pool` (built with the world). */
export function joinPool(pool: LimitPool, index: number): void {
  pool.members.push(index);
}

/** The unique-user limit of the pool's tier (Infinity for an unlimited tier). */
export function poolLimit(pool: LimitPool, tiers: readonly TierDef[]): number {
  return tiers[pool.tierIndex].limit ?? Infinity;
}

/** Index of the tier named `name` in `tiers`, or -1. */
export function tierIndexOf(tiers: readonly TierDef[], name: string): number {
  return tiers.findIndex((t) => t.name === name);
}

/**
 * Admits a business-initiated message to `user` at `now` under the pool's limit. Meta counts the
 * unique users a business *delivers* to in a moving 24 h window ("Messaging limits", documented),
 * so a user not yet counted holds a reserved slot until the message is delivered (then counted)
 * or every message to them has failed (then the slot is free again): a send that fails before
 * delivery (131049, 131026, a 132015 drop) uses no slot. A user already counted costs nothing and
 * stays counted a full window after this latest message.
 * @returns true if the message may go out, false at the limit (failure `limit_reached`)
 */
export function admitToLimit(pool: LimitPool, user: number, now: number, tiers: readonly TierDef[]): boolean {
  expire(pool.window, now);
  if (isCounted(pool.window, user, now)) touch(pool.window, user, now);
  else if (pool.holds[user] === 0) {
    if (pool.window.count + pool.reserved >= poolLimit(pool, tiers)) return false;
    pool.holds[user] = 1;
    pool.reserved++;
  }
  if (pool.pending[user] < 0xffff) pool.pending[user]++;
  return true;
}

/**
 * The end of an admitted message to `user`: delivered (the user is counted in the window and the
 * upgrade lookback) or failed (its reserved slot is freed once nothing else to the user is pending).
 * @returns true if the user is new in the upgrade lookback (the utilisation criterion may be met now)
 */
export function settleLimit(pool: LimitPool, user: number, now: number, delivered: boolean, tiers: readonly TierDef[]): boolean {
  if (pool.pending[user] > 0) pool.pending[user]--;
  if (delivered) {
    touch(pool.window, user, now);
    if (pool.holds[user] === 1) release(pool, user);
    return pool.tierIndex < tiers.length - 1 && touch(pool.lookback, user, now); // the lookback only serves upgrades
  }
  if (pool.pending[user] === 0 && pool.holds[user] === 1) release(pool, user);
  return false;
}

function release(pool: LimitPool, user: number): void {
  pool.holds[user] = 0;
  pool.reserved--;
}

/** Counts a delivered business-initiated message toward the 250 → first-tier scaling path. */
export function notePathDelivery(ctx: MechanismContext, pool: LimitPool, user: number, highQualityTemplate: boolean): void {
  if (!highQualityTemplate || pool.tierIndex >= firstAutomaticIndex(ctx.world)) return; // the path only opens the first automatic tier
  // Meta "Upcoming changes": 2,000 delivered messages outside service windows to unique users in 30 days using high-quality templates — documented
  if (touch(pool.path, user, ctx.sim.now)) checkUpgrade(ctx, pool);
}

/** Index of the first tier reached by automatic scaling (the scaling paths lead to it). */
function firstAutomaticIndex(world: World): number {
  return Math.max(0, world.portfolio.firstAutomaticTier);
}

/** The worst quality among the pool's numbers allows scaling (MODEL.md §1; "poisons the well"). */
function qualityAllows(world: World, pool: LimitPool): boolean {
  const min = qualityRank(world.policy.limits.upgradeMinQuality);
  // Portfolio scope: every number of the portfolio counts (seed 000 "poison the well"), documented
  return pool.members.every((i) => qualityRank(world.numbers[i].quality) <= min && world.numbers[i].flaggedSince < 0);
}

/**
 * Evaluates the upgrade criteria of `pool` at now and schedules the upgrade when they are met.
 * Called after counting users and at the end of each hour (quality changes hourly).
 */
export function checkUpgrade(ctx: MechanismContext, pool: LimitPool): void {
  const { world, sim } = ctx;
  const L = world.policy.limits;
  const tiers = world.portfolio.tiers;
  if (pool.upgradeDueAt !== Infinity || pool.tierIndex >= tiers.length - 1 || !qualityAllows(world, pool)) return;
  const now = sim.now;
  const firstAuto = firstAutomaticIndex(world);
  let due = Infinity;
  if (pool.tierIndex < firstAuto) {
    expire(pool.path, now);
    const verified = L.verificationScales && world.portfolio.verified; // Meta: business verification opens 2K, documented
    if (verified || pool.path.count >= L.scalingPathUniqueUsers) due = now + L.scalingPathReviewHours * HOUR; // review time: estimate
  } else {
    expire(pool.lookback, now);
    const limit = poolLimit(pool, tiers);
    if (L.upgradeRule === 'double-in-7-days') {
      // seed 004: 2× the limit in unique users over 7 days → next level at the end of the day (reported)
      const endOfDay = (Math.floor(now / DAY) + 1) * DAY;
      if (pool.lookback.count >= L.doubleRuleUtilisation * limit && endOfDay - pool.tierSince >= L.doubleRuleMinHoursAtTier * HOUR) due = endOfDay;
    } else if (pool.lookback.count >= L.upgradeUtilisation * limit) {
      due = now + L.upgradeDelayHours * HOUR; // Meta: half the limit in 7 days, upgrade 6 h later (24 h legacy), documented
    }
  }
  if (due === Infinity) return;
  pool.upgradeDueAt = due;
  sim.schedule(due, { type: 'tier-upgrade', pool: pool.index });
  ctx.trace?.({ t: now, kind: 'upgrade-scheduled', pool: pool.id, at: due });
}

/** A scheduled upgrade applies if quality still allows; otherwise it lapses and is re-evaluated. */
export function onTierUpgrade(e: Extract<ModelEvent, { type: 'tier-upgrade' }>, ctx: MechanismContext): void {
  const pool = ctx.world.pools[e.pool];
  pool.upgradeDueAt = Infinity;
  if (!qualityAllows(ctx.world, pool)) return void checkUpgrade(ctx, pool);
  const firstAuto = firstAutomaticIndex(ctx.world);
  setTier(ctx, pool, Math.max(pool.tierIndex + 1, pool.tierIndex < firstAuto ? firstAuto : 0), 'UPGRADE');
  checkUpgrade(ctx, pool);
}

/** Moves `pool` to tier `index` and tells every member number (webhooks in Meta's shape). */
export function setTier(ctx: MechanismContext, pool: LimitPool, index: number, event: 'UPGRADE' | 'DOWNGRADE'): void {
  const { world, sim } = ctx;
  const tiers = world.portfolio.tiers;
  const previousLimit = tiers[pool.tierIndex].name;
  pool.tierIndex = index;
  pool.tierSince = sim.now;
  pool.peakTierIndex = Math.max(pool.peakTierIndex, index);
  if (pool.reachedAt[index] < 0) pool.reachedAt[index] = sim.now;
  const name = tiers[index].name;
  ctx.trace?.({ t: sim.now, kind: 'tier', pool: pool.id, tier: name, event });
  const perBusiness = world.policy.limits.scope === 'portfolio';
  // business_capability_update: max_daily_conversations_per_business (2025-10) or per phone (legacy) — Meta webhooks, documented
  emitWebhook(ctx, {
    kind: 'business_capability_update',
    ...(perBusiness ? { maxDailyConversationsPerBusiness: limitValue(world, name) } : { maxDailyConversationPerPhone: limitValue(world, name), number: world.numbers[pool.members[0]].id }),
    at: sim.now,
  });
  for (const i of pool.members) {
    emitWebhook(ctx, { kind: 'phone_number_quality_update', number: world.numbers[i].id, event, currentLimit: name, previousLimit, at: sim.now });
  }
}

/**
 * Legacy FLAGGED state (MODEL.md §1 table, documented for the pre-2025-10 regime): called when a
 * number's rating changes. RED → FLAGGED with a review after `flaggedDowngradeDays`; better →
 * UNFLAGGED.
 */
export function onQualityChange(ctx: MechanismContext, n: NumberState): void {
  if (!ctx.world.policy.limits.flagOnLowQuality) return;
  const now = ctx.sim.now;
  const tier = ctx.world.portfolio.tiers[n.pool.tierIndex].name;
  if (n.quality === 'RED' && n.flaggedSince < 0) {
    n.flaggedSince = now;
    ctx.sim.scheduleIn(ctx.world.policy.limits.flaggedDowngradeDays * DAY, { type: 'flag-review', number: n.index, since: now });
    emitWebhook(ctx, { kind: 'phone_number_quality_update', number: n.id, event: 'FLAGGED', currentLimit: tier, at: now });
  } else if (n.quality !== 'RED' && n.flaggedSince >= 0) {
    n.flaggedSince = -1;
    emitWebhook(ctx, { kind: 'phone_number_quality_update', number: n.id, event: 'UNFLAGGED', currentLimit: tier, at: now });
  }
}

/** Seven days FLAGGED without recovery: one tier down (legacy), then flagged again if still RED. */
export function onFlagReview(e: Extract<ModelEvent, { type: 'flag-review' }>, ctx: MechanismContext): void {
  const n = ctx.world.numbers[e.number];
  if (n.flaggedSince !== e.since) return;
  n.flaggedSince = -1;
  if (n.pool.tierIndex > 0) setTier(ctx, n.pool, n.pool.tierIndex - 1, 'DOWNGRADE');
  onQualityChange(ctx, n);
}
