/**
 * The memory a sweep will need, estimated from its plan before anything runs (issue 18, item 4):
 * results.json keeps every run's summary and hourly series, so the results grow as runs × hours ×
 * series and a large sweep cannot fit in one process. `checkSweepMemory` refuses such a plan at
 * once (exit 2) and says how to split it; `checkMergeMemory` does the same for `wabasim merge`
 * from the shard files' sizes, before reading any.
 *
 *   per run:  values = hours × (collector series + 4 × numbers)
 *             held   = values × heap bytes per value + summary          (the results in memory)
 *             json   = values × JSON bytes per value (by kind) + summary JSON   (its part of results.json)
 *             world  = recipients × (88 + 52 × numbers)                 (typed arrays while it runs)
 *   sweep:    held + max(2 × threads × largest world,                   (while simulating)
 *                        write factor × json)                           (while writing results.json)
 *
 * The node runtime and the worker isolates (about 90 MB each) are outside the estimate: the
 * budget LIMITS.maxResultsBytes (1 GiB) leaves about 0.5 GB of a 1.5 GB process to them.
 */
import { memoryMsg, UserInputError, type MemoryAdvice } from '../errors/index.js';
import { SERIES_NAMES } from '../metrics/collector.js';
import { LIMITS, type Scenario } from '../scenario/index.js';

/**
 * Measured constants (Node 20, x64, wabasim 0.1.0). How: `scenarios/default.json` at 366 days,
 * 2 numbers, 4 strategies × 2 variants, 5 seeds (40 runs, 8,784 hours, 24 series a run):
 * - results.json: its length minus the same file with every `series` emptied, over the values: 8.21
 *   bytes a value (`JSON.stringify(results, null, 1)` puts each value on its own indented line:
 *   8 bytes for a 0); minus the same file without runs, over the runs: 2,589 bytes of summary a
 *   run with 2 numbers. Series by series (test/run/helpers.ts smallScenario, 20 days): counts 8.1
 *   to 10.2 bytes a value; per number, quality and status codes 8.1, the unanswered counter 9.9,
 *   the trust score 14 (a double takes up to 25: 7 + 18 characters);
 * - heap: `process.memoryUsage().heapUsed` after `gc()`, before and after holding 160 runs' series
 *   made as runSeries makes them (`Array.from(Float64Array)`): 10.2 bytes a value (8.1 when they
 *   arrive from a worker, by structured clone); 1,959 bytes a summary;
 * - writing: `JSON.stringify` builds a two-byte string (the echo has non-Latin-1 characters) from
 *   pieces, then write.ts copies it into a Buffer: peak RSS went from 86 MB + 68 MB of results to
 *   600 MB for a 70 MB results.json, 6.4 bytes a results.json byte;
 * - world: `process.memoryUsage().arrayBuffers` after `gc()`, before and after `buildWorld`, at
 *   1,000,000 recipients: 99 + 17 × numbers bytes a recipient (one pool), 72 + 44 × numbers (a pool
 *   a number); plus 8 bytes a recipient and number for pair-rate times allocated on first use;
 *   16 more a recipient since 2026-12-01 (reactions and cross-brand draw counters for common
 *   random numbers, a fifth marketing-cap slot), counted by arithmetic, not measured again.
 *   Each thread may hold two worlds at once (run-once.ts RunSession).
 * Rounded up, so the estimate errs on the large side.
 */
export const MEMORY_COSTS = {
  /** Per-number hourly series (model/hour-end.ts, metrics/collector.ts): quality, trust, unanswered, status. */
  seriesPerNumber: 4,
  heapBytesPerValue: 10.5,
  /** results.json bytes a value of a collector series (counts), and of a per-number series (mean of quality 8, status 8, unanswered 10, trust 25 at worst). */
  jsonBytesPerValue: 9,
  jsonBytesPerNumberValue: 13,
  summaryJsonBytes: 2_200,
  summaryJsonBytesPerNumber: 250,
  /** Process bytes per results.json byte while it is written (string, its pieces, the Buffer). */
  writeBytesPerJsonByte: 6.5,
  worldBytesPerRecipient: 88,
  worldBytesPerRecipientPerNumber: 52,
  worldsPerThread: 2,
  /** Merge: heap per shard-file byte once parsed (0.98 measured), and the transient read of one file (Buffer + two-byte string). */
  parsedBytesPerJsonByte: 1,
  readBytesPerJsonByte: 3,
} as const;

/** What one run costs. Bytes. */
export interface RunCost {
  /** Values in its hourly series. */
  readonly values: number;
  readonly heldBytes: number;
  readonly jsonBytes: number;
  readonly worldBytes: number;
}

