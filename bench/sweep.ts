/**
 * Line 5, parallel sweeps: a sweep of SEEDS runs timed on 1 and on 2 worker threads
 * (`runValidatedScenario` with `workers: 1` and `workers: 2`, as `wabasim run --workers N`).
 * Target: 2 workers ≥ 1.8× faster than 1; the results must be byte-identical (JSON.stringify) or
 * the bench fails. The scenario is scenarios/large.json scaled down to RECIPIENTS recipients
 * (three waves over 30 days, about 0.2 s a run on an idle 2-core machine). Both worker counts pay
 * each worker's start-up (it imports the model, about 40 ms) and its warm-up (its first runs are
 * slow while V8 compiles the model, about 0.3 s of compiling per worker); on 2 busy cores that
 * warm-up cannot hide on an idle core, so the speed-up grows with the length of the runs. The
 * notes give the same sweep with SHORT_RECIPIENTS (0.1 s runs) so that dependence is visible.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Results } from '../src/run/results.js';
import { runValidatedScenario } from '../src/run/run-scenario.js';
import { validateScenarioData, type Scenario } from '../src/scenario/index.js';
import { BUILTIN_NAMES } from '../src/strategies/index.js';
import { LARGE_FILE } from './large.js';
import { atLeast, collectGarbage, type Row } from './measure.js';

/** Recipients per run (three waves: 3 × this many sends). */
const RECIPIENTS = 60_000;
/** Recipients per run of the short sweep in the notes. */
const SHORT_RECIPIENTS = 30_000;
/** Runs in the sweep (one strategy, one variant). */
const SEEDS = 60;
/** Timed sweeps per worker count, alternating 1, 2, 1, 2, … (best counts); fewer for the short sweep. */
const REPS = 3;
const SHORT_REPS = 2;
const SPEEDUP_TARGET = 1.8;

/**
 * The sweep's scenario: large.json with `recipients` recipients and SEEDS seeds, validated.
 * @throws {UserInputError} if the patched scenario stops validating (a bench bug)
 * @example sweepScenario().audience.segments[0].size // 60000
 */
export function sweepScenario(recipients = RECIPIENTS): Scenario {
  const data = JSON.parse(readFileSync(LARGE_FILE, 'utf8')) as { name: string; seeds: number; audience: { segments: { size: number }[] } };
  data.name = 'bench-sweep';
  data.seeds = SEEDS;
  data.audience.segments[0].size = recipients;
  return validateScenarioData(data, { file: LARGE_FILE, strategyNames: BUILTIN_NAMES });
}

/** One timed sweep: wall seconds, CPU seconds of the whole process (all threads) and the results. */
async function timedSweep(scenario: Scenario, workers: number): Promise<{ seconds: number; cpu: number; results: Results }> {
  collectGarbage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await runValidatedScenario(scenario, LARGE_FILE, { workers });
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { seconds, cpu: (c.user + c.system) / 1e6, results };
}

/** Best wall and CPU seconds of a sweep on 1 and on 2 workers, and its results' size. */
interface SweepTiming {
  readonly one: { seconds: number; cpu: number };
  readonly two: { seconds: number; cpu: number };
  readonly runs: number;
  readonly jsonBytes: number;
}

/**
 * Times the sweep of `recipients` `reps` times on 1 and on 2 workers, alternating, after a small
 * warm-up sweep. Every sweep's JSON must equal the first one's.
 * @throws {Error} when a sweep's results differ from the first (determinism broken)
 */
async function timeSweeps(recipients: number, reps: number): Promise<SweepTiming> {
  const scenario = sweepScenario(recipients);
  await runValidatedScenario(scenario, LARGE_FILE, { seeds: 2, workers: 2 });
  const best = new Map<number, { seconds: number; cpu: number }>();
  let reference: string | undefined;
  let runs = 0;
  for (let i = 0; i < reps; i++) {
    for (const workers of [1, 2]) {
      const { seconds, cpu, results } = await timedSweep(scenario, workers);
      const json = JSON.stringify(results);
      reference ??= json;
      if (json !== reference) throw new Error(`sweep: results on ${workers} workers are not byte-identical to those on 1 worker (first difference at character ${firstDifference(json, reference)})`);
      runs = results.runs.length;
      const prev = best.get(workers);
      if (!prev || seconds < prev.seconds) best.set(workers, { seconds, cpu });
    }
  }
  return { one: best.get(1)!, two: best.get(2)!, runs, jsonBytes: reference!.length };
}

/**
 * The parallel-sweep line: speed-up = best on 1 worker ÷ best on 2, on the RECIPIENTS sweep; the
 * SHORT_RECIPIENTS sweep in the notes.
 * Why: parallel sweeps are only worth having if they are faster and change nothing.
 * @throws {Error} when a sweep's results differ between runs (determinism broken)
 * @example (await benchSweep()).pass
 */
export async function benchSweep(): Promise<Row> {
  const load = loadavg()[0];
  const main = await timeSweeps(RECIPIENTS, REPS);
  const short = await timeSweeps(SHORT_RECIPIENTS, SHORT_REPS);
  const usage = (t: { seconds: number; cpu: number }): string => `${(t.cpu / t.seconds).toFixed(2)} cores`;
  const describe = (t: SweepTiming, recipients: number, reps: number): string =>
    `${t.runs} runs of large.json at ${recipients.toLocaleString('en-US')} recipients: best ${t.one.seconds.toFixed(2)} s on 1 worker (${(t.one.seconds / t.runs).toFixed(3)} s/run), ${t.two.seconds.toFixed(2)} s on 2 workers, best of ${reps} each: ${(t.one.seconds / t.two.seconds).toFixed(2)}×; results byte-identical (${(t.jsonBytes / 1e6).toFixed(1)} MB of JSON)`;
  return atLeast(`parallel sweep (${main.runs} runs, 2 workers vs 1)`, main.one.seconds / main.two.seconds, SPEEDUP_TARGET, (v) => `${v.toFixed(2)}×`, [
    `sweep: ${describe(main, RECIPIENTS, REPS)}`,
    `sweep, short runs: ${describe(short, SHORT_RECIPIENTS, SHORT_REPS)} (each worker's start-up and warm-up weigh more)`,
    `sweep: CPU used ÷ wall: ${usage(main.one)} on 1 worker, ${usage(main.two)} on 2 (above 1 on 1 worker: V8's GC and compiler threads use the idle core, which 2 workers take away; below about 2 on 2 workers: other work had a core; load average ${load.toFixed(2)} at start)`,
  ]);
}

/** Index of the first character where `a` and `b` differ (for the error message). */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
