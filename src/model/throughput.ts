/**
 * Throughput (MODEL.md §4; Meta "Throughput", seed 002): per number, messages per second,
 * inbound and outbound combined — 80 by default, 20 for coexistence, 1,000 after the automatic
 * upgrade; over it → 130429. The upgrade (2025-10 rules): the portfolio is at an unlimited tier,
 * the number reached ≥ 100K unique users outside service windows in a moving 24 h, quality MEDIUM
 * or better → upgraded within 12 h; while it runs (~1 minute) sends fail with 131057.
 *
 *   check (each new unique user, and each hour end) ── criteria not met ──▶ checkedAt = now
 *         └─ criteria met ──▶ upgrade at checkedAt + upgradeDelayHours (never before now)
 *   The qualifying moment lies after `checkedAt`, so the upgrade lands within `upgradeDelayHours`
 *   of it however seldom the criteria are checked; the more often they are checked, the closer
 *   it lands to exactly that delay.
 */
import { HOUR, SECOND } from '../engine/index.js';
import type { Channel, Policy } from '../policy/index.js';
import type { MechanismContext } from './context.js';
import type { ModelEvent } from './events.js';
import { qualityRank } from './quality.js';
import { expire } from './unique-counter.js';
import { emitWebhook } from './webhooks.js';
import type { NumberState, ThroughputState } from './state/index.js';

/** Initial throughput of a number by channel — Meta throughput page, documented. */
export function createThroughput(channel: Channel, policy: Policy): ThroughputState {
  return { mps: channel === 'coexistence' ? policy.throughput.coexistenceMps : policy.throughput.defaultMps, second: -1, used: 0, upgradingUntil: -1, upgradeScheduled: false, checkedAt: 0 };
}

/**
 * Takes one message of the number's per-second capacity at `now`; false if the second is full
 * (130429). Inbound messages take capacity too but are never refused (`force`).
 */
export function takeThroughput(t: ThroughputState, now: number, force = false): boolean {
  const second = Math.floor(now / SECOND);
  if (second !== t.second) {
    t.second = second;
    t.used = 0;
  }
  if (!force && t.used >= t.mps) return false;
  t.used++;
  return true;
}

/**
 * Checks the upgrade criteria at `now` and, when they are met, schedules the upgrade
 * `upgradeDelayHours` after the last check that found them unmet — the earliest the number can
 * have qualified — so it lands within that delay of the qualifying moment, not of this check.
 * Called when the number's 24-h unique count grows (delivery.ts) and at every hour end (quality changes hourly).
 * Rule: unlimited tier, ≥ `upgradeUniqueUsers` unique users outside service windows in a moving
 * 24 h, quality MEDIUM or better → 1,000 MPS within 12 h — Meta throughput page, documented.
 * @example checkThroughputUpgrade(ctx, ctx.world.numbers[0]) // at most one throughput-upgrade event scheduled per number
 */
export function checkThroughputUpgrade(ctx: MechanismContext, n: NumberState): void {
  const { world, sim } = ctx;
  const p = world.policy.throughput;
  const t = n.throughput;
  if (t.upgradeScheduled || t.mps >= p.upgradedMps || n.channel !== 'cloud-api') return; // the upgrade is a Cloud API feature (Meta throughput page)
  const now = sim.now;
  if (!qualifies(ctx, n, now)) {
    t.checkedAt = now;
    return;
  }
  t.upgradeScheduled = true;
  const at = Math.max(now, t.checkedAt + p.upgradeDelayHours * HOUR);
  ctx.trace?.({ t: now, kind: 'throughput-upgrade-scheduled', number: n.id, at, notBefore: t.checkedAt });
  sim.schedule(at, { type: 'throughput-upgrade', number: n.index });
}

/** The upgrade criteria hold at `now`: unlimited tier, quality MEDIUM or better, the 24-h unique-user volume. */
function qualifies(ctx: MechanismContext, n: NumberState, now: number): boolean {
  const { world } = ctx;
  const p = world.policy.throughput;
  if (world.portfolio.tiers[n.pool.tierIndex].limit !== null) return false;
  if (qualityRank(n.quality) > 1) return false;
  if (n.window.count < p.upgradeUniqueUsers) return false; // the count only overstates before expire: below means below
  expire(n.window, now);
  return n.window.count >= p.upgradeUniqueUsers;
}

/** The upgrade starts: 131057 for `upgradeSeconds`, then the higher rate and a THROUGHPUT_UPGRADE webhook. */
export function onThroughputUpgrade(e: Extract<ModelEvent, { type: 'throughput-upgrade' }>, ctx: MechanismContext): void {
  const n = ctx.world.numbers[e.number];
  const p = ctx.world.policy.throughput;
  n.throughput.upgradingUntil = ctx.sim.now + p.upgradeSeconds * SECOND;
  n.throughput.mps = p.upgradedMps;
  ctx.trace?.({ t: ctx.sim.now, kind: 'throughput-upgrade', number: n.id, mps: p.upgradedMps });
  emitWebhook(ctx, { kind: 'phone_number_quality_update', number: n.id, event: 'THROUGHPUT_UPGRADE', currentLimit: ctx.world.portfolio.tiers[n.pool.tierIndex].name, at: ctx.sim.now });
}
