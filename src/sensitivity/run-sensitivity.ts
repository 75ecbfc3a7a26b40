/**
 * `wabasim sensitivity`: how the headline outcomes and the verdict depend on the estimated and
 * reported parameters, over their plausible ranges (issue 19 item 3).
 *
 *   scenario ──load, plan variants──▶ varied parameters (parameters.ts) ──design (design.ts)──▶ points
 *      │                                                                                         │
 *      │   base run: every variant × strategy × the scenario's seeds, at the profile's values     │
 *      ▼                                                                                         ▼
 *   cells: (variant, seed) ─────── every strategy on each (a draw = its overrides on each variant, on the same seeds)
 *      │  run here or in worker threads (parallel.ts), summaries only
 *      ▼
 *   records per draw × variant: recommendation + outcome means (records.ts)
 *      │  whole analysis: statistics (analyse.ts) ──▶ SensitivityResults
 *      └─ --shard i/n: this shard's draws + digests ──▶ SensitivityShard (wabasim merge joins them)
 *
 * Every strategy of a draw runs on the same seeds (paired comparisons); the points of a screening
 * trajectory share their seeds too (common random numbers: a one-at-a-time pair differs only by
 * its parameter), and draws take the base run's seeds in turn. All randomness of the design comes
 * from a seeded stream, so the same command gives the same file for any --workers.
 */
import { createStream } from '../engine/index.js';
import { sensitivityMsg, UserInputError } from '../errors/index.js';
import { listParams, needsRange, PROFILES, type ProfileId } from '../policy/index.js';
import { isolatingResolver, sweepWatch } from '../run/isolated-strategies.js';
import { runInWorkers } from '../run/parallel.js';
import type { RunResult } from '../run/results.js';
import { scenarioEcho } from '../run/run-scenario.js';
import { prepareSweep, runPlanned, type SweepCell } from '../run/sweep.js';
import { LIMITS, loadScenario, planVariants, type VariantPlan } from '../scenario/index.js';
import { BUILTIN_NAMES } from '../strategies/index.js';
import { describeObjective, objectiveOf } from '../verdict/index.js';
import { VERSION } from '../version.js';
import { analyse, DESIGN_STREAM } from './analyse.js';
import { binsFor, buildDesign, designSizes, drawSeeds } from './design.js';
import { echoDigest, framePlanDigest, shardContentDigest } from './digest.js';
import { designParameters, drawOverrides, matchesOnly } from './parameters.js';
import { candidateOutcomes, drawRecord } from './records.js';
import { SENSITIVITY_SHARD_KIND, type BaseRecord, type DrawRecord, type RawSensitivity, type SensitivityFrame, type SensitivityResults, type SensitivityShard } from './types.js';

/**
 * Draws by default: sized so that `scenarios/default.json` (106 parameters, 2 variants × 4
 * strategies: 3,440 runs, about 95 CPU seconds) takes about a minute on an idle 2-core machine and
 * stays under two on a busy one (`npm run bench`, line "sensitivity"); two screening trajectories.
 */
export const DEFAULT_DRAWS = 420;
/** Draws `--draws` accepts. */
export const MIN_DRAWS = 10;
export const MAX_DRAWS = 20_000;
/** Random halves of the samples behind each first-order index's interval. */
export const DEFAULT_RESAMPLES = 100;
/** Seeds per draw `--seeds-per-draw` accepts. */
export const MAX_SEEDS_PER_DRAW = 100;

