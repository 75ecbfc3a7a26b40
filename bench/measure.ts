/**
 * Timing for the benchmarks: warm-up, repeated interleaved runs, best of N. Machines are shared
 * and noisy, so the fastest run is the one least disturbed by other work; interleaving engine and
 * reference runs spreads any slow spell over both.
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

/** What one benchmark line reports; `reference` is absent for lines without one. */
export interface Row {
  readonly name: string;
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  readonly referenceEventsPerSecond: number;
  readonly ratio: number;
  readonly target: number;
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
 * Times `work` `reps` times after `warmup` untimed runs.
 * @example timeRepeated(() => runReference(), 1, 5).best
 */
export function timeRepeated(work: Workload, warmup: number, reps: number): Timing {
  for (let i = 0; i < warmup; i++) work();
  const seconds: number[] = [];
  let events = 0;
  for (let i = 0; i < reps; i++) {
    const [n, s] = timeOnce(work);
    events = n;
    seconds.push(s);
  }
  return summarise(events, seconds);
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
 * A benchmark line from an engine timing and a reference rate (events per second).
 * @example rowOf('hold', engineTiming, 2e7, 0.5, [])
 */
export function rowOf(name: string, engine: Timing, referenceEventsPerSecond: number, target: number, notes: readonly string[]): Row {
  const eventsPerSecond = engine.events / engine.best;
  return { name, events: engine.events, seconds: engine.best, eventsPerSecond, referenceEventsPerSecond, ratio: eventsPerSecond / referenceEventsPerSecond, target, notes };
}

function sameEvents(engine: number, reference: number): number {
  if (engine !== reference) throw new Error(`Engine dispatched ${engine} events, reference ${reference}: they no longer do the same work`);
  return engine;
}
