/**
 * The daily sending window and jittered spacing the paced built-ins share (seed 003, community
 * estimates): "concentrate bulk sends within an 8-hour window per day" and "randomize delays
 * between sends — a fixed interval is a documented automation detection signal".
 * Simulated time 0 is the scenario's `start` (by default midnight UTC), so hour `h` of day `d`
 * is `d·DAY + h·HOUR`. Times are simulated milliseconds.
 */
import type { Rng } from '../engine/rng.js';
import { DAY, HOUR } from '../engine/time.js';
import { integerParam, numberParam } from './define-strategy.js';
import type { StrategyParamValues } from './types.js';

/** The window parameters every paced built-in declares (shown by `wabasim list strategies`). */
export const WINDOW_PARAMS = {
  windowStartHour: numberParam(9, 0, 23, 'Hour of the day (from the run start) the daily sending window opens'),
  windowHours: numberParam(8, 1, 24, 'Length of the daily sending window in hours (seed 003: about 8)'),
  perSecond: integerParam(20, 1, 1000, 'Most sends in one simulated second (stays under the 80 MPS throughput)'),
};

/** A daily window: opens at `startHour` of every day and stays open `hours`. */
export interface SendingWindow {
  readonly startHour: number;
  readonly hours: number;
}

/**
 * The window read from a strategy's resolved parameters (the WINDOW_PARAMS keys).
 * @example sendingWindow({ windowStartHour: 9, windowHours: 8 }) // { startHour: 9, hours: 8 }
 */
export function sendingWindow(params: Pick<StrategyParamValues<typeof WINDOW_PARAMS>, 'windowStartHour' | 'windowHours'>): SendingWindow {
  return { startHour: params.windowStartHour, hours: params.windowHours };
}

/**
 * Opening and closing time (ms) of the window of day `day`.
 * @example windowOf(1, { startHour: 9, hours: 8 }) // { start: 33 h, end: 41 h } in ms
 */
export function windowOf(day: number, w: SendingWindow): { readonly start: number; readonly end: number } {
  const start = day * DAY + Math.round(w.startHour * HOUR);
  return { start, end: start + Math.round(w.hours * HOUR) };
}

/**
 * The day of the first window that has not closed at `now` (the open one, or the next).
 * @example windowDay(20 * HOUR, { startHour: 9, hours: 8 }) // 1: today's window closed at 17:00
 */
export function windowDay(now: number, w: SendingWindow): number {
  let day = Math.floor(now / DAY) - 1;
  while (windowOf(day, w).end <= now) day++;
  return day;
}

/**
 * `count` send times in [from, to): the span cut into `count` equal strata, one time drawn
 * uniformly inside each — evenly spread, never a fixed interval (seed 003). Sorted. Draws
 * `count` numbers from `rng`. Cost O(count).
 * @example spreadTimes(rng, 0, 3600_000, 4) // four times, one in each quarter hour
 */
export function spreadTimes(rng: Rng, from: number, to: number, count: number): number[] {
  const times: number[] = [];
  if (count <= 0 || to <= from) return times;
  const step = (to - from) / count;
  for (let i = 0; i < count; i++) times.push(Math.min(to - 1, from + Math.floor((i + rng.next()) * step)));
  return times;
}
