/**
 * A stylized fact (MODEL.md §11): one sentence a practitioner would say, where it comes from, the
 * scenario that shows it and the assertion over many seeds. `check` runs the scenario with the
 * seeds the mode asks for and returns the measured figure beside the verdict, so the full run can
 * print a table and the reduced run (npm test) can assert on the same code.
 */
import { fileURLToPath } from 'node:url';
import type { TraceRecord } from '../../src/model/index.js';
import { planVariants, validateScenarioData, type Scenario } from '../../src/scenario/index.js';
import { resolveStrategies, runOnce, runValidatedScenario, type ResolvedStrategy, type Results, type RunResult } from '../../src/run/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';
import jStat from 'jstat';

/** 'full': every fact over its full seed count (≥ 20); 'reduced': the npm test form. */
export type Mode = 'full' | 'reduced';

/** How a fact is run. */
export interface FactRun {
  readonly mode: Mode;
  /** Seeds for this mode (the fact's `seeds[mode]`). */
  readonly seeds: number;
  /** Worker threads for sweeps (0: this thread). */
  readonly workers: number;
}

/** What a fact's check measured. */
export interface Outcome {
  /** The measured figure, in words a practitioner reads. */
  readonly figure: string;
  readonly pass: boolean;
}

export interface Fact {
  readonly id: string;
  /** The fact, in one sentence. */
  readonly fact: string;
  /** Seed file(s) under ../shared/seeds, Meta URLs, public benchmarks. */
  readonly source: string;
  /** The assertion, in words (with the full seed count). */
  readonly expected: string;
  readonly seeds: { readonly full: number; readonly reduced: number };
  check(run: FactRun): Promise<Outcome>;
}

/**
 * The name the suite's in-code scenarios run under (no such file is read: the scenarios are JSON
 * objects in facts/*.ts, validated by `scenarioOf`); a strategy module path would resolve from
 * this folder.
 */
export const SCENARIO_FILE = fileURLToPath(new URL('./calibration-scenarios.json', import.meta.url));

/**
 * Validates `data` against the scenario schema and the semantic checks, like a scenario file.
 * @throws {UserInputError} when a fact's scenario is invalid (a bug in the suite)
 */
export function scenarioOf(data: Record<string, unknown>): Scenario {
  return validateScenarioData({ seed: 1, ...data }, { file: `calibration:${String(data.name)}`, strategyNames: BUILTIN_NAMES });
}

const cache = new Map<string, Promise<Results>>();

/**
 * Runs every variant × strategy of `data` over `run.seeds` seeds (from the scenario's `seed`),
 * on `run.workers` threads. Memoised, so facts that share a scenario run it once.
 */
export function sweep(data: Record<string, unknown>, run: FactRun): Promise<Results> {
  const key = `${run.seeds}:${JSON.stringify(data)}`;
  let hit = cache.get(key);
  if (!hit) {
    hit = runValidatedScenario(scenarioOf(data), SCENARIO_FILE, { seeds: run.seeds, workers: run.workers });
    cache.set(key, hit);
  }
  return hit;
}

/** The runs of one variant and strategy label, in seed order. */
export function runsOf(results: Results, strategy: string, variant?: string): RunResult[] {
  const out = results.runs.filter((r) => r.strategy === strategy && (variant === undefined || r.variant === variant));
  if (out.length === 0) throw new Error(`no runs for strategy '${strategy}' variant '${variant ?? '*'}'`);
  return out;
}

/**
 * Runs the first variant of `data` with `strategy` (a resolved built-in, or a definition made in
 * the suite) for each seed in this thread, collecting the trace of each run.
 */
export async function tracedRuns(data: Record<string, unknown>, strategy: ResolvedStrategy | string, run: FactRun): Promise<{ result: RunResult; trace: TraceRecord[] }[]> {
  const s = scenarioOf(data);
  const [variant] = planVariants(s, { file: 'calibration', strategyNames: BUILTIN_NAMES });
  const resolved = typeof strategy === 'string' ? (await resolveStrategies([strategy], SCENARIO_FILE))[0] : strategy;
  const out: { result: RunResult; trace: TraceRecord[] }[] = [];
  for (let k = 0; k < run.seeds; k++) {
    const trace: TraceRecord[] = [];
    const result = runOnce(variant, resolved, s.seed + k, { trace: (r) => void trace.push(r) });
    out.push({ result, trace });
  }
  return out;
}

/** How many of `runs` satisfy `pred`. */
export function count<T>(runs: readonly T[], pred: (r: T, i: number) => boolean): number {
  let n = 0;
  runs.forEach((r, i) => {
    if (pred(r, i)) n++;
  });
  return n;
}

/** "k/n (p%)" */
export function ofRuns(k: number, n: number): string {
  return `${k}/${n} (${Math.round((100 * k) / n)}%)`;
}

/** Mean of `xs` (0 for none). */
export function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

/** The share bound "at most `p`" as a count over n runs: ⌊p·n⌋ (so ≤ 5% of 8 runs is 0). */
export function atMost(p: number, n: number): number {
  return Math.floor(p * n + 1e-9);
}

/**
 * "At most a share `p` of runs", judged as a sample: true unless k or more of n runs would happen
 * with probability under 5% if the true share were p (one-sided binomial test). For a rare outcome
 * near its bound, `k ≤ atMost(p, n)` fails by chance: at a true 4%, 2 of 20 runs happen one time in five.
 * @example consistentWithAtMost(0.05, 2, 20) // true: P(X ≥ 2 | 20, 5%) = 0.26
 * @example consistentWithAtMost(0.05, 4, 20) // false: 0.016
 */
export function consistentWithAtMost(p: number, k: number, n: number): boolean {
  return k === 0 || 1 - jStat.binomial.cdf(k - 1, n, p) >= 0.05;
}

/** "Most runs": strictly more than half. */
export function most(k: number, n: number): boolean {
  return 2 * k > n;
}

/** Hours a run's number spent RED (0 when never rated RED). */
export function redHours(r: RunResult, number: string): number {
  return r.summary.qualityHours[number]?.RED ?? 0;
}

/** Enforcements of `r` that restrict (not warnings, reviews or disconnections). */
export const RESTRICTING = new Set(['soft-ban', 'permanent-ban', 'account-restriction', 'policy-restriction', 'policy-restriction-all', 'account-disabled']);

/** Formats a number with at most `digits` decimals. */
export function fmt(x: number, digits = 1): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(digits);
}
