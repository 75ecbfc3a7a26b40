/**
 * A first-in first-out queue of (time, value) pairs in typed arrays, for the model's moving
 * windows: entries go in at non-decreasing times and leave from the front once they are old
 * enough. O(1) amortised per entry; 12 bytes per live entry; no object per entry.
 */

export interface TimedFifo {
  times: Float64Array;
  values: Int32Array;
  /** Live entries are [head, tail). */
  head: number;
  tail: number;
}

/** An empty FIFO. */
export function createTimedFifo(capacity = 256): TimedFifo {
  return { times: new Float64Array(capacity), values: new Int32Array(capacity), head: 0, tail: 0 };
}

/** Number of live entries. */
export function fifoLength(f: TimedFifo): number {
  return f.tail - f.head;
}

/**
 * Appends (time, value) at the back; compacts or doubles the arrays when the back is full.
 * @example const f = createTimedFifo(); fifoPush(f, 1000, 42); f.times[f.head] // 1000
 */
export function fifoPush(f: TimedFifo, time: number, value: number): void {
  if (f.tail === f.times.length) {
    const live = f.tail - f.head;
    if (live < f.times.length / 2) {
      f.times.copyWithin(0, f.head, f.tail);
      f.values.copyWithin(0, f.head, f.tail);
    } else {
      const times = new Float64Array(f.times.length * 2);
      const values = new Int32Array(f.values.length * 2);
      times.set(f.times.subarray(f.head, f.tail));
      values.set(f.values.subarray(f.head, f.tail));
      f.times = times;
      f.values = values;
    }
    f.head = 0;
    f.tail = live;
  }
  f.times[f.tail] = time;
  f.values[f.tail] = value;
  f.tail++;
}

/** True if the front entry's time is at most `t` (there is a front entry). */
export function fifoDue(f: TimedFifo, t: number): boolean {
  return f.head < f.tail && f.times[f.head] <= t;
}

/** Removes the front entry (read it first: `f.times[f.head]`, `f.values[f.head]`). */
export function fifoShift(f: TimedFifo): void {
  f.head++;
}
