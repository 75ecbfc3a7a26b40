/**
 * The shape of results.json (PRODUCT.md "Outputs"): a scenario echo with the resolved policy
 * parameters, per-run summaries and hourly series, and statistics across seeds.
 */

import type { RunSummary } from '../model/summary.js';
export type { EnforcementSummary, NumberSummary, RunSummary } from '../model/summary.js';

/** Largest results file read back (`wabasim report`, `merge`); a 100,000-run sweep stays below it. */
export const MAX_RESULTS_BYTES = 512 * 1024 * 1024;

export interface RunResult {
  readonly variant: string;
  readonly strategy: string;
  readonly seed: number;
  readonly summary: RunSummary;
  /** Hourly series, one value per simulated hour. */
  readonly series: Readonly<Record<string, readonly number[]>>;
  /** Events dispatched by the engine (for benchmarks and sanity). */
  readonly events: number;
  /** What the strategy used of the scenario's declarations (issue 22 item 5); taken off before results.json is written (run/declaration-usage.ts). */
  readonly usage?: RunUsage;
}

/** Numbers that sent anything, and whether recipients' local time or attributes were read. */
export interface RunUsage {
  readonly sentFrom: readonly string[];
  readonly localTime: boolean;
  readonly attributes: boolean;
}

/** Spread of one metric across seeds (simple-statistics). */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
  /** 95% confidence interval of the mean (Student's t over the seeds): [low, high]. */
  readonly ci95: readonly [number, number];
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  /** For conditional metrics (days to a tier): how many runs the spread is over. */
  readonly n?: number;
}

export interface Aggregate {
  readonly variant: string;
  readonly strategy: string;
  readonly seeds: number;
  /** Every numeric summary metric (failedByCode.X and blocksByReason.X flattened with a dot). */
  readonly metrics: Readonly<Record<string, Spread>>;
}

export interface Results {
  readonly wabasim: string;
  readonly scenario: unknown;
  readonly variants: readonly { readonly name: string; readonly description?: string; readonly policy: string; readonly parameters: readonly ResolvedParam[] }[];
  readonly runs: readonly RunResult[];
  readonly aggregates: readonly Aggregate[];
  /** Present in a shard's results: which slice of the sweep it holds (`wabasim merge` joins them). */
  readonly shard?: ShardInfo;
}

/** A shard's slice of the sweep and its digests (src/run/shard-digest.ts); `wabasim merge` drops it. */
export interface ShardInfo {
  readonly index: number;
  readonly count: number;
  readonly planSize: number;
  readonly runIndices: readonly number[];
  /** SHA-256 of the scenario echo, variants, plan size and shard count: the same in every shard of one sweep. */
  readonly planDigest: string;
  /** SHA-256 of planDigest, index, run indices and runs: changes when any of them is edited. */
  readonly digest: string;
}

/** A policy parameter as one variant resolved it, with its provenance. */
export interface ResolvedParam {
  readonly path: string;
  /** The value, or the distribution it is sampled from per run. */
  readonly value: unknown;
  readonly overridden: boolean;
  readonly unit: string;
  readonly source: string;
  readonly label: string;
}
