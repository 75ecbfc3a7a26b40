/**
 * Throughput (MODEL.md §4; Meta "Throughput", seed 002): per number, messages per second,
 * inbound and outbound combined — 80 by default, 20 for coexistence, 1,000 after the automatic
 * upgrade; over it → 130429. The upgrade (2025-10 rules): the portfolio is at an unlimited tier,
 * the number reached ≥ 100K unique users outside service windows in a moving 24 h, quality MEDIUM
 * or better → upgraded within 12 h; while it runs (~1 minute) sends fail with 131057.
 */
import { HOUR, SECOND } from '../engine/index.js';
import type { Channel, Policy } from '../policy/index.js';
import type { RunContext } from './context.js';
import type { ModelEvent } from './events.js';
import { qualityRank } from './quality.js';
import { expire } from './unique-counter.js';
import { emitWebhook } from './webhooks.js';
import type { NumberState } from './world.js';

export interface ThroughputState {
  /** Current limit in messages per second. */
  mps: number;
  /** The integer second being counted and the messages in it. */
  second: number;
  used: number;
  /** Sends fail with 131057 until this time (ms). */
  upgradingUntil: number;
  upgradeScheduled: boolean;
}

/** Initial throughput of a number by channel — Meta throughput page, documented. */
export function createThroughput(channel: Channel, policy: Policy): ThroughputState {
  return { mps: channel === 'coexistence' ? policy.throughput.coexistenceMps : policy.throughput.defaultMps, second: -1, used: 0, upgradingUntil: -1, upgradeScheduled: false };
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

/** Checks the upgrade criteria hourly and schedules the upgrade — Meta throughput page, documented. */
export function checkThroughputUpgrade(ctx: RunContext, n: NumberState): void {
  const { world, sim } = ctx;
  const p = world.policy.throughput;
  if (n.throughput.upgradeScheduled || n.throughput.mps >= p.upgradedMps || n.channel !== 'cloud-api') return; // the upgrade is a Cloud API feature (Meta throughput page)
  if (world.portfolio.tiers[n.pool.tierIndex].limit !== null) return;
  if (qualityRank(n.quality) > 1) return;
  expire(n.window, sim.now);
  if (n.window.count < p.upgradeUniqueUsers) return;
  n.throughput.upgradeScheduled = true;
  sim.scheduleIn(p.upgradeDelayHours * HOUR, { type: 'throughput-upgrade', number: n.index });
}

/** The upgrade starts: 131057 for `upgradeSeconds`, then the higher rate and a THROUGHPUT_UPGRADE webhook. */
export function onThroughputUpgrade(e: Extract<ModelEvent, { type: 'throughput-upgrade' }>, ctx: RunContext): void {
  const n = ctx.world.numbers[e.number];
  const p = ctx.world.policy.throughput;
  n.throughput.upgradingUntil = ctx.sim.now + p.upgradeSeconds * SECOND;
  n.throughput.mps = p.upgradedMps;
  ctx.trace?.({ t: ctx.sim.now, kind: 'throughput-upgrade', number: n.id, mps: p.upgradedMps });
  emitWebhook(ctx, { kind: 'phone_number_quality_update', number: n.id, event: 'THROUGHPUT_UPGRADE', currentLimit: ctx.world.portfolio.tiers[n.pool.tierIndex].name, at: ctx.sim.now });
}
