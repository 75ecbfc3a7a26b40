/**
 * Timing for the benchmarks: warm-up, repeated interleaved runs, best of N. Machines are shared
 * and noisy, so the fastest run is the one least disturbed by other work; interleaving engine and
 * reference runs spreads any slow spell over both. And the rows of the table: every line is a
 * figure beside its target, with a ratio on one scale (≥ 1 meets the target) — see `Row`.
 */
import { performance } from 'node:perf_hooks';

/** One timed piece of work: returns how many events it dispatched. */
export type Workload = () => number;

/** Best (fastest) and median wall time of a workload over the measured runs, in seconds. */
export interface Timing {
  readonly events: number;
  readonly best: number;
  readonly median: number;
}

/**
 * One line of the bench table: a measured figure beside its target. Lines measure different things
 * (a speed ratio, seconds, bytes, a speed-up), so figure and target are display strings in the
 * line's own unit, and `ratio` puts every line on one scale: the figure against its target,
 * oriented so that ≥ 1 meets it — figure ÷ target for "at least" targets, target ÷ figure for
 * "at most" targets. Build rows with `atLeast` / `atMost` rather than by hand.
 */
export interface Row {
  readonly name: string;
  /** The measured figure with its unit, e.g. "0.18 × reference", "9.84 s", "0.43 GB". */
  readonly figure: string;
  /** The target in the same unit, e.g. "≥ 0.50 × reference", "≤ 10 s". */
  readonly target: string;
  /** Figure against target, ≥ 1 meets it (e.g. 10 s target ÷ 8 s measured = 1.25). */
  readonly ratio: number;
  /** ratio ≥ 1: the table prints PASS, else BELOW. */
  readonly pass: boolean;
  /** Details printed under the table (the raw measurements behind the figure). */
  readonly notes: readonly string[];
}

/** Runs the collector if node was started with --expose-gc, so one run's garbage does not land in the next. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Times one run of `work` in seconds, after a garbage collection.
 * @example const [events, s] = timeOnce(() => 42);
 */
export function timeOnce(work: Workload): [events: number, seconds: number] {
  collectGarbage();
  const t0 = performance.now();
  const events = work();
  return [events, (performance.now() - t0) / 1000];
}

/**
 * Times `engine` and `reference` `reps` times each, alternating, after `warmup` untimed runs of
 * each. Both must dispatch the same number of events every time (they do the same work).
 * @throws {Error} when the event counts differ (the two sides no longer do the same work)
 * @example const [e, r] = timePair(() => runEngine(), () => runReference(), 2, 5);
 */
export function timePair(engine: Workload, reference: Workload, warmup: number, reps: number): [Timing, Timing] {
  for (let i = 0; i < warmup; i++) sameEvents(engine(), reference());
  const e: number[] = [];
  const r: number[] = [];
  let events = 0;
  for (let i = 0; i < reps; i++) {
    const [ne, se] = timeOnce(engine);
    const [nr, sr] = timeOnce(reference);
    events = sameEvents(ne, nr);
    e.push(se);
    r.push(sr);
  }
  return [summarise(events, e), summarise(events, r)];
}

/**
 * The best and median of measured run times (seconds) for a workload of `events` events.
 * @example summarise(10, [0.3, 0.1, 0.2]); // { events: 10, best: 0.1, median: 0.2 }
 */
export function summarise(events: number, seconds: readonly number[]): Timing {
  const sorted = [...seconds].sort((a, b) => a - b);
  return { events, best: sorted[0], median: sorted[Math.floor(sorted.length / 2)] };
}

/**
 * A line whose figure must be at least `target` (a speed ratio, a speed-up):
 * ratio = value ÷ target.
 * Why: one place decides the orientation and the PASS rule, so no line gets it backwards.
 * @example atLeast('parallel sweep', 1.9, 1.8, (v) => `${v.toFixed(2)}×`, []); // ratio 1.06, pass
 */
export function atLeast(name: string, value: number, target: number, format: (v: number) => string, notes: readonly string[]): Row {
  const ratio = value / target;
  return { name, figure: format(value), target: `≥ ${format(target)}`, ratio, pass: ratio >= 1, notes };
}

/**
 * A line whose figure must be at most `target` (seconds, bytes): ratio = target ÷ value.
 * Why: as `atLeast`, for costs — a run twice as fast as its budget shows ratio 2.
 * @example atMost('large, wall', 12.5, 10, (v) => `${v.toFixed(2)} s`, []); // ratio 0.8, BELOW
 */
export function atMost(name: string, value: number, target: number, format: (v: number) => string, notes: readonly string[]): Row {
  const ratio = target / value;
  return { name, figure: format(value), target: `≤ ${format(target)}`, ratio, pass: ratio >= 1, notes };
}

/**
 * An engine line: the engine's event rate against a reference loop doing the same work in the
 * same process; target ≥ `target` × the reference (0.5 for lines 1–3). A note gives the raw rates.
 * @example engineRow('hold', engineTiming, referenceTiming, 0.5, [])
 */
export function engineRow(name: string, engine: Timing, reference: Timing, target: number, notes: readonly string[]): Row {
  const rate = (t: Timing): number => t.events / t.best;
  const millions = (perSecond: number): string => `${(perSecond / 1e6).toFixed(2)} M events/s`;
  const detail = `${name}: engine ${millions(rate(engine))} (${engine.events.toLocaleString('en-US')} events, best ${engine.best.toFixed(3)} s), reference ${millions(rate(reference))} (best ${reference.best.toFixed(3)} s)`;
  return atLeast(name, rate(engine) / rate(reference), target, (v) => `${v.toFixed(2)} × reference`, [detail, ...notes]);
}

/**
 * Joins the rows of the same case run in several fresh processes: for each line, the row with the
 * best ratio (best of N, as within a process), with a note listing every process's figure.
 * Why: a cold run in a fresh process is what a user gets, so a slow, single run (the large
 * scenario) is repeated as whole processes rather than warmed up in one.
 * @example bestOf([[row10s], [row12s]]); // [row10s + note "… 10.00 s, 12.00 s"]
 */
export function bestOf(runs: readonly (readonly Row[])[]): Row[] {
  if (runs.length === 1) return [...runs[0]];
  return runs[0].map((_, i) => {
    const all = runs.map((rows) => rows[i]);
    const best = all.reduce((a, b) => (b.ratio > a.ratio ? b : a));
    return { ...best, notes: [...best.notes, `${best.name}: best of ${all.length} fresh processes: ${all.map((r) => r.figure).join(', ')}`] };
  });
}

function sameEvents(engine: number, reference: number): number {
  if (engine !== reference) throw new Error(`Engine dispatched ${engine} events, reference ${reference}: they no longer do the same work`);
  return engine;
}
