/**
 * Line 5, parallel sweeps: one sweep of SEEDS runs timed on 1 and on 2 worker threads
 * (`runValidatedScenario` with `workers: 1` and `workers: 2`, as `wabasim run --workers N`).
 * Target: 2 workers ≥ 1.8× faster than 1; the results must be byte-identical (JSON.stringify) or
 * the bench fails. The scenario is scenarios/large.json scaled down to RECIPIENTS recipients
 * (three waves over 30 days, about 0.2 s a run on an idle 2-core machine), so each run is long
 * enough that thread start-up (each worker imports the model and rebuilds the plan, about 0.3 s,
 * then runs its first run cold) does not dominate. Both worker counts pay that start-up, as a
 * user's sweep does.
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
const RECIPIENTS = 30_000;
/** Runs in the sweep (one strategy, one variant). */
const SEEDS = 60;
/** Timed sweeps per worker count, alternating 1, 2, 1, 2, … (best counts). */
const REPS = 3;
const SPEEDUP_TARGET = 1.8;

/**
 * The sweep's scenario: large.json with RECIPIENTS recipients and SEEDS seeds, validated.
 * @throws {UserInputError} if the patched scenario stops validating (a bench bug)
 * @example sweepScenario().audience.segments[0].size // 30000
 */
export function sweepScenario(): Scenario {
  const data = JSON.parse(readFileSync(LARGE_FILE, 'utf8')) as { name: string; seeds: number; audience: { segments: { size: number }[] } };
  data.name = 'bench-sweep';
  data.seeds = SEEDS;
  data.audience.segments[0].size = RECIPIENTS;
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

/**
 * Times the sweep REPS times on 1 and on 2 workers, alternating, after a small warm-up sweep;
 * speed-up = best on 1 ÷ best on 2. Every sweep's JSON must equal the first one's.
 * Why: parallel sweeps are only worth having if they are faster and change nothing.
 * @throws {Error} when a sweep's results differ from the first (determinism broken)
 * @example (await benchSweep()).pass
 */
export async function benchSweep(): Promise<Row> {
  const scenario = sweepScenario();
  const load = loadavg()[0];
  await runValidatedScenario(scenario, LARGE_FILE, { seeds: 2, workers: 2 });
  const best = new Map<number, { seconds: number; cpu: number }>();
  let reference: string | undefined;
  let runs = 0;
  for (let i = 0; i < REPS; i++) {
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
  const one = best.get(1)!;
  const two = best.get(2)!;
  const usage = (t: { seconds: number; cpu: number }): string => `${(t.cpu / t.seconds).toFixed(2)} cores`;
  return atLeast(`parallel sweep (${runs} runs, 2 workers vs 1)`, one.seconds / two.seconds, SPEEDUP_TARGET, (v) => `${v.toFixed(2)}×`, [
    `sweep: ${runs} runs of large.json at ${RECIPIENTS.toLocaleString('en-US')} recipients: best ${one.seconds.toFixed(2)} s on 1 worker (${(one.seconds / runs).toFixed(3)} s/run), ${two.seconds.toFixed(2)} s on 2 workers, best of ${REPS} each; results byte-identical (${(reference!.length / 1e6).toFixed(1)} MB of JSON)`,
    `sweep: CPU used ÷ wall: ${usage(one)} on 1 worker, ${usage(two)} on 2 (above 1 on 1 worker: V8's GC and compiler threads use the idle core, which 2 workers take away; below about 2 on 2 workers: other work had a core; load average ${load.toFixed(2)} at start)`,
  ]);
}

/** Index of the first character where `a` and `b` differ (for the error message). */
function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i;
}
