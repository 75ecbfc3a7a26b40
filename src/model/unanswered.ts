/**
 * The 30-day unanswered counter (MODEL.md §6, 2026; seed 003, estimate): each business-initiated
 * message that gets no reply within 48 hours adds one to a counter that keeps it for a rolling
 * 30 days. Opt-in does not exempt a sender. Kept per number as two FIFOs, processed hourly:
 * deliveries waiting for their 48 h verdict, and counted messages waiting to expire.
 */
import { DAY, HOUR } from '../engine/index.js';
import type { Policy } from '../policy/index.js';

export interface UnansweredState {
  /** Delivered business-initiated messages awaiting the verdict: times and recipients. */
  readonly pendingTimes: number[];
  readonly pendingUsers: number[];
  pendingHead: number;
  /** Expiry times of counted unanswered messages. */
  readonly counted: number[];
  countedHead: number;
  peak: number;
}

export function createUnansweredState(): UnansweredState {
  return { pendingTimes: [], pendingUsers: [], pendingHead: 0, counted: [], countedHead: 0, peak: 0 };
}

/** Records a delivered business-initiated message. */
export function noteBusinessDelivery(u: UnansweredState, now: number, user: number): void {
  u.pendingTimes.push(now);
  u.pendingUsers.push(user);
}

/** The counter now. */
export function unansweredCount(u: UnansweredState): number {
  return u.counted.length - u.countedHead;
}

/**
 * Advances to `now`: messages older than the reply window without a reply since their delivery
 * are counted (kept for `keepDays`); expired ones leave. `lastReply` holds each user's latest reply.
 */
export function advanceUnanswered(u: UnansweredState, now: number, lastReply: Float64Array, p: Policy['unanswered']): number {
  const window = p.replyWindowHours * HOUR;
  while (u.pendingHead < u.pendingTimes.length && u.pendingTimes[u.pendingHead] <= now - window) {
    const at = u.pendingTimes[u.pendingHead];
    const user = u.pendingUsers[u.pendingHead];
    u.pendingHead++;
    // Answered if the user replied within the window after this message (seed 003: "reply within 48 hours")
    if (!(lastReply[user] > at && lastReply[user] <= at + window)) u.counted.push(at + window + p.keepDays * DAY);
  }
  while (u.countedHead < u.counted.length && u.counted[u.countedHead] <= now) u.countedHead++;
  compact(u);
  const count = unansweredCount(u);
  u.peak = Math.max(u.peak, count);
  return count;
}

function compact(u: UnansweredState): void {
  if (u.pendingHead > 4096 && u.pendingHead * 2 > u.pendingTimes.length) {
    u.pendingTimes.splice(0, u.pendingHead);
    u.pendingUsers.splice(0, u.pendingHead);
    u.pendingHead = 0;
  }
  if (u.countedHead > 4096 && u.countedHead * 2 > u.counted.length) {
    u.counted.splice(0, u.countedHead);
    u.countedHead = 0;
  }
}
