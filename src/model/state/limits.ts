/** A messaging-limit pool (MODEL.md §1); written by tiers.ts. */
import type { UniqueCounter } from '../unique-counter.js';

/** A messaging-limit pool with its tier and the counters its rules read. */
export interface LimitPool {
  readonly index: number;
  readonly id: string;
  /** Indices of the numbers that draw on this pool. */
  readonly members: number[];
  tierIndex: number;
  peakTierIndex: number;
  /** Time the current tier started (ms). */
  tierSince: number;
  /** Unique users delivered business-initiated messages in the moving limit window (the limit itself). */
  readonly window: UniqueCounter;
  /** Slots held by accepted business-initiated messages, not delivered yet, to users not counted in the window. */
  reserved: number;
  /** Per user: accepted business-initiated messages whose delivery is pending. */
  readonly pending: Uint16Array;
  /** Per user: 1 while the user holds one of the reserved slots. */
  readonly holds: Uint8Array;
  /** Unique business-initiated users over the upgrade lookback (7 days). */
  readonly lookback: UniqueCounter;
  /** Unique users delivered outside service windows with high-quality templates (scaling path). */
  readonly path: UniqueCounter;
  /** Time a pending upgrade applies (Infinity when none). */
  upgradeDueAt: number;
  /** First time each tier was reached (ms), -1 if never. */
  readonly reachedAt: number[];
}