export interface SensitivityOptions {
  /** Draws from the plausible ranges (default DEFAULT_DRAWS), split between the two stages (design.ts designSizes). */
  readonly draws?: number;
  /** Seeds each strategy runs on in every draw (default 1), taken from the base run's seeds in turn. */
  readonly seedsPerDraw?: number;
  /** Seeds of the base run (default: the scenario's), as `run --seeds`. */
  readonly seeds?: number;
  /** First seed (default: the scenario's), as `run --seed`; it also seeds the design. */
  readonly seed?: number;
  /** Vary only these parameter paths or groups (default: every ranged parameter). */
  readonly only?: readonly string[];
  /** Worker threads (default 0: this thread). The file is the same for any count. */
  readonly workers?: number;
  /** Run only shard `index` of `count` (the draws dealt round-robin; the base run in shard 1). */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Random halves behind each first-order interval (default DEFAULT_RESAMPLES). */
  readonly resamples?: number;
  readonly onProgress?: (done: number, total: number) => void;
  readonly callbackTimeout?: number;
  readonly allowStrategyPaths?: readonly string[];
}

/** What one command computed: the whole analysis, or a shard of it; and the runs it simulated. */
export interface SensitivityRun {
  readonly results?: SensitivityResults;
  readonly shard?: SensitivityShard;
  readonly runs: number;
}

/**
 * Runs the sensitivity analysis of the scenario in `file`.
 * @throws {UserInputError} for a bad scenario or option, or nothing to vary
 * @example const { results } = await runSensitivity('scenarios/default.json', { workers: 2 });
 */
