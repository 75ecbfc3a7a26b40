/**
 * A sweep's plan and its runs: variants × strategies × seeds in a fixed order, and running one
 * entry. Kept apart from validation (run-scenario.ts) so a worker thread, which is handed the
 * planned variants, loads only what simulating needs — not the schema validator (ajv): a worker
 * starts in about half the time, which a parallel sweep pays once per worker.
 */
import { msg, UserInputError } from '../errors/index.js';
import { LIMITS } from '../scenario/limits.js';
import type { Scenario, VariantPlan } from '../scenario/index.js';
import type { RunResult } from './results.js';
import { createRunSession, runOnce, type RunSession } from './run-once.js';
import { resolveStrategies, type ResolvedStrategy } from './strategies.js';
import type { StrategyRef } from '../scenario/index.js';

/**
 * Resolves strategy references at `at` of `file` (resolveStrategies, or the main thread's
 * isolatingResolver, or a worker's with its watchdog monitor).
 */
export type StrategyResolver = (refs: readonly StrategyRef[], file: string, at: string, allow: readonly string[] | undefined) => Promise<ResolvedStrategy[]>;

const resolveHere: StrategyResolver = (refs, file, at, allow) => resolveStrategies(refs, file, at, { allow });

/** What a sweep takes from the command line, beyond the scenario. */
export interface SweepOptions {
  /** Number of seeds (overrides the scenario's `seeds`). */
  readonly seeds?: number;
  /** First seed (overrides the scenario's `seed`). */
  readonly seed?: number;
  /** Strategy names to run instead of the scenario's list. */
  readonly strategies?: readonly string[];
  /** Directories the scenario's strategy modules may also come from (--allow-strategy-path; by default only the scenario's own tree). */
  readonly allowStrategyPaths?: readonly string[];
  /**
   * Run every strategy on each of these (variant index, seed) cells, in this order, instead of
   * every variant × seed (`wabasim sensitivity`: the variants are its draws, the seeds its own).
   */
  readonly cells?: readonly SweepCell[];
  /** Workers post each run without its hourly series (`wabasim sensitivity` reads summaries only). */
  readonly summariesOnly?: boolean;
}

/** One (variant, seed) of a sweep given cell by cell: every strategy runs on it. */
export interface SweepCell {
  /** Index into the sweep's variants. */
  readonly variant: number;
  readonly seed: number;
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
  /** The runs of this sweep on this thread share a session (run-once.ts RunSession). */
  readonly session: RunSession;
}

/**
 * Step 2: the sweep plan for the planned (patched and validated) `variants` — strategies (params
 * checked), seeds — in a fixed order (variant, then strategy, then seed). Deterministic, so a
 * worker thread or another machine rebuilds the same plan from the same inputs. `resolve` resolves
 * the strategies (default: here, importing user modules on this thread).
 * @throws {UserInputError} on a strategy that does not resolve, or a plan over LIMITS.maxRuns
 */
export async function prepareSweep(scenario: Scenario, file: string, variants: readonly VariantPlan[], opts: SweepOptions, resolve: StrategyResolver = resolveHere): Promise<SweepSetup> {
  const strategies = await resolve(opts.strategies ?? scenario.strategies, file, opts.strategies ? '--strategy' : '/strategies', opts.allowStrategyPaths);
  const seeds = opts.seeds ?? scenario.seeds;
  const firstSeed = opts.seed ?? scenario.seed;
  const plan: PlannedRun[] = [];
  if (opts.cells) for (const c of opts.cells) for (let s = 0; s < strategies.length; s++) plan.push({ variant: variants[c.variant], strategyIndex: s, seed: c.seed });
  else
    for (const variant of variants)
      for (let s = 0; s < strategies.length; s++)
        for (let k = 0; k < seeds; k++) plan.push({ variant, strategyIndex: s, seed: firstSeed + k });
  if (plan.length > LIMITS.maxRuns) throw new UserInputError([msg.tooMany(file, '/seeds', 'runs (variants × strategies × seeds)', LIMITS.maxRuns, plan.length)]);
  return { scenario, variants, strategies, seeds, firstSeed, plan, session: createRunSession() };
}

/** Runs plan entry `index` of `setup`. */
export function runPlanned(setup: SweepSetup, index: number): RunResult {
  const p = setup.plan[index];
  return runOnce(p.variant, setup.strategies[p.strategyIndex], p.seed, { session: setup.session });
}
