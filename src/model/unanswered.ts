/**
 * The 30-day unanswered counter (MODEL.md §6, 2026; seed 003, estimate): each business-initiated
 * message that gets no reply within 48 hours adds one to a counter that keeps it for a rolling
 * 30 days. Opt-in does not exempt a sender. Kept per number as two FIFOs, processed hourly:
 * deliveries waiting for their 48 h verdict, and judged messages (answered or not) waiting to
 * expire, so the counter is also a share: unanswered of judged business-initiated messages
 * (MODEL.md §6b: relative, not absolute).
 */
import { DAY, HOUR } from '../engine/index.js';
import type { Policy } from '../policy/index.js';
import { createTimedFifo, fifoLength, fifoPush, fifoDue, fifoShift } from './timed-fifo.js';
import type { UnansweredState } from './state/index.js';

export function createUnansweredState(): UnansweredState {
  return { pending: createTimedFifo(), judged: createTimedFifo(), count: 0, peak: 0 };
}

/** Records a delivered business-initiated message. */
export function noteBusinessDelivery(u: UnansweredState, now: number, user: number): void {
  fifoPush(u.pending, now, user);
}

/** The counter now. */
export function unansweredCount(u: UnansweredState): number {
  return u.count;
}

/** Judged business-initiated messages on the counter now (answered or not). */
export function judgedCount(u: UnansweredState): number {
  return fifoLength(u.judged);
}

/**
 * Advances to `now`: messages older than the reply window without a reply since their delivery
 * are counted (kept for `keepDays`); expired ones leave. `lastReply` holds each user's latest reply.
 */
export function advanceUnanswered(u: UnansweredState, now: number, lastReply: Float64Array, p: Policy['unanswered']): number {
  const window = p.replyWindowHours * HOUR;
  const pending = u.pending;
  while (fifoDue(pending, now - window)) {
    const at = pending.times[pending.head];
    const user = pending.values[pending.head];
    fifoShift(pending);
    // Answered if the user replied within the window after this message (seed 003: "reply within 48 hours")
    const unanswered = lastReply[user] > at && lastReply[user] <= at + window ? 0 : 1;
    fifoPush(u.judged, at + window + p.keepDays * DAY, unanswered);
    u.count += unanswered;
  }
  const judged = u.judged;
  while (fifoDue(judged, now)) {
    u.count -= judged.values[judged.head];
    fifoShift(judged);
  }
  u.peak = Math.max(u.peak, u.count);
  return u.count;
}

/**
 * The counter's weight on the trust score: nothing while the unanswered share is at or below
 * `safeShare` or fewer than `minJudged` messages are judged, full at `dangerShare`, linear between
 * (seed 003's reply-ratio zones; MODEL.md §6b, relative thresholds — estimates).
 */
export function unansweredWeight(u: UnansweredState, p: Policy['unanswered']): number {
  const judged = judgedCount(u);
  if (judged < Math.max(1, p.minJudged)) return 0;
  const share = u.count / judged;
  if (share <= p.safeShare) return 0;
  return p.weight * Math.min(1, (share - p.safeShare) / Math.max(1e-9, p.dangerShare - p.safeShare));
}