export async function runSensitivity(file: string, opts: SensitivityOptions = {}): Promise<SensitivityRun> {
  // 1. load, validate and plan the variants, as `run` does
  const scenario = loadScenario(file, BUILTIN_NAMES);
  const variants = planVariants(scenario, { file, strategyNames: BUILTIN_NAMES });
  const only = [...(opts.only ?? [])];
  checkOnly(only, variants);
  // 2. the varied parameters and the design
  const { parameters, notVaried } = designParameters(variants, only);
  if (parameters.length === 0) throw new UserInputError([sensitivityMsg.nothingToVary(file, only)]);
  const seeds = opts.seeds ?? scenario.seeds;
  const first = opts.seed ?? scenario.seed;
  const perDraw = opts.seedsPerDraw ?? 1;
  if (perDraw > seeds) throw new UserInputError([sensitivityMsg.seedsPerDraw(perDraw, seeds)]);
  const draws = opts.draws ?? DEFAULT_DRAWS;
  const sizes = designSizes(draws, parameters.length);
  const design = buildDesign(parameters.length, sizes, createStream(first, DESIGN_STREAM));
  const strategiesCount = scenario.strategies.length;
  const totalRuns = (variants.length * seeds + design.points.length * variants.length * perDraw) * strategiesCount;
  if (totalRuns > LIMITS.maxRuns) throw new UserInputError([sensitivityMsg.tooManyRuns(file, totalRuns, LIMITS.maxRuns)]);
  // 3. this command's cells: the base run (whole analysis or shard 1), then its draws × variants × seeds
  const shard = opts.shard;
  const mine = design.points.map((_, p) => p).filter((p) => !shard || p % shard.count === shard.index - 1);
  const withBase = !shard || shard.index === 1;
  const expanded: VariantPlan[] = [...variants];
  const cells: SweepCell[] = [];
  if (withBase) variants.forEach((_, v) => { for (let k = 0; k < seeds; k++) cells.push({ variant: v, seed: first + k }); });
  for (const p of mine) {
    for (const v of variants) {
      const at = expanded.push({ ...v, overrides: drawOverrides(v, parameters, design.points[p]) }) - 1;
      for (const seed of drawSeeds(design.groups[p], perDraw, seeds, first)) cells.push({ variant: at, seed });
    }
  }
  // 4. simulate, every strategy on each cell
  const sweep = { seeds, seed: first, allowStrategyPaths: opts.allowStrategyPaths, cells, summariesOnly: true };
  const setup = await prepareSweep(scenario, file, expanded, sweep, isolatingResolver(opts.callbackTimeout));
  const isolated = setup.strategies.some((s) => s.isolated);
  const workers = Math.min(Math.max(opts.workers ?? 0, isolated ? 1 : 0), setup.plan.length);
  const indices = setup.plan.map((_, i) => i);
  let runs: RunResult[];
  if (workers >= 1) {
    const watch = isolated ? sweepWatch(() => setup.strategies, scenario.strategies, file, '/strategies', opts.callbackTimeout) : undefined;
    runs = await runInWorkers({ file, scenario, variants: expanded, ...sweep }, indices, workers, opts.onProgress, watch);
  } else {
    runs = [];
    for (const i of indices) {
      runs.push({ ...runPlanned(setup, i), series: {} });
      opts.onProgress?.(runs.length, indices.length);
      await new Promise((resume) => setImmediate(resume)); // a SIGINT/SIGTERM handler gets its turn between runs
    }
  }
  // 5. records per draw × variant, and the frame every shard shares
  const objective = objectiveOf(scenario);
  const strategies = setup.strategies.map((s) => s.label);
  const candidates = candidateOutcomes(objective);
  const S = strategies.length;
  const cellRuns = (c: number): RunResult[] => runs.slice(c * S, c * S + S);
  let c = 0;
  const base: BaseRecord[] | undefined = withBase
    ? variants.map(() => {
        const bySeed = Array.from({ length: seeds }, () => cellRuns(c++));
        const all = drawRecord(bySeed.flat(), strategies, candidates, objective);
        const seedsWon = bySeed.filter((one) => drawRecord(one, strategies, candidates, objective).recommended === all.recommended).length;
        return { recommended: all.recommended, seedsWon, values: all.values };
      })
    : undefined;
  const points = mine.map((index) => ({
    index,
    variants: variants.map((): DrawRecord => drawRecord(Array.from({ length: perDraw }, () => cellRuns(c++)).flat(), strategies, candidates, objective)),
  }));
  const raw: RawSensitivity = base ? { points, base } : { points };
  const frame: SensitivityFrame = {
    scenarioDigest: echoDigest(scenarioEcho(setup)),
    scenario: { name: scenario.name },
    objective: describeObjective(objective),
    settings: {
      draws,
      seedsPerDraw: perDraw,
      baseSeeds: Array.from({ length: seeds }, (_, k) => first + k),
      designSeed: first,
      trajectories: sizes.trajectories,
      samples: sizes.samples,
      bins: binsFor(sizes.samples),
      resamples: opts.resamples ?? DEFAULT_RESAMPLES,
      points: design.points.length,
      runs: totalRuns,
      only,
    },
    parameters,
    notVaried,
    variants: variants.map((v) => ({ name: v.name, policy: v.policy })),
    strategies,
    candidates,
  };
  // 6. a shard carries its records and digests; the whole analysis its statistics
  if (shard) return { shard: sealShard(frame, raw, shard.index, shard.count), runs: runs.length };
  return { results: analyse(frame, raw, VERSION), runs: runs.length };
}

function sealShard(frame: SensitivityFrame, raw: RawSensitivity, index: number, count: number): SensitivityShard {
  const planDigest = framePlanDigest(frame, count);
  return { kind: SENSITIVITY_SHARD_KIND, wabasim: VERSION, frame, raw, shard: { index, count, planDigest, digest: shardContentDigest(planDigest, index, raw) } };
}

/** Every `--only` pattern must name a ranged parameter or a group holding one, in some variant's profile. */
function checkOnly(only: readonly string[], variants: readonly VariantPlan[]): void {
  const ranged = [...new Set(variants.flatMap((v) => listParams(PROFILES[v.policy as ProfileId]).filter((r) => needsRange(r.def)).map((r) => r.path)))];
  const known = [...new Set([...ranged, ...ranged.map((p) => p.split('.')[0])])];
  const bad = only.filter((o) => !ranged.some((p) => matchesOnly(p, o)));
  if (bad.length) throw new UserInputError(bad.map((o) => sensitivityMsg.badOnly(o, known)));
}
