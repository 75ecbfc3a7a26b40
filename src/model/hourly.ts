/**
 * The end of each simulated hour: quality ratings are re-evaluated (MODEL.md §2), pending tier
 * upgrades re-checked (§1, quality gates change hourly), and the level series sampled.
 */
import { HOUR } from '../engine/index.js';
import { bump, recordNumberSeries, recordQualityHour, STATUS_CODES } from '../metrics/collector.js';
import { evaluateTrust } from './trust-score.js';
import { numberStatus } from './restrictions.js';
import { evaluatePolicyEnforcement } from './policy-enforcement.js';
import { unansweredCount } from './unanswered.js';
import type { RunContext } from './context.js';
import { PRIORITY, type ModelEvent } from './events.js';
import { feedbackRate, nextRating } from './quality.js';
import { checkUpgrade, onQualityChange, poolLimit } from './tiers.js';
import { expire } from './unique-counter.js';
import { emitWebhook } from './webhooks.js';
import { evaluateTemplates } from './templates.js';
import { checkThroughputUpgrade } from './throughput.js';

export function onHourEnd(e: Extract<ModelEvent, { type: 'hour-end' }>, ctx: RunContext): void {
  const { world, metrics, sim } = ctx;
  const now = sim.now;
  const p = world.policy.quality;
  for (const n of world.numbers) {
    const { rate, delivered } = feedbackRate(n.feedback, now, p);
    const next = nextRating(n.quality, rate, delivered, p, now - n.feedback.lastDelivered);
    if (next !== n.quality) {
      const previous = n.quality;
      n.quality = next;
      ctx.trace?.({ t: now, kind: 'quality', number: n.id, rating: next, previous, rate });
      // phone_number_quality_update QUALITY_UPDATED with current/previous rating — seed 002, documented shape
      emitWebhook(ctx, { kind: 'phone_number_quality_update', number: n.id, event: 'QUALITY_UPDATED', currentLimit: world.portfolio.tiers[n.pool.tierIndex].name, currentQualityRating: next, previousQualityRating: previous, at: now });
      onQualityChange(ctx, n);
    }
    recordQualityHour(metrics, n.id, n.quality, now - 1);
  }
  evaluateTemplates(ctx);
  for (const n of world.numbers) {
    evaluateTrust(ctx, n);
    recordNumberSeries(metrics, `trust.${n.id}`, now - 1, n.trust.score);
    recordNumberSeries(metrics, `unanswered.${n.id}`, now - 1, unansweredCount(n.trust.unanswered));
    recordNumberSeries(metrics, `status.${n.id}`, now - 1, STATUS_CODES[numberStatus(n)] ?? 0);
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
