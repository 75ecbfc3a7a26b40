/**
 * The pipeline, in one place:
 *
 *   scenario file ──load──▶ JSON ──validate──▶ Scenario ──plan──▶ variants × strategies × seeds
 *        (ajv + semantic checks, every error at once)                     │ estimate memory,
 *                                                                          ▼ refuse what won't fit
 *   Results ◀──aggregate across seeds── RunResult[] ◀──simulate── build world per run
 *
 * The CLI and the library both call `runScenario`; it throws `UserInputError` for user mistakes
 * (exit 2) and nothing else for them.
 */
import { listParams, PROFILES, type ProfileId } from '../policy/index.js';
import { loadScenario, planVariants, validateScenarioData, type Scenario, type VariantPlan } from '../scenario/index.js';
import { prepareSweep, runPlanned, type SweepOptions, type SweepSetup } from './sweep.js';
import { BUILTIN_NAMES } from '../strategies/index.js';
import { aggregate } from './aggregate.js';
import type { ResolvedParam, Results, RunResult } from './results.js';
import { unusedDeclarations, withoutUsage } from './declaration-usage.js';
import { runInWorkers, startWorkers } from './parallel.js';
import { LIMITS } from '../scenario/limits.js';
import { VERSION } from '../version.js';
import { planDigest, shardDigest } from './shard-digest.js';
import { checkSweepMemory } from './memory-estimate.js';
import { isolatingResolver, namesModule, sweepWatch } from './isolated-strategies.js';
import { bundleStrategyModules } from './strategies.js';
import { checkThresholdScopes } from '../thresholds/check.js';

export interface RunScenarioOptions extends SweepOptions {
  /** Worker threads (default 0: run in this thread). Results are identical whatever the count. */
  readonly workers?: number;
  /** Run only slice `index` (1-based) of `count` of the sweep (`wabasim merge` joins the slices). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Memory budget of the sweep in bytes (default LIMITS.maxResultsBytes; tests lower it). */
  readonly memoryBudget?: number;
  /** Called after each run with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
  /** Wall seconds one callback of a user strategy module may take (default 5; 0 = no limit). Such modules always run in worker threads (isolated-strategies.ts). */
  readonly callbackTimeout?: number;
  /**
   * Wraps each run done on this thread (`workers: 0`), which is synchronous: no signal handler
   * runs until it returns. The CLI passes cli/interrupt.ts `withDefaultSignals`, so a Ctrl-C ends
   * such a run at once. Default: the run alone.
   */
  readonly onThisThread?: <T>(run: () => T) => T;
  /** Called with each warning line about a declaration no strategy used (issue 22 item 5); `wabasim run` writes them to stderr. */
  readonly onWarning?: (line: string) => void;
}

/**
 * Runs every variant × strategy × seed of the scenario in `file` and aggregates across seeds.
 * @throws {UserInputError} for any problem in the scenario or options
 * @example const results = await runScenario('scenarios/default.json', { seeds: 5 });
 */
export async function runScenario(file: string, opts: RunScenarioOptions = {}): Promise<Results> {
  // 1. load and validate (schema, then semantics)
  const scenario = loadScenario(file, BUILTIN_NAMES);
  return runValidatedScenario(scenario, file, opts);
}

