/**
 * The pipeline, in one place:
 *
 *   scenario file ──load──▶ JSON ──validate──▶ Scenario ──plan──▶ variants × strategies × seeds
 *        (ajv + semantic checks, every error at once)                     │
 *                                                                          ▼
 *   Results ◀──aggregate across seeds── RunResult[] ◀──simulate── build world per run
 *
 * The CLI and the library both call `runScenario`; it throws `UserInputError` for user mistakes
 * (exit 2) and nothing else for them.
 */
import { listParams, PROFILES, type ProfileId } from '../policy/index.js';
import { loadScenario, planVariants, validateScenarioData, type Scenario, type VariantPlan } from '../scenario/index.js';
import { BUILTIN_NAMES } from '../strategies/index.js';
import { aggregate } from './aggregate.js';
import type { ResolvedParam, Results, RunResult } from './results.js';
import { runOnce } from './run-once.js';
import { resolveStrategies, type ResolvedStrategy } from './strategies.js';
import { runInWorkers } from './parallel.js';
import { LIMITS } from '../scenario/index.js';
import { msg, UserInputError } from '../errors/index.js';
import { VERSION } from '../version.js';

export interface RunScenarioOptions {
  /** Number of seeds (overrides the scenario's `seeds`). */
  readonly seeds?: number;
  /** First seed (overrides the scenario's `seed`). */
  readonly seed?: number;
  /** Strategy names to run instead of the scenario's list. */
  readonly strategies?: readonly string[];
  /** Worker threads (default 0: run in this thread). Results are identical whatever the count. */
  readonly workers?: number;
  /** Run only slice `index` (1-based) of `count` of the sweep (`wabasim merge` joins the slices). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Called after each run with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One planned run. */
export interface PlannedRun {
  readonly variant: VariantPlan;
  readonly strategyIndex: number;
  readonly seed: number;
}

/** Everything the runs of a sweep share: variants, strategies and the plan, in sweep order. */
export interface SweepSetup {
  readonly scenario: Scenario;
  readonly variants: readonly VariantPlan[];
  readonly strategies: readonly ResolvedStrategy[];
  readonly seeds: number;
  readonly firstSeed: number;
  readonly plan: readonly PlannedRun[];
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

/**
 * Step 2: the sweep plan — variants (patched and re-validated), strategies (params checked),
 * seeds — in a fixed order (variant, then strategy, then seed). Deterministic, so a worker thread
 * or another machine rebuilds the same plan from the same inputs; a worker is handed the planned
 * `variants` (plain data) and skips their validation.
 */
export async function prepareSweep(scenario: Scenario, file: string, opts: Pick<RunScenarioOptions, 'seeds' | 'seed' | 'strategies'> & { readonly variants?: readonly VariantPlan[] }): Promise<SweepSetup> {
  const variants = opts.variants ?? planVariants(scenario, { file, strategyNames: BUILTIN_NAMES });
  const strategies = await resolveStrategies(opts.strategies ?? scenario.strategies, file, opts.strategies ? '--strategy' : '/strategies');
  const seeds = opts.seeds ?? scenario.seeds;
  const firstSeed = opts.seed ?? scenario.seed;
  const plan: PlannedRun[] = [];
  for (const variant of variants)
    for (let s = 0; s < strategies.length; s++)
      for (let k = 0; k < seeds; k++) plan.push({ variant, strategyIndex: s, seed: firstSeed + k });
  if (plan.length > LIMITS.maxRuns) throw new UserInputError([msg.tooMany(file, '/seeds', 'runs (variants × strategies × seeds)', LIMITS.maxRuns, plan.length)]);
  return { scenario, variants, strategies, seeds, firstSeed, plan };
}

/** Runs plan entry `index` of `setup`. */
export function runPlanned(setup: SweepSetup, index: number): RunResult {
  const p = setup.plan[index];
  return runOnce(p.variant, setup.strategies[p.strategyIndex], p.seed);
}

/** Steps 2–5 of the pipeline for an already validated scenario. */
export async function runValidatedScenario(scenario: Scenario, file: string, opts: RunScenarioOptions = {}): Promise<Results> {
  // 2. plan
  const setup = await prepareSweep(scenario, file, opts);
  const indices = setup.plan.map((_, i) => i).filter((i) => !opts.shard || i % opts.shard.count === opts.shard.index - 1);
  // 3. simulate each run (independent: own world, own streams), here or in worker threads
  const workers = Math.min(opts.workers ?? 0, indices.length);
  let runs: RunResult[];
  if (workers >= 1) {
    runs = await runInWorkers({ file, scenario, seeds: opts.seeds, seed: opts.seed, strategies: opts.strategies, variants: setup.variants }, indices, workers, opts.onProgress);
  } else {
    runs = [];
    for (const i of indices) {
      runs.push(runPlanned(setup, i));
      opts.onProgress?.(runs.length, indices.length);
    }
  }
  // 4–5. aggregate across seeds, echo the scenario and the resolved parameters
  const results = assembleResults(setup, runs);
  return opts.shard ? { ...results, shard: { index: opts.shard.index, count: opts.shard.count, planSize: setup.plan.length, runIndices: indices } } : results;
}

/** Steps 4–5: the results file for `runs` (in plan order) of a sweep. */
export function assembleResults(setup: SweepSetup, runs: readonly RunResult[]): Results {
  return {
    wabasim: VERSION,
    scenario: {
      ...setup.scenario,
      seeds: setup.seeds,
      seed: setup.firstSeed,
      strategies: setup.strategies.map((s) => ({ name: s.definition.name, label: s.label, params: s.params })),
    },
    variants: setup.variants.map((v) => ({ name: v.name, description: v.description, policy: v.policy, parameters: resolvedParams(v) })),
    runs,
    aggregates: aggregate(runs),
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
