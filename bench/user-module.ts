/**
 * Line 7, user strategy modules: a sweep of scenarios/user-strategy.json with only its module
 * strategy (scenarios/strategies/polite-sender.mjs), as `wabasim run` does it — the module is
 * imported and tried in a watched probe worker, then the runs go to a watched worker thread
 * (`workers: 1`), every callback under the watchdog and the strategy realm. Reference: the same
 * sweep with the built-in `blast` instead, on one (unwatched) worker thread, measured in the same
 * process, alternating. Figure: module sweep ÷ reference sweep, best of REPS each (lower is
 * better); target ≤ TARGET. What a user module costs beyond a built-in — the probe worker, the
 * import, the realm, the wrapped callbacks — is in the figure; the two strategies do not send
 * the same messages (blast sends the whole list at once, polite-sender 25 an hour in office
 * hours), so the figure is a fixed yardstick for before/after comparisons, not a per-send cost.
 * The notes give both sweeps' times and a one-seed sweep of each (start-up: workers, import,
 * realm).
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runValidatedScenario } from '../src/run/run-scenario.js';
import { validateScenarioData, type Scenario } from '../src/scenario/index.js';
import { BUILTIN_NAMES } from '../src/strategies/index.js';
import { atMost, collectGarbage, type Row } from './measure.js';

const USER_FILE = fileURLToPath(new URL('../../scenarios/user-strategy.json', import.meta.url));
const MODULE = './strategies/polite-sender.mjs';
const SEEDS = 100;
const REPS = 5;
/** The module sweep may take at most this many times the built-in one. */
const TARGET = 1.5;

/**
 * user-strategy.json with one strategy and `seeds` seeds, validated (the module is not imported here).
 * @throws {UserInputError} if the patched scenario stops validating (a bench bug)
 * @example userScenario('blast', 1).strategies // ['blast']
 */
export function userScenario(strategy: string, seeds: number): Scenario {
  const data = JSON.parse(readFileSync(USER_FILE, 'utf8')) as { seeds: number; strategies: string[] };
  data.seeds = seeds;
  data.strategies = [strategy];
  return validateScenarioData(data, { file: USER_FILE, strategyNames: BUILTIN_NAMES });
}

/** Wall seconds of one sweep of `scenario` on one worker thread, and its results as JSON. */
async function timedSweep(scenario: Scenario): Promise<{ seconds: number; cpu: number; json: string }> {
  collectGarbage();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const results = await runValidatedScenario(scenario, USER_FILE, { workers: 1 });
  const seconds = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return { seconds, cpu: (c.user + c.system) / 1e6, json: JSON.stringify(results) };
}

/** Best wall seconds of `sweeps` sweeps of `scenario`; every sweep's results must equal the first's. */
async function best(scenario: Scenario, sweeps: number): Promise<number> {
  let fastest = Infinity;
  let first: string | undefined;
  for (let i = 0; i < sweeps; i++) {
    const { seconds, json } = await timedSweep(scenario);
    first ??= json;
    if (json !== first) throw new Error('user module: a sweep gave results that differ from the first one (determinism broken)');
    fastest = Math.min(fastest, seconds);
  }
  return fastest;
}

/**
 * The user-module line: the module sweep's best time ÷ the built-in sweep's best time.
 * Why: a user module runs in watched worker threads under the strategy realm; this line shows
 * what that costs against a built-in on the same scenario, so a change to the realm is measured.
 * @throws {Error} when repeated sweeps give different results (determinism broken)
 * @example (await benchUserModule()).figure // '1.20 × built-in'
 */
export async function benchUserModule(): Promise<Row> {
  const module = userScenario(MODULE, SEEDS);
  const builtin = userScenario('blast', SEEDS);
  await timedSweep(userScenario(MODULE, 2)); // warm-up: this thread's JIT and module caches
  await timedSweep(userScenario('blast', 2));
  const json: { module?: string; builtin?: string } = {};
  let m = Infinity;
  let b = Infinity;
  let mCpu = Infinity;
  let bCpu = Infinity;
  for (let i = 0; i < REPS; i++) {
    const a = await timedSweep(module);
    const c = await timedSweep(builtin);
    json.module ??= a.json;
    json.builtin ??= c.json;
    if (a.json !== json.module || c.json !== json.builtin) throw new Error('user module: a sweep gave results that differ from the first one (determinism broken)');
    m = Math.min(m, a.seconds);
    b = Math.min(b, c.seconds);
    mCpu = Math.min(mCpu, a.cpu);
    bCpu = Math.min(bCpu, c.cpu);
  }
  const startModule = await best(userScenario(MODULE, 1), REPS);
  const startBuiltin = await best(userScenario('blast', 1), REPS);
  return atMost(`user module (${SEEDS} runs, module vs built-in)`, m / b, TARGET, (v) => `${v.toFixed(2)} × built-in`, [
    `user module: ${SEEDS} runs of user-strategy.json on 1 worker: polite-sender.mjs best ${m.toFixed(3)} s (${((m / SEEDS) * 1000).toFixed(1)} ms/run), blast best ${b.toFixed(3)} s, best of ${REPS} each, alternating`,
    `user module: CPU time (every thread of the process, least of ${REPS}): ${mCpu.toFixed(3)} s with the module, ${bCpu.toFixed(3)} s with blast: ${(mCpu / bCpu).toFixed(2)} × (steadier than wall time when other work shares the cores; load average ${loadavg()[0].toFixed(2)} at the end)`,
    `user module: a one-seed sweep (start-up: probe and sweep workers, import, realm) best ${startModule.toFixed(3)} s with the module, ${startBuiltin.toFixed(3)} s with blast`,
  ]);
}