/** Steps 2–5 of the pipeline for an already validated scenario. */
export async function runValidatedScenario(scenario: Scenario, file: string, opts: RunScenarioOptions = {}): Promise<Results> {
  // 2. plan; user modules are bundled here once (no code runs), then evaluated in each worker's
  // strategy realm; their sweep workers start at once, beside the probe (isolated-strategies.ts)
  const refs = opts.strategies ?? scenario.strategies;
  const at = opts.strategies ? '--strategy' : '/strategies';
  const variants = planVariants(scenario, { file, strategyNames: BUILTIN_NAMES });
  const modules = namesModule(refs);
  const bundling = modules ? bundleStrategyModules(refs, file, at, opts.allowStrategyPaths).catch(() => undefined) : undefined; // a worker bundles what is missing
  const size = variants.length * refs.length * (opts.seeds ?? scenario.seeds);
  const early = modules && size <= LIMITS.maxRuns ? plannedSize(size, opts.shard) : 0;
  let setup: SweepSetup | undefined;
  const input = { file, scenario, seeds: opts.seeds, seed: opts.seed, strategies: opts.strategies, allowStrategyPaths: opts.allowStrategyPaths, variants };
  // user modules always run in worker threads, under the watchdog
  const pool = early > 0 ? startWorkers(input, Math.min(Math.max(opts.workers ?? 0, 1), early), sweepWatch(() => setup?.strategies, refs, file, at, opts.callbackTimeout), bundling) : undefined;
  try {
    setup = await prepareSweep(scenario, file, variants, opts, isolatingResolver(opts.callbackTimeout, bundling));
    // 2a. threshold scopes name what runs: a strategy module's own name is known only once imported
    if (scenario.thresholds && !opts.strategies) checkThresholdScopes(scenario.thresholds, file, { variants: setup.variants.map((v) => v.name), strategies: setup.strategies.map((s) => s.label) });
    const indices = setup.plan.map((_, i) => i).filter((i) => !opts.shard || i % opts.shard.count === opts.shard.index - 1);
    const isolated = setup.strategies.some((s) => s.isolated);
    const workers = pool ? Math.min(Math.max(opts.workers ?? 0, 1), early) : Math.min(Math.max(opts.workers ?? 0, isolated ? 1 : 0), indices.length);
    // 2b. refuse at once what will not fit in memory (the sweep's, or this shard's, results and worlds)
    checkSweepMemory(setup.plan, indices, { file, seeds: setup.seeds, threads: workers, shard: opts.shard, budget: opts.memoryBudget });
    // 3. simulate each run (independent: own world, own streams), here or in worker threads (watched)
    let runs: RunResult[];
    if (pool) runs = await pool.run(indices, opts.onProgress);
    else if (workers >= 1) runs = await runInWorkers(input, indices, workers, opts.onProgress);
    else {
      runs = [];
      const here = opts.onThisThread ?? (<T>(run: () => T): T => run());
      for (const i of indices) {
        // before each run, a SIGINT/SIGTERM that came in meanwhile gets its handler: the signal is read
        // in the event loop's poll phase, and only the second of two check-phase hops surely follows one
        for (let hop = 0; hop < 2; hop++) await new Promise((resume) => setImmediate(resume));
        runs.push(here(() => runPlanned(setup!, i)));
        opts.onProgress?.(runs.length, indices.length);
      }
    }
    for (const line of unusedDeclarations(scenario, file, runs)) opts.onWarning?.(line);
    return shardResults(setup, runs.map(withoutUsage), indices, opts.shard);
  } finally {
    pool?.stop();
  }
}

/** How many runs of a plan of `size` a shard (or the whole sweep) holds. */
function plannedSize(size: number, shard: RunScenarioOptions['shard']): number {
  if (!shard) return size;
  const first = shard.index - 1;
  return size > first ? Math.floor((size - 1 - first) / shard.count) + 1 : 0;
}

/** Steps 4–5, and for a shard its digests. */
function shardResults(setup: SweepSetup, runs: RunResult[], indices: readonly number[], shard: RunScenarioOptions['shard']): Results {
  // 4–5. aggregate across seeds, echo the scenario and the resolved parameters
  const results = assembleResults(setup, runs);
  if (!shard) return results;
  // a shard carries digests of its sweep and its content, so `wabasim merge` can refuse an edited or foreign one
  const { index, count } = shard;
  const plan = planDigest(results, setup.plan.length, count);
  return { ...results, shard: { index, count, planSize: setup.plan.length, runIndices: indices, planDigest: plan, digest: shardDigest(plan, index, indices, runs) } };
}

/** Steps 4–5: the results file for `runs` (in plan order) of a sweep. */
export function assembleResults(setup: SweepSetup, runs: readonly RunResult[]): Results {
  return {
    wabasim: VERSION,
    scenario: scenarioEcho(setup),
    variants: setup.variants.map((v) => ({ name: v.name, description: v.description, policy: v.policy, parameters: resolvedParams(v) })),
    runs,
    aggregates: aggregate(runs),
  };
}

/**
 * The scenario as results.json echoes it: as validated, with the sweep's seeds and the resolved
 * strategies. `wabasim sensitivity` digests the same echo to tell whether its file belongs beside a results.json.
 */
export function scenarioEcho(setup: Pick<SweepSetup, 'scenario' | 'seeds' | 'firstSeed' | 'strategies'>): unknown {
  return {
    ...setup.scenario,
    seeds: setup.seeds,
    seed: setup.firstSeed,
    strategies: setup.strategies.map((s) => ({ name: s.definition.name, label: s.label, params: s.params })),
  };
}

/** The profile's parameters as a variant sets them, with provenance. */
function resolvedParams(v: VariantPlan): ResolvedParam[] {
  return listParams(PROFILES[v.policy as ProfileId]).map(({ path, def }) => {
    const overridden = Object.prototype.hasOwnProperty.call(v.overrides, path);
    return { path, value: overridden ? v.overrides[path] : def.value, overridden, unit: def.unit, source: def.source, label: def.label };
  });
}

export { validateScenarioData };
