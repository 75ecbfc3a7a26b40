/**
 * Messaging limits and tiers (MODEL.md §1; seeds 000, 001, 002, 004; Meta "Messaging limits").
 *
 * The limit counts unique users reached with business-initiated messages in a moving window
 * (24 h, `limits.windowHours`), not calendar days; messages inside a customer-service window are
 * not counted. A pool is the portfolio (scope `portfolio`, 2025-10 rules) or one number (legacy).
 */
import { HOUR } from '../engine/index.js';
import type { Policy, TierDef } from '../policy/index.js';

/** A moving-window unique-user counter with a tier; one per portfolio or per number. */
export interface LimitPool {
  readonly id: string;
  tierIndex: number;
  /** Highest tier index reached. */
  peakTierIndex: number;
  /** Unique users currently counted in the window. */
  count: number;
  /** Per recipient: time it was last counted (ms); -Infinity if never. */
  readonly lastCounted: Float64Array;
  /** FIFO of (time, recipient) counting entries, as a growable ring in typed arrays. */
  queueTimes: Float64Array;
  queueUsers: Int32Array;
  head: number;
  tail: number;
}

/**
 * Creates a pool for `recipients` users starting at `tierIndex`.
 * @example createPool('portfolio', 1000, 0).count // 0
 */
export function createPool(id: string, recipients: number, tierIndex: number): LimitPool {
  const lastCounted = new Float64Array(recipients).fill(-Infinity);
  return { id, tierIndex, peakTierIndex: tierIndex, count: 0, lastCounted, queueTimes: new Float64Array(1024), queueUsers: new Int32Array(1024), head: 0, tail: 0 };
}

/** The unique-user limit of the pool's tier (Infinity for an unlimited tier). */
export function poolLimit(pool: LimitPool, tiers: readonly TierDef[]): number {
  return tiers[pool.tierIndex].limit ?? Infinity;
}

/** Drops counting entries older than the window; the count becomes exact for time `now`. */
export function expireWindow(pool: LimitPool, now: number, policy: Policy): void {
  const cutoff = now - policy.limits.windowHours * HOUR;
  while (pool.head < pool.tail && pool.queueTimes[pool.head] <= cutoff) {
    const user = pool.queueUsers[pool.head];
    // A user re-counted later has a newer lastCounted; only the entry that counts them expires them.
    if (pool.lastCounted[user] === pool.queueTimes[pool.head]) pool.count--;
    pool.head++;
  }
}

/**
 * Tries to count `user` as reached by a business-initiated message at `now`.
 * A user already messaged in the window costs nothing (their window restarts); a new user needs
 * free capacity.
 * Rule: unique users in a moving 24 h window — Meta "Messaging limits", documented.
 * @returns true if the message may go out, false at the limit (failure `limit_reached`)
 */
export function tryCount(pool: LimitPool, user: number, now: number, policy: Policy, tiers: readonly TierDef[]): boolean {
  expireWindow(pool, now, policy);
  const inWindow = pool.lastCounted[user] > now - policy.limits.windowHours * HOUR;
  if (!inWindow) {
    if (pool.count >= poolLimit(pool, tiers)) return false;
    pool.count++;
  }
  // The user stays counted for a full window after their latest business-initiated message.
  if (pool.lastCounted[user] !== now) {
    pool.lastCounted[user] = now;
    enqueue(pool, now, user);
  }
  return true;
}

function enqueue(pool: LimitPool, time: number, user: number): void {
  if (pool.tail === pool.queueTimes.length) {
    const live = pool.tail - pool.head;
    if (pool.head > 0 && live < pool.queueTimes.length / 2) {
      pool.queueTimes.copyWithin(0, pool.head, pool.tail);
      pool.queueUsers.copyWithin(0, pool.head, pool.tail);
    } else {
      const times = new Float64Array(pool.queueTimes.length * 2);
      const users = new Int32Array(pool.queueUsers.length * 2);
      times.set(pool.queueTimes.subarray(pool.head, pool.tail));
      users.set(pool.queueUsers.subarray(pool.head, pool.tail));
      pool.queueTimes = times;
      pool.queueUsers = users;
    }
    pool.head = 0;
    pool.tail = live;
  }
  pool.queueTimes[pool.tail] = time;
  pool.queueUsers[pool.tail] = user;
  pool.tail++;
}

/** Index of the tier named `name` in `tiers`, or -1. */
export function tierIndexOf(tiers: readonly TierDef[], name: string): number {
  return tiers.findIndex((t) => t.name === name);
}