/** What a sweep (or a shard of it) costs. Bytes. */
export interface SweepEstimate {
  readonly runs: number;
  /** Process memory for the results and the simulation (the figure checked against the budget). */
  readonly bytes: number;
  /** results.json. */
  readonly jsonBytes: number;
}

/** A planned run, as far as its cost goes: the scenario of its variant. */
export interface CostedRun {
  readonly variant: { readonly scenario: Scenario };
}

/**
 * The cost of one run of scenario `s` (its variant's patched scenario), from its horizon, numbers
 * and recipients. Why: the unit of every estimate. Cost O(segments).
 * @example runCost(scenario).jsonBytes // ≈ 1.8 MB for 2 numbers over 366 days
 */
export function runCost(s: Scenario): RunCost {
  const c = MEMORY_COSTS;
  const numbers = s.portfolio.numbers.length;
  const hours = Math.max(1, Math.ceil(s.horizonDays * 24));
  const collectorValues = hours * SERIES_NAMES.length;
  const numberValues = hours * c.seriesPerNumber * numbers;
  const values = collectorValues + numberValues;
  const summary = c.summaryJsonBytes + c.summaryJsonBytesPerNumber * numbers;
  const recipients = s.audience.segments.reduce((n, seg) => n + seg.size, 0);
  return {
    values,
    heldBytes: values * c.heapBytesPerValue + summary,
    jsonBytes: collectorValues * c.jsonBytesPerValue + numberValues * c.jsonBytesPerNumberValue + summary,
    worldBytes: recipients * (c.worldBytesPerRecipient + c.worldBytesPerRecipientPerNumber * numbers + realismBytesPerRecipient(s)),
  };
}

/**
 * Issue 22: a Float32Array over the audience per declared attribute name (4 bytes a recipient)
 * and a Uint8Array of zones when any segment declares time zones (1 byte) — their sizes, not a
 * measurement.
 */
function realismBytesPerRecipient(s: Scenario): number {
  const names = new Set(s.audience.segments.flatMap((seg) => Object.keys(seg.attributes ?? {})));
  return 4 * names.size + (s.audience.segments.some((seg) => seg.timeZones !== undefined) ? 1 : 0);
}

/**
 * The estimate for plan entries `indices` of `plan` simulated on `threads` threads (0: the main
 * thread). Why: checked before a sweep or shard runs. Cost O(indices).
 * @example estimateSweep(setup.plan, [0, 1, 2], 2).bytes
 */
export function estimateSweep(plan: readonly CostedRun[], indices: readonly number[], threads: number): SweepEstimate {
  const costs = new Map<CostedRun['variant'], RunCost>();
  let held = 0;
  let json = 0;
  let world = 0;
  for (const i of indices) {
    const v = plan[i].variant;
    let cost = costs.get(v);
    if (!cost) costs.set(v, (cost = runCost(v.scenario)));
    held += cost.heldBytes;
    json += cost.jsonBytes;
    world = Math.max(world, cost.worldBytes);
  }
  return { runs: indices.length, jsonBytes: Math.ceil(json), bytes: Math.ceil(combine(held, json, world, concurrency(threads, indices.length))) };
}

/** Threads that simulate at once: the workers (at most one per run), or the main thread. */
function concurrency(threads: number, runs: number): number {
  return Math.max(1, Math.min(threads, runs));
}

function combine(held: number, json: number, world: number, threads: number): number {
  return held + Math.max(MEMORY_COSTS.worldsPerThread * threads * world, MEMORY_COSTS.writeBytesPerJsonByte * json);
}

/**
 * The largest estimate over the `count` round-robin shards of `plan` (the slices `--shard i/count`
 * runs). Cost O(plan + count).
 */
function largestShard(plan: readonly CostedRun[], count: number, threads: number): number {
  const held = new Float64Array(count);
  const json = new Float64Array(count);
  const world = new Float64Array(count);
  const costs = new Map<CostedRun['variant'], RunCost>();
  for (let i = 0; i < plan.length; i++) {
    const v = plan[i].variant;
    let cost = costs.get(v);
    if (!cost) costs.set(v, (cost = runCost(v.scenario)));
    const k = i % count;
    held[k] += cost.heldBytes;
    json[k] += cost.jsonBytes;
    world[k] = Math.max(world[k], cost.worldBytes);
  }
  let largest = 0;
  for (let k = 0; k < count; k++) largest = Math.max(largest, combine(held[k], json[k], world[k], concurrency(threads, Math.floor((plan.length - k - 1) / count) + 1)));
  return largest;
}

