/** The hidden trust score (MODEL.md §6, seed 003) and the 30-day unanswered counter; written by trust-score.ts and unanswered.ts. */
import type { HourlyRing } from '../hourly-ring.js';
import type { TimedFifo } from '../timed-fifo.js';

/** What the trust score counts hour by hour. */
export const RING_CHANNELS = ['sent', 'delivered', 'deliveredAll', 'replies', 'blocks', 'retries', 'hammer'] as const;
export type RingChannel = (typeof RING_CHANNELS)[number];

export const TRUST_LAYERS = ['registration', 'behaviour', 'blockCascade', 'content'] as const;

export type TrustLayer = (typeof TRUST_LAYERS)[number];

export interface TrustState {
  readonly ring: HourlyRing<RingChannel>;
  /** Registration layer (static for the run). */
  readonly registration: number;
  /** Send intervals in the current hour: count, sum, sum of squares, last send time. */
  intervals: { n: number; sum: number; sumSq: number; last: number };
  /** Sends per template index in the current hour (a sparse array: unsent templates are holes). */
  readonly templateHour: number[];
  readonly unanswered: UnansweredState;
  score: number;
  peak: number;
  layers: Record<TrustLayer, number>;
  /** Time the number turned RED (-1 when not RED). */
  redSince: number;
  /** Whether the score may restrict this number (its channel is in `appliesTo.trustScore`, MODEL.md §6b) or is only reported as a risk indicator. */
  readonly acts: boolean;
  /** The channel is judged on velocity at any age (`appliesTo.velocity`). */
  readonly velocityAlways: boolean;
  /** The channel is judged on young-number rules whatever the portfolio's age (`appliesTo.youngNumberRules`). */
  readonly youngRulesAlways: boolean;
  /** Time of the latest send or feedback on this number (-1 before any): a lifted restriction needs new evidence before another. */
  lastEvidence: number;
  /** Hours the score stood at or above the restriction score. */
  hoursOverRestrictScore: number;
}

export interface UnansweredState {
  /** Delivered business-initiated messages awaiting the verdict: (delivery time, recipient). */
  readonly pending: TimedFifo;
  /** Judged messages on the counter: (expiry time, 1 if unanswered else 0). */
  readonly judged: TimedFifo;
  /** Unanswered messages among the judged ones: the counter. */
  count: number;
  peak: number;
}
