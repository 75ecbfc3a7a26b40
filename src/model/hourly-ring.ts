/**
 * Hourly counters over a trailing window: a ring of `slots` hours per named channel, each slot
 * tagged with the absolute hour it holds so stale slots read as zero. Used by the trust score.
 */
import { HOUR } from '../engine/index.js';

export interface HourlyRing<C extends string> {
  readonly slots: number;
  readonly hourOf: Int32Array;
  readonly channels: Record<C, Float64Array>;
}

/** A ring of `slots` hours with the given channels. */
export function createHourlyRing<C extends string>(slots: number, channels: readonly C[]): HourlyRing<C> {
  return {
    slots,
    hourOf: new Int32Array(slots).fill(-1),
    channels: Object.fromEntries(channels.map((c) => [c, new Float64Array(slots)])) as Record<C, Float64Array>,
  };
}

/** Adds `by` to `channel` in the hour of `now`. */
export function addHourly<C extends string>(r: HourlyRing<C>, now: number, channel: C, by = 1): void {
  const hour = Math.floor(now / HOUR);
  const slot = hour % r.slots;
  if (r.hourOf[slot] !== hour) {
    r.hourOf[slot] = hour;
    for (const key in r.channels) r.channels[key][slot] = 0;
  }
  r.channels[channel][slot] += by;
}

/** Sum of `channel` over the `hours` hours ending with the hour that contains `now` (inclusive). */
export function sumHourly<C extends string>(r: HourlyRing<C>, now: number, channel: C, hours: number): number {
  const hour = Math.floor(now / HOUR);
  let total = 0;
  for (let h = Math.max(0, hour - Math.min(hours, r.slots) + 1); h <= hour; h++) {
    const slot = h % r.slots;
    if (r.hourOf[slot] === h) total += r.channels[channel][slot];
  }
  return total;
}
