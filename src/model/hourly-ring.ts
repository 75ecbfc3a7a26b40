/**
 * Hourly counters over a trailing window: a ring of `slots` hours per named channel, each slot
 * tagged with the absolute hour it holds so stale slots read as zero. Used by the trust score
 * and the quality ratings.
 *
 * The ring remembers the hour it last wrote to: almost every count lands in the same hour as the
 * one before, so it costs a range check rather than a division and a modulo (`npm run bench`,
 * line "full model": a dozen counts per message).
 */
import { HOUR } from '../engine/index.js';

export interface HourlyRing<C extends string> {
  readonly slots: number;
  readonly hourOf: Int32Array;
  readonly channels: Record<C, Float64Array>;
  /** The hour last written to: its slot and its range [from, to) in ms (empty before the first write). */
  slot: number;
  from: number;
  to: number;
}

/** A ring of `slots` hours with the given channels. */
export function createHourlyRing<C extends string>(slots: number, channels: readonly C[]): HourlyRing<C> {
  return {
    slots,
    hourOf: new Int32Array(slots).fill(-1),
    channels: Object.fromEntries(channels.map((c) => [c, new Float64Array(slots)])) as Record<C, Float64Array>,
    slot: 0,
    from: 0,
    to: 0,
  };
}

/** Adds `by` to `channel` in the hour of `now`. */
export function addHourly<C extends string>(r: HourlyRing<C>, now: number, channel: C, by = 1): void {
  const slot = now >= r.from && now < r.to ? r.slot : enterHour(r, now);
  r.channels[channel][slot] += by;
}

/** Makes the hour of `now` the one written to, clearing its slot if it held an older hour. */
function enterHour<C extends string>(r: HourlyRing<C>, now: number): number {
  const hour = Math.floor(now / HOUR);
  const slot = hour % r.slots;
  if (r.hourOf[slot] !== hour) {
    r.hourOf[slot] = hour;
    for (const key in r.channels) r.channels[key][slot] = 0;
  }
  r.slot = slot;
  r.from = hour * HOUR;
  r.to = r.from + HOUR;
  return slot;
}

/** Empties every slot (the counts start afresh). */
export function clearHourly<C extends string>(r: HourlyRing<C>): void {
  r.hourOf.fill(-1);
  r.from = 0;
  r.to = 0;
}

/**
 * Sum of `channel` over the `hours` hours ending with the hour that contains `now` (inclusive).
 * A fractional `hours` (a window in days drawn from a distribution, or varied by `wabasim
 * sensitivity`) counts whole hours, rounded: the ring holds whole hours (without the rounding,
 * the loop ran over fractional hours that match no slot, and the sum was 0).
 */
export function sumHourly<C extends string>(r: HourlyRing<C>, now: number, channel: C, hours: number): number {
  const hour = Math.floor(now / HOUR);
  let total = 0;
  for (let h = Math.max(0, hour - Math.min(Math.round(hours), r.slots) + 1); h <= hour; h++) {
    const slot = h % r.slots;
    if (r.hourOf[slot] === h) total += r.channels[channel][slot];
  }
  return total;
}