/**
 * The smallest shard count n for which every `--shard i/n` of `plan` fits `budget`, or undefined
 * when not even one run a shard does. Binary search (the largest shard shrinks as n grows). Cost
 * O(plan × log plan).
 * @example smallestShardCount(setup.plan, 8, LIMITS.maxResultsBytes) // 312
 */
export function smallestShardCount(plan: readonly CostedRun[], threads: number, budget: number): number | undefined {
  if (plan.length === 0 || largestShard(plan, plan.length, threads) > budget) return undefined;
  let lo = 1;
  let hi = plan.length;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (largestShard(plan, mid, threads) <= budget) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Where a sweep's plan is checked: its file, how many seeds, and its shard if any. */
export interface SweepCheck {
  readonly file: string;
  readonly seeds: number;
  /** Worker threads (0: the main thread). */
  readonly threads: number;
  readonly shard?: { readonly index: number; readonly count: number };
  /** The budget (tests lower it); LIMITS.maxResultsBytes by default. */
  readonly budget?: number;
}

/**
 * Refuses plan entries `indices` of `plan` (the whole sweep, or a shard's slice) when their
 * estimate exceeds the budget, with what to do: fewer worker threads when that is enough,
 * else a shard count that fits, else a smaller run. Returns the estimate when it fits.
 * Why: step 2 of the pipeline, before any run; a sweep that cannot fit fails at once, not after
 * hours. Cost O(plan × log plan) when refused, O(indices) otherwise.
 * @throws {UserInputError} when the estimate exceeds the budget
 * @example checkSweepMemory(setup.plan, indices, { file, seeds: 10, threads: 8 })
 */
export function checkSweepMemory(plan: readonly CostedRun[], indices: readonly number[], check: SweepCheck): SweepEstimate {
  const budget = check.budget ?? LIMITS.maxResultsBytes;
  const estimate = estimateSweep(plan, indices, check.threads);
  if (estimate.bytes <= budget) return estimate;
  const fewerThreads = largestThreadsThatFit(plan, indices, check.threads, budget);
  const count = fewerThreads === undefined ? smallestShardCount(plan, check.threads, budget) : undefined;
  const advice: MemoryAdvice = fewerThreads !== undefined ? { kind: 'workers', count: fewerThreads } : count !== undefined ? { kind: 'shards', count } : { kind: 'smaller-run' };
  // the pointer names what to change: the seeds (or the horizon) for shards, else the audience when worlds weigh most
  const pointer = advice.kind === 'shards' ? (check.seeds > 1 ? '/seeds' : '/horizonDays') : advice.kind === 'workers' || worldsWeighMost(plan, indices) ? '/audience/segments' : '/horizonDays';
  throw new UserInputError([memoryMsg.sweepTooLarge(check.file, pointer, estimate, budget, advice, check.shard)]);
}

/** Whether one thread's worlds outweigh the results of one run (of the plan entries `indices`). */
function worldsWeighMost(plan: readonly CostedRun[], indices: readonly number[]): boolean {
  return indices.some((i) => {
    const cost = runCost(plan[i].variant.scenario);
    return MEMORY_COSTS.worldsPerThread * cost.worldBytes > cost.heldBytes + MEMORY_COSTS.writeBytesPerJsonByte * cost.jsonBytes;
  });
}

/** The most threads (below `threads`) with which `indices` fit `budget`, if fewer threads help at all. */
function largestThreadsThatFit(plan: readonly CostedRun[], indices: readonly number[], threads: number, budget: number): number | undefined {
  for (let t = Math.min(threads, indices.length) - 1; t >= 1; t--) if (estimateSweep(plan, indices, t).bytes <= budget) return t;
  return undefined;
}

/**
 * Refuses to merge shard files of `sizes` bytes when joining them would exceed the budget: all
 * shards parsed at once, one file being read, and the merged results.json being written.
 * Why: checked from the files' sizes before any is read. Cost O(files).
 * @throws {UserInputError} when the estimate exceeds the budget
 * @example checkMergeMemory([1e6, 1e6])
 */
export function checkMergeMemory(sizes: readonly number[], budget: number = LIMITS.maxResultsBytes): void {
  const c = MEMORY_COSTS;
  const total = sizes.reduce((a, b) => a + b, 0);
  const largest = sizes.reduce((a, b) => Math.max(a, b), 0);
  const bytes = Math.ceil(total * (c.parsedBytesPerJsonByte + c.writeBytesPerJsonByte) + largest * c.readBytesPerJsonByte);
  if (bytes > budget) throw new UserInputError([memoryMsg.mergeTooLarge(sizes.length, total, bytes, budget)]);
}
