/**
 * A moving-window count of unique users: how many distinct users were touched in (now − window,
 * now]. Used for the 24-hour messaging limit, the 7-day upgrade lookback and the 30-day scaling
 * path (MODEL.md §1). Per-user times in a Float64Array and a FIFO of (time, user) entries; each
 * touch is O(1) amortised, memory 8 bytes per user plus the live entries.
 */
import { createTimedFifo, fifoPush, fifoDue, fifoShift, type TimedFifo } from './timed-fifo.js';

export interface UniqueCounter {
  readonly window: number;
  /** Distinct users touched in the window, exact after `expire(now)`. */
  count: number;
  /** Per user: time of the latest touch; -Infinity if never. */
  readonly last: Float64Array;
  /** Touches in time order: (time, user). */
  readonly touches: TimedFifo;
}

/**
 * A counter over `users` users with a window of `window` ms.
 * @example const c = createUniqueCounter(10, 1000); touch(c, 3, 0); c.count // 1
 */
export function createUniqueCounter(users: number, window: number): UniqueCounter {
  return { window, count: 0, last: new Float64Array(users).fill(-Infinity), touches: createTimedFifo() };
}

/** Drops entries that left the window; `count` becomes exact for `now`. */
export function expire(c: UniqueCounter, now: number): void {
  const cutoff = now - c.window;
  const f = c.touches;
  while (fifoDue(f, cutoff)) {
    // Only a user's latest entry counts them; older entries of a re-touched user are stale.
    if (c.last[f.values[f.head]] === f.times[f.head]) c.count--;
    fifoShift(f);
  }
}

/**
 * Distinct users touched in the window ending at `now`, without changing the counter: a read for
 * observers (a GET on the phone number) that must not write a mechanism's state. Costs one step per
 * entry that left the window since the owner's last `expire`.
 * @example const c = createUniqueCounter(10, 1000); touch(c, 3, 0); countAt(c, 999) // 1; countAt(c, 1000) // 0
 */
export function countAt(c: UniqueCounter, now: number): number {
  const cutoff = now - c.window;
  const f = c.touches;
  let count = c.count;
  for (let i = f.head; i < f.tail && f.times[i] <= cutoff; i++) if (c.last[f.values[i]] === f.times[i]) count--;
  return count;
}

/** True if `user` was touched in the window ending at `now` (call `expire` first for `count`). */
export function isCounted(c: UniqueCounter, user: number, now: number): boolean {
  return c.last[user] > now - c.window;
}

/** Records a touch of `user` at `now` (non-decreasing times); returns true if the user is new in the window. */
export function touch(c: UniqueCounter, user: number, now: number): boolean {
  const isNew = !isCounted(c, user, now);
  if (isNew) c.count++;
  if (c.last[user] !== now) {
    c.last[user] = now;
    fifoPush(c.touches, now, user);
  }
  return isNew;
}
