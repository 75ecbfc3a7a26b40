/** The feedback buckets a quality rating is computed from (MODEL.md §2, §3); written by quality.ts. */
import type { HourlyRing } from '../hourly-ring.js';

/** Per-number (or per-template) feedback buckets. */
export interface QualityState {
  /** Time (ms) of the last delivered template message; -Infinity before the first. */
  lastDelivered: number;
  /** Delivered messages and negative and positive weight, by hour over the lookback. */
  readonly buckets: HourlyRing<'delivered' | 'negative' | 'positive'>;
}
