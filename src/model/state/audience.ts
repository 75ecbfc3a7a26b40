/**
 * The recipients' state (MODEL.md §8): segments as contiguous index ranges, per-recipient typed
 * arrays (written by recipients.ts), the per-user marketing cap (written by marketing-cap.ts), and
 * the scratch a reaction draw fills (recipients.ts drawFeedback).
 */
import type { DelaySpec } from '../../scenario/index.js';

/** A segment with its per-run parameter values. */
export interface SegmentState {
  readonly index: number;
  readonly id: string;
  readonly first: number;
  readonly size: number;
  readonly optIn: 'explicit' | 'implied' | 'none';
  readonly consent: readonly string[];
  readonly readProbability: number;
  readonly replyProbability: number;
  readonly blockProbability: number;
  readonly reportProbability: number;
  readonly stopProbability: number;
  readonly brandRecognition: number;
  readonly fatigue: number;
  readonly inboundPerDay: number;
  readonly marketingFromOthersPerDay: number;
  readonly readDelay: DelaySpec;
  readonly replyDelay: DelaySpec;
  readonly blockDelay: DelaySpec;
  /** Weights in BLOCK_REASONS order. */
  readonly blockReasonWeights: readonly number[];
}

export interface Audience {
  readonly size: number;
  readonly segments: readonly SegmentState[];
  /** Per recipient: index of its segment. */
  readonly segmentOf: Uint16Array;
  /** Per recipient: 1 once any message was delivered to them (unique users reached). */
  readonly reached: Uint8Array;
  /** Per recipient: 1 after they replied STOP to the business. */
  readonly stopped: Uint8Array;
  /** Per recipient: recency-decayed count of messages received from the business (fatigue). */
  readonly recent: Float32Array;
  readonly recentAt: Float64Array;
  /** Per recipient: templates delivered so far; the k-th one's reaction is drawn at (recipient, k) (common random numbers). */
  readonly received: Uint32Array;
  /** Per-user marketing cap state (marketing-cap.ts). */
  readonly marketing: MarketingState;
  /** Recipients' time zones (issue 22); set when the world is built, never written after. */
  readonly zones: RecipientZones;
  /** Per declared attribute name: its value per recipient (NaN outside the segments that declare it); set when built. */
  readonly attributes: ReadonlyMap<string, Float32Array>;
}

/**
 * Recipients' time zones: the zone names any segment declares (index 0 is UTC), each recipient's
 * zone index (null when no segment declares zones: everyone is in UTC), and each zone's UTC
 * offset in minutes for each simulated day (`offsets[zone * days + day]`; recipients.ts buildZones).
 */
export interface RecipientZones {
  readonly names: readonly string[];
  /** Calendar UTC ms of simulated time 0 (the scenario's `start`). */
  readonly epoch: number;
  readonly zoneOf: Uint8Array | null;
  readonly days: number;
  readonly offsets: Int16Array;
}

/** What a recipient does with one delivered template message: delays in ms, or -1 for never. */
export interface Feedback {
  readAfter: number;
  replyAfter: number;
  blockAfter: number;
  /** Index into BLOCK_REASONS. */
  blockReason: number;
  reportAfter: number;
  stopAfter: number;
}

/** Per-recipient state: the last MARKETING_SLOTS own marketing deliveries (newest first), last reply, last 131049, end of the saturation. */
export interface MarketingState {
  readonly recent: Float64Array;
  readonly lastReply: Float64Array;
  readonly last131049: Float64Array;
  readonly saturatedUntil: Float64Array;
  /** Per user: draws of other brands' volume so far; the k-th is drawn at (user, k) (common random numbers). */
  readonly checks: Uint32Array;
}
