/**
 * Recipients: what generates the signals (MODEL.md §8). Audience segments occupy contiguous
 * ranges of recipient indices; per-recipient state lives in typed arrays (not an object per
 * recipient) so a million-recipient audience stays small. Segment numeric parameters may be
 * distributions, sampled once per run from their own streams.
 */
import { DAY, SECOND, bernoulli, exponential, logNormal, pickWeighted, type Rng } from '../engine/index.js';
import { BLOCK_REASONS, sampleParam, type BlockReason, type NumericParam } from '../policy/index.js';
import type { DelaySpec, ScenarioSegment } from '../scenario/index.js';
import type { StreamFor } from './world.js';

/** A segment with its per-run parameter values. */
export interface SegmentState {
  readonly index: number;
  readonly id: string;
  readonly first: number;
  readonly size: number;
  readonly readProbability: number;
  readonly replyProbability: number;
  readonly blockProbability: number;
  readonly inboundPerDay: number;
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
}

/**
 * Builds the audience: segment ranges in declaration order, parameters sampled for this run.
 * Each distribution-valued parameter draws from stream `param:/audience/segments/i/<key>`.
 */
export function buildAudience(specs: readonly ScenarioSegment[], streamFor: StreamFor): Audience {
  let first = 0;
  const segments = specs.map((spec, index): SegmentState => {
    const sample = (key: 'readProbability' | 'replyProbability' | 'blockProbability' | 'inboundPerDay'): number =>
      sampleParam(spec[key] as NumericParam, streamFor(`param:/audience/segments/${index}/${key}`));
    const reasons = spec.blockReasons as Partial<Record<BlockReason, number>>;
    const seg: SegmentState = {
      index,
      id: spec.id,
      first,
      size: spec.size,
      readProbability: sample('readProbability'),
      replyProbability: sample('replyProbability'),
      blockProbability: sample('blockProbability'),
      inboundPerDay: sample('inboundPerDay'),
      readDelay: spec.readDelay,
      replyDelay: spec.replyDelay,
      blockDelay: spec.blockDelay,
      blockReasonWeights: BLOCK_REASONS.map((r) => reasons[r] ?? 0),
    };
    first += spec.size;
    return seg;
  });
  const segmentOf = new Uint16Array(first);
  for (const seg of segments) segmentOf.fill(seg.index, seg.first, seg.first + seg.size);
  return { size: first, segments, segmentOf, reached: new Uint8Array(first) };
}

/** Draws one delay in milliseconds from a per-message delay spec given in seconds. */
export function sampleDelay(spec: DelaySpec, rng: Rng): number {
  const seconds = 'exponential' in spec ? exponential(rng, spec.exponential.mean) : logNormal(rng, spec.lognormal.median, spec.lognormal.sigma);
  return Math.round(seconds * SECOND);
}

/** What a recipient does with one delivered template message: delays in ms, or -1 for never. */
export interface Feedback {
  readonly readAfter: number;
  readonly replyAfter: number;
  readonly blockAfter: number;
  readonly blockReason: BlockReason;
}

/**
 * Draws a recipient's reaction to a delivered message. A reply implies the message was read
 * first; a block is independent of reading (users block from the notification).
 * Rule: read/reply/block probabilities and delays per segment — MODEL.md §8, scenario input.
 * Draw count is fixed (7 draws) so later mechanisms' draws never shift.
 */
export function drawFeedback(seg: SegmentState, rng: Rng): Feedback {
  const reads = bernoulli(rng, seg.readProbability);
  const replies = bernoulli(rng, seg.replyProbability);
  const blocks = bernoulli(rng, seg.blockProbability);
  let readAfter = sampleDelay(seg.readDelay, rng);
  const replyAfter = readAfter + sampleDelay(seg.replyDelay, rng);
  const blockAfter = sampleDelay(seg.blockDelay, rng);
  const reason = BLOCK_REASONS[Math.max(0, pickWeighted(rng, seg.blockReasonWeights))];
  if (!reads && !replies) readAfter = -1;
  return {
    readAfter,
    replyAfter: replies && !blocks ? replyAfter : -1,
    blockAfter: blocks ? blockAfter : -1,
    blockReason: reason,
  };
}

/**
 * Time until the next spontaneous inbound message from anyone in `seg` (ms), a Poisson process
 * of rate size × inboundPerDay per day; Infinity when the rate is 0.
 */
export function nextInboundDelay(seg: SegmentState, rng: Rng): number {
  const perDay = seg.size * seg.inboundPerDay;
  return perDay > 0 ? Math.max(1, Math.round(exponential(rng, DAY / perDay))) : Infinity;
}

/** A uniformly chosen recipient of `seg`. */
export function pickRecipient(seg: SegmentState, rng: Rng): number {
  return seg.first + Math.floor(rng.next() * seg.size);
}
