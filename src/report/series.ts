/**
 * Hourly series → chart rows. Across the runs (seeds) of one variant × strategy, each time bucket
 * gets the mean and the p5/p50/p95 quantiles (simple-statistics' `quantileSorted`, the definition
 * results.json uses), so the charts draw a line and a p5–p95 band.
 */
import { quantileSorted } from 'simple-statistics';
import type { RunResult } from '../run/results.js';
import type { Group, ReportData } from './report-data.js';

/** How an hourly series is reduced to one value per bucket of hours. */
export type Reduce = 'last' | 'max' | 'sum';

/** Extracts the hourly values a chart plots from one run (undefined: the run lacks them). */
export type Extract = (run: RunResult) => readonly number[] | undefined;

/** One chart row: a bucket of one variant × strategy, summarised across seeds. */
export interface BandRow {
  readonly variant: string;
  readonly strategy: string;
  /** Position on the time axis, in days from the start. */
  readonly day: number;
  /** Non-finite statistics (an unlimited messaging limit) are null, which breaks the line. */
  readonly mean: number | null;
  readonly p5: number | null;
  readonly p50: number | null;
  readonly p95: number | null;
}

/**
 * The named series of `run`, or undefined when the run does not record it.
 * @example seriesOf(run, 'delivered')?.length // simulated hours
 */
export function seriesOf(run: RunResult, name: string): readonly number[] | undefined {
  return Object.prototype.hasOwnProperty.call(run.series, name) ? run.series[name] : undefined;
}

/**
 * Whether any run of `data` records series `name`.
 * Why: a chart whose series is absent (an older results file, a mechanism not modelled) is omitted.
 * @example hasSeries(data, 'messagingLimit') // true
 */
export function hasSeries(data: ReportData, name: string): boolean {
  return data.results.runs.some((run) => seriesOf(run, name) !== undefined);
}

/**
 * Running total of `values`.
 * @example cumulative([1, 0, 2]) // [1, 1, 3]
 */
export function cumulative(values: readonly number[]): number[] {
  const out = new Array<number>(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) out[i] = total += values[i];
  return out;
}

/**
 * Reduces `values` to buckets of `step` hours (the last bucket may be shorter).
 * Why: long horizons are drawn with at most a few hundred points per line.
 * @example bucket([1, 2, 3, 4, 5], 2, 'sum') // [3, 7, 5]
 */
export function bucket(values: readonly number[], step: number, reduce: Reduce): number[] {
  if (step <= 1) return [...values];
  const out: number[] = [];
  for (let start = 0; start < values.length; start += step) {
    const end = Math.min(values.length, start + step);
    let v = reduce === 'max' ? -Infinity : 0;
    for (let h = start; h < end; h++) v = reduce === 'sum' ? v + values[h] : reduce === 'max' ? Math.max(v, values[h]) : values[h];
    out.push(v);
  }
  return out;
}

/**
 * The pointwise maximum of every series of `run` whose name starts with `prefix`
 * (e.g. `trust.` → the highest trust score of any number, hour by hour).
 * @example maxOverPrefix(run, 'unanswered.') // [0, 0, 3, …] or undefined
 */
export function maxOverPrefix(run: RunResult, prefix: string): number[] | undefined {
  let out: number[] | undefined;
  for (const [name, values] of Object.entries(run.series)) {
    if (!name.startsWith(prefix)) continue;
    if (!out) out = [...values];
    else for (let i = 0; i < values.length; i++) out[i] = Math.max(out[i] ?? -Infinity, values[i]);
  }
  return out;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Mean and quantiles of one bucket across runs. */
function summarise(values: number[]): Pick<BandRow, 'mean' | 'p5' | 'p50' | 'p95'> {
  values.sort((a, b) => a - b);
  let sum = 0;
  for (const v of values) sum += v;
  return { mean: finite(sum / values.length), p5: finite(quantileSorted(values, 0.05)), p50: finite(quantileSorted(values, 0.5)), p95: finite(quantileSorted(values, 0.95)) };
}

export interface BandOptions {
  /** Hours per bucket. */
  readonly step: number;
  readonly reduce: Reduce;
  /** Day position of bucket `b` (default: the end of the bucket, start + step hours). */
  readonly dayOf?: (b: number) => number;
}

/**
 * Band rows for one group: per bucket, the mean and p5/p50/p95 across its runs of `extract`.
 * Runs lacking the series are left out; a group where none has it yields no rows.
 * Cost: buckets × runs × log(runs).
 * @example bandRowsOf(group, (r) => r.series.delivered, { step: 1, reduce: 'last' })
 */
export function bandRowsOf(group: Group, extract: Extract, opts: BandOptions): BandRow[] {
  const buckets = group.runs.map(extract).filter((v): v is readonly number[] => v !== undefined).map((v) => bucket(v, opts.step, opts.reduce));
  if (buckets.length === 0) return [];
  const length = Math.max(...buckets.map((b) => b.length));
  const dayOf = opts.dayOf ?? ((b: number) => ((b + 1) * opts.step) / 24);
  const rows: BandRow[] = [];
  for (let b = 0; b < length; b++) {
    const values = buckets.filter((v) => b < v.length).map((v) => v[b]);
    rows.push({ variant: group.variant, strategy: group.strategy, day: round(dayOf(b)), ...summarise(values) });
  }
  return rows;
}

/**
 * Band rows for every group of `data` (see bandRowsOf).
 * @example bandRows(data, (r) => seriesOf(r, 'uniqueInWindow'), { step: 2, reduce: 'max' })
 */
export function bandRows(data: ReportData, extract: Extract, opts: BandOptions): BandRow[] {
  return data.groups.flatMap((g) => bandRowsOf(g, extract, opts));
}

/**
 * `x` rounded to 6 decimals, so day positions print short and identical everywhere.
 * @example round(1 / 3) // 0.333333
 */
export function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
