/**
 * The end of each simulated hour, in this order: number quality ratings (MODEL.md §2) and what a
 * change sets off (§1, legacy flagging), template quality (§3), the trust score (§6) and the
 * policy-enforcement ladder (§6b), throughput upgrades (§4), tier upgrades (§1, quality gates
 * change hourly); then the level series are sampled. Each step is its mechanism's own function;
 * this module only orders them.
 */
import { HOUR } from '../engine/index.js';
import { bump, recordNumberSeries, recordQualityHour } from '../metrics/collector.js';
import { QUALITY_RATINGS } from './observable.js';
import { STATUS_CODES } from './series-codes.js';
import { evaluateTrust } from './trust-score.js';
import { numberStatus } from './restrictions.js';
import { evaluatePolicyEnforcement } from './policy-enforcement.js';
import { unansweredCount } from './unanswered.js';
import type { RunContext } from './context.js';
import { PRIORITY, type ModelEvent } from './events.js';
import { rateNumber } from './quality.js';
import { checkUpgrade, onQualityChange, poolLimit } from './tiers.js';
import { expire } from './unique-counter.js';
import { evaluateTemplates } from './templates.js';
import { checkThroughputUpgrade } from './throughput.js';

export function onHourEnd(e: Extract<ModelEvent, { type: 'hour-end' }>, ctx: RunContext): void {
  const { world, metrics, sim } = ctx;
  const now = sim.now;
  for (const n of world.numbers) {
    if (rateNumber(ctx, n)) onQualityChange(ctx, n); // a rating change may flag the number (legacy) — tiers.ts
    recordQualityHour(metrics, n.id, n.quality, QUALITY_RATINGS, now - 1);
  }
  evaluateTemplates(ctx);
  for (const n of world.numbers) {
    evaluateTrust(ctx, n);
    recordNumberSeries(metrics, `trust.${n.id}`, now - 1, n.trust.score);
    recordNumberSeries(metrics, `unanswered.${n.id}`, now - 1, unansweredCount(n.trust.unanswered));
    recordNumberSeries(metrics, `status.${n.id}`, now - 1, STATUS_CODES[numberStatus(n)]);
  }
  evaluatePolicyEnforcement(ctx);
  for (const n of world.numbers) checkThroughputUpgrade(ctx, n);
  let unique = 0;
  let limit = 0;
  let tier = Infinity;
  for (const pool of world.pools) {
    checkUpgrade(ctx, pool);
    expire(pool.window, now);
    unique += pool.window.count;
    limit += poolLimit(pool, world.portfolio.tiers);
    tier = Math.min(tier, pool.tierIndex);
  }
  bump(metrics, 'uniqueInWindow', now - 1, unique);
  bump(metrics, 'messagingLimit', now - 1, Number.isFinite(limit) ? limit : -1);
  bump(metrics, 'tierIndex', now - 1, tier);
  if (e.hour + 1 < metrics.hours) sim.schedule((e.hour + 2) * HOUR, { type: 'hour-end', hour: e.hour + 1 }, PRIORITY.bookkeeping);
}
