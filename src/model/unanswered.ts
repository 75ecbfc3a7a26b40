/**
 * The 30-day unanswered counter (MODEL.md §6, 2026; seed 003, estimate): each business-initiated
 * message that gets no reply within 48 hours adds one to a counter that keeps it for a rolling
 * 30 days. Opt-in does not exempt a sender. Kept per number as two FIFOs, processed hourly:
 * deliveries waiting for their 48 h verdict, and counted messages waiting to expire.
 */
import { DAY, HOUR } from '../engine/index.js';
import type { Policy } from '../policy/index.js';
import { createTimedFifo, fifoLength, fifoPush, type TimedFifo } from './timed-fifo.js';

export interface UnansweredState {
  /** Delivered business-initiated messages awaiting the verdict: (delivery time, recipient). */
  readonly pending: TimedFifo;
  /** Counted unanswered messages: (expiry time, unused). */
  readonly counted: TimedFifo;
  peak: number;
}

export function createUnansweredState(): UnansweredState {
  return { pending: createTimedFifo(), counted: createTimedFifo(), peak: 0 };
}

/** Records a delivered business-initiated message. */
export function noteBusinessDelivery(u: UnansweredState, now: number, user: number): void {
  fifoPush(u.pending, now, user);
}

/** The counter now. */
export function unansweredCount(u: UnansweredState): number {
  return fifoLength(u.counted);
}

/**
 * Advances to `now`: messages older than the reply window without a reply since their delivery
 * are counted (kept for `keepDays`); expired ones leave. `lastReply` holds each user's latest reply.
 */
export function advanceUnanswered(u: UnansweredState, now: number, lastReply: Float64Array, p: Policy['unanswered']): number {
  const window = p.replyWindowHours * HOUR;
  const pending = u.pending;
  while (pending.head < pending.tail && pending.times[pending.head] <= now - window) {
    const at = pending.times[pending.head];
    const user = pending.values[pending.head];
    pending.head++;
    // Answered if the user replied within the window after this message (seed 003: "reply within 48 hours")
    if (!(lastReply[user] > at && lastReply[user] <= at + window)) fifoPush(u.counted, at + window + p.keepDays * DAY, 0);
  }
  const counted = u.counted;
  while (counted.head < counted.tail && counted.times[counted.head] <= now) counted.head++;
  const count = unansweredCount(u);
  u.peak = Math.max(u.peak, count);
  return count;
}
