/**
 * Metrics of one run, gathered as it goes: counters for the summary and hourly series in typed
 * arrays (no per-message objects kept). The model calls these recorders; nothing else writes here.
 */
import { HOUR } from '../engine/index.js';

/** Hourly series recorded for every run (PRODUCT.md "Outputs"). */
export const SERIES_NAMES = [
  'attempted',
  'accepted',
  'delivered',
  'failed',
  'read',
  'replies',
  'blocks',
  'inbound',
  'reports',
  'stops',
  'held',
  'released',
  'dropped',
  'uniqueInWindow',
  'messagingLimit',
  'tierIndex',
] as const;
export type SeriesName = (typeof SERIES_NAMES)[number];

export interface Collector {
  readonly hours: number;
  /** Hourly series; a count's run total is the sum of its series (`total`), not kept twice. */
  readonly series: Record<SeriesName, Float64Array>;
  webhooks: number;
  aggressiveRetries: number;
  graphRequests: number;
  failedByCode: Map<string, number>;
  blocksByReason: Map<string, number>;
  /** Per number id: hours spent at each quality rating. */
  qualityHours: Map<string, Record<string, number>>;
  /** Per-number hourly series by key `<name>.<number id>`: quality code, trust score, unanswered counter, status code. */
  numberSeries: Map<string, Float64Array>;
  /** The hour bucket last recorded to and its range [from, to) in ms (most records land in the same hour as the one before). */
  hour: number;
  hourFrom: number;
  hourTo: number;
}

/** A collector for a run of `horizon` ms. */
export function createCollector(horizon: number): Collector {
  const hours = Math.max(1, Math.ceil(horizon / HOUR));
  const series = Object.fromEntries(SERIES_NAMES.map((n) => [n, new Float64Array(hours)])) as Record<SeriesName, Float64Array>;
  return {
    hours,
    series,
    webhooks: 0,
    aggressiveRetries: 0,
    graphRequests: 0,
    failedByCode: new Map(),
    blocksByReason: new Map(),
    qualityHours: new Map(),
    numberSeries: new Map(),
    hour: 0,
    hourFrom: 0,
    hourTo: 0,
  };
}

/** Hour bucket of time `t` (ms), clamped to the horizon. */
export function hourOf(c: Collector, t: number): number {
  if (t >= c.hourFrom && t < c.hourTo) return c.hour;
  const hour = Math.min(c.hours - 1, Math.floor(t / HOUR));
  c.hour = hour;
  c.hourFrom = hour * HOUR;
  c.hourTo = hour === c.hours - 1 ? Infinity : c.hourFrom + HOUR;
  return hour;
}

/** Counts one `name` at time `t`, in its hourly series (the run total is the series' sum). */
export function count(c: Collector, name: SeriesName, t: number): void {
  c.series[name][hourOf(c, t)]++;
}

/** The run total of a counted series: the sum of its hours (exact: integer counts). */
export function total(c: Collector, name: SeriesName): number {
  const s = c.series[name];
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += s[i];
  return sum;
}

/** Run totals without an hourly series. */
export type TalliedName = 'webhooks' | 'aggressiveRetries' | 'graphRequests';

/** Counts one `name` in the run's totals. */
export function tally(c: Collector, name: TalliedName): void {
  c[name]++;
}

/** Adds `by` to an hourly series at time `t`. */
export function bump(c: Collector, name: SeriesName, t: number, by = 1): void {
  c.series[name][hourOf(c, t)] += by;
}

/** Counts one failure with `code` at time `t`. */
export function recordFailure(c: Collector, code: number | string, t: number): void {
  const key = String(code);
  c.failedByCode.set(key, (c.failedByCode.get(key) ?? 0) + 1);
  bump(c, 'failed', t);
}

/** Counts one block with `reason` at time `t`. */
export function recordBlock(c: Collector, reason: string, t: number): void {
  c.blocksByReason.set(reason, (c.blocksByReason.get(reason) ?? 0) + 1);
  bump(c, 'blocks', t);
}

/**
 * Records one hour that number `id` spent at `rating` (one of the ordered `ratings`), ending at
 * time `t`: the hours per rating, and the rating's index in `ratings` as the hourly code of series
 * `quality.<id>`.
 */
export function recordQualityHour(c: Collector, id: string, rating: string, ratings: readonly string[], t: number): void {
  let hours = c.qualityHours.get(id);
  if (!hours) {
    hours = Object.fromEntries(ratings.map((r) => [r, 0]));
    c.qualityHours.set(id, hours);
  }
  hours[rating]++;
  recordNumberSeries(c, `quality.${id}`, t, ratings.indexOf(rating));
}

/** Sets the value of per-number series `key` for the hour of `t`. */
export function recordNumberSeries(c: Collector, key: string, t: number, value: number): void {
  let series = c.numberSeries.get(key);
  if (!series) {
    series = new Float64Array(c.hours);
    c.numberSeries.set(key, series);
  }
  series[hourOf(c, t)] = value;
}
