/**
 * Quality rating (MODEL.md §2; seeds 000, 001, 002, 003): per phone number, GREEN / YELLOW / RED
 * (UNKNOWN before enough data), from a recency-weighted measure of user feedback over the last
 * 7 days. Feedback is kept in hourly buckets (a ring of lookbackDays × 24 slots); the rating is
 * re-evaluated at the end of every hour, with hysteresis so it does not flap.
 */
import { DAY, HOUR, HOURS_PER_DAY } from '../engine/index.js';
import type { BlockReason, Policy } from '../policy/index.js';
import type { QualityRating } from './observable.js';
import { addHourly, createHourlyRing } from './hourly-ring.js';
import type { MechanismContext } from './context.js';
import type { NumberState, QualityState } from './state/index.js';
import { emitWebhook } from './webhooks.js';


/** Severity order: UNKNOWN counts as GREEN for scaling (no negative signal yet). */
export function qualityRank(q: QualityRating | string): number {
  return q === 'RED' ? 2 : q === 'YELLOW' ? 1 : 0;
}

export function createQualityState(policy: Policy): QualityState {
  const slots = Math.max(1, Math.round(policy.quality.lookbackDays * HOURS_PER_DAY));
  return { lastDelivered: -Infinity, buckets: createHourlyRing(slots, ['delivered', 'negative', 'positive']) };
}

/** Records one delivered template message. */
export function noteDelivered(q: QualityState, now: number): void {
  addHourly(q.buckets, now, 'delivered');
  q.lastDelivered = now;
}

/** Weight of a block by reason — seed 002 (blocks weighted), weights are estimates. */
export function blockWeight(reason: BlockReason, p: Policy['quality']): number {
  switch (reason) {
    case 'spam':
      return p.blockWeightSpam;
    case 'didnt_sign_up':
      return p.blockWeightDidntSignUp;
    case 'no_longer_needed':
      return p.blockWeightNoLongerNeeded;
    case 'offensive':
      return p.blockWeightOffensive;
    default:
      return p.blockWeightOther;
  }
}

/** Adds negative feedback weight (blocks, reports). */
export function noteNegative(q: QualityState, now: number, weight: number): void {
  addHourly(q.buckets, now, 'negative', weight);
}

/** Adds positive feedback credit (replies, reads). */
export function notePositive(q: QualityState, now: number, credit: number): void {
  addHourly(q.buckets, now, 'positive', credit);
}

/**
 * The recency-weighted negative-feedback rate at `now`: (Σ w·negative − Σ w·positive) / Σ w·delivered
 * over the lookback, w = 0.5^(age / half-life) — MODEL.md §2 (recency-weighted, 7 days), estimate.
 * Also returns the unweighted delivered count that decides UNKNOWN.
 */
export function feedbackRate(q: QualityState, now: number, p: Policy['quality']): { rate: number; delivered: number } {
  const hour = Math.floor(now / HOUR);
  const { slots, hourOf, channels } = q.buckets;
  let neg = 0;
  let pos = 0;
  let del = 0;
  let raw = 0;
  for (let s = 0; s < slots; s++) {
    const h = hourOf[s];
    if (h < 0 || h > hour || hour - h >= slots) continue;
    const w = Math.pow(0.5, (hour - h) / p.halfLifeHours);
    neg += w * channels.negative[s];
    pos += w * channels.positive[s];
    del += w * channels.delivered[s];
    raw += channels.delivered[s];
  }
  return { rate: del > 0 ? Math.max(0, neg - pos) / del : 0, delivered: raw };
}

/**
 * The rating that follows `current` for a weighted `rate`: thresholds from seed 003 (< 1% safe,
 * > 2% RED; estimates), improving only below threshold × (1 − hysteresis). With fewer than
 * `minDelivered` messages a rating stays as it is (UNKNOWN until the first rating), except that a
 * YELLOW or RED number that has sent nothing for `recoveryDays` (`idleMs` so far) is GREEN again.
 * @example nextRating('RED', 0, 0, p, 7 * DAY) // 'GREEN' with recoveryDays 6
 */
export function nextRating(current: QualityRating, rate: number, delivered: number, p: Policy['quality'], idleMs = 0): QualityRating {
  if (delivered < p.minDelivered) {
    // MODEL.md §10: 5–7 days without broadcasts back to GREEN, estimate
    return (current === 'RED' || current === 'YELLOW') && idleMs >= p.recoveryDays * DAY ? 'GREEN' : current;
  }
  const raw: QualityRating = rate > p.redThreshold ? 'RED' : rate > p.yellowThreshold ? 'YELLOW' : 'GREEN';
  if (current === 'UNKNOWN' || qualityRank(raw) >= qualityRank(current)) return raw;
  const relax = 1 - p.hysteresis;
  if (current === 'RED') return rate < p.yellowThreshold * relax ? 'GREEN' : rate < p.redThreshold * relax ? 'YELLOW' : 'RED';
  return rate < p.yellowThreshold * relax ? 'GREEN' : 'YELLOW';
}

/**
 * Hourly: re-rates number `n` from its feedback; a change is traced and announced as
 * phone_number_quality_update QUALITY_UPDATED with the current and previous rating (seed 002's
 * shape). Returns true when the rating changed.
 */
export function rateNumber(ctx: MechanismContext, n: NumberState): boolean {
  const now = ctx.sim.now;
  const p = ctx.world.policy.quality;
  const { rate, delivered } = feedbackRate(n.feedback, now, p);
  const next = nextRating(n.quality, rate, delivered, p, now - n.feedback.lastDelivered);
  if (next === n.quality) return false;
  const previous = n.quality;
  n.quality = next;
  ctx.trace?.({ t: now, kind: 'quality', number: n.id, rating: next, previous, rate });
  emitWebhook(ctx, { kind: 'phone_number_quality_update', number: n.id, event: 'QUALITY_UPDATED', currentLimit: ctx.world.portfolio.tiers[n.pool.tierIndex].name, currentQualityRating: next, previousQualityRating: previous, at: now });
  return true;
}
