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
import { resolveStrategies } from './strategies.js';
import { VERSION } from '../version.js';

export interface RunScenarioOptions {
  /** Number of seeds (overrides the scenario's `seeds`). */
  readonly seeds?: number;
  /** First seed (overrides the scenario's `seed`). */
  readonly seed?: number;
  /** Strategy names to run instead of the scenario's list. */
  readonly strategies?: readonly string[];
  /** Called after each run with (done, total). */
  readonly onProgress?: (done: number, total: number) => void;
}

/** One planned run. */
export interface PlannedRun {
  readonly variant: VariantPlan;
  readonly strategyIndex: number;
  readonly seed: number;
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
  // 2. plan: variants (patched and re-validated), strategies (params checked), seeds
  const ctx = { file, strategyNames: BUILTIN_NAMES };
  const variants = planVariants(scenario, ctx);
  const strategies = await resolveStrategies(opts.strategies ?? scenario.strategies, file, opts.strategies ? '--strategy' : '/strategies');
  const seeds = opts.seeds ?? scenario.seeds;
  const firstSeed = opts.seed ?? scenario.seed;
  const plan: PlannedRun[] = [];
  for (const variant of variants)
    for (let s = 0; s < strategies.length; s++)
      for (let k = 0; k < seeds; k++) plan.push({ variant, strategyIndex: s, seed: firstSeed + k });
  // 3. simulate each run (independent: own world, own streams)
  const runs: RunResult[] = [];
  for (const p of plan) {
    runs.push(runOnce(p.variant, strategies[p.strategyIndex], p.seed));
    opts.onProgress?.(runs.length, plan.length);
  }
  // 4. aggregate across seeds; 5. echo the scenario and the resolved parameters
  return {
    wabasim: VERSION,
    scenario: { ...scenario, seeds, seed: firstSeed, strategies: strategies.map((s) => ({ name: s.definition.name, label: s.label, params: s.params })) },
    variants: variants.map((v) => ({ name: v.name, description: v.description, policy: v.policy, parameters: resolvedParams(v) })),
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
