/**
 * Joining shard results (`wabasim run --shard i/n`, one per machine) into the results file a single
 * machine would have written — byte-identical: the same scenario echo, the runs back in plan order,
 * the aggregates recomputed from them. Nothing is trusted:
 *
 *   all files ──sizes: merged results fit in memory (memory-estimate.ts)──▶
 *   each file ──read (size cap)──▶ JSON ──schema (types, sizes ≤ LIMITS.maxRuns)──▶ shard
 *     ──own checks: index ≤ count, runIndices = its round-robin slice, planDigest, digest──▶
 *   all shards ──same version and sweep (planDigest), no shard twice, none missing──▶ Results
 *
 * Every problem is collected and thrown at once (UserInputError, exit 2).
 */
import { statSync } from 'node:fs';
import { msg, UserInputError, type Issue } from '../errors/index.js';
import { LIMITS } from '../scenario/index.js';
import { checkMergeMemory } from './memory-estimate.js';
import { aggregate } from './aggregate.js';
import { MAX_RESULTS_BYTES, type Results, type RunResult, type ShardInfo } from './results.js';
import { shardShapeIssues } from './results-schema.js';
import { planDigest, shardDigest } from './shard-digest.js';
import { readShardFiles } from './shard-files.js';

type Shard = Results & { readonly shard: ShardInfo };

/**
 * Merges the shard results in `files` (any order).
 * @throws {UserInputError} when a file is not a valid shard, was edited, shards belong to different
 *   sweeps, or runs are missing or repeated
 * @example const results = mergeShards(['out/results.shard-1-of-2.json', 'out/results.shard-2-of-2.json']);
 */
export function mergeShards(files: readonly string[], memoryBudget: number = LIMITS.maxResultsBytes): Results {
  if (files.length === 0) throw new UserInputError([msg.badFlag('shards', 'at least one shard results file', files.length)]);
  // 0. the merged results must fit in memory: estimated from the files' sizes before any is read
  checkMergeMemory(files.map(regularFileSize), memoryBudget);
  // 1. each file on its own: readable, the right shape, consistent with itself
  const shards = readShardFiles<Shard>(files, MAX_RESULTS_BYTES, shardShapeIssues, shardOwnIssues).map(({ file, data }) => ({ file, results: data }));
  const issues: Issue[] = [];
  // 2. together: one version, one sweep, each shard once, none missing
  const first = shards[0];
  const { count, planSize } = first.results.shard;
  const holder = new Map<number, string>();
  for (const { file, results } of shards) {
    const sweep = sweepIssue(file, results, first.file, first.results);
    if (sweep) {
      issues.push(sweep);
      continue;
    }
    const other = holder.get(results.shard.index);
    if (other !== undefined) issues.push(msg.duplicateShard(file, other, results.shard.index, count));
    else holder.set(results.shard.index, file);
  }
  if (issues.length) throw new UserInputError(issues);
  // shards with no run (more shards than runs) hold nothing to miss; sizes are ≤ LIMITS.maxRuns by the schema
  const missing = Array.from({ length: Math.min(count, planSize) }, (_, i) => i + 1).filter((index) => !holder.has(index));
  if (missing.length) throw new UserInputError([msg.missingShards(planSize, count, missing, missing.flatMap((index) => sliceOf(index, count, planSize)).sort((a, b) => a - b))]);
  // 3. the runs back in plan order, the aggregates recomputed
  const runs: RunResult[] = new Array<RunResult>(planSize);
  for (const { results } of shards) results.shard.runIndices.forEach((i, k) => (runs[i] = results.runs[k]));
  return { wabasim: first.results.wabasim, scenario: first.results.scenario, variants: first.results.variants, runs, aggregates: aggregate(runs) };
}

/** The size of `file` when it is a regular file, else 0 (a pipe or a missing file: reading it reports the problem, under the size cap). */
function regularFileSize(file: string): number {
  try {
    const stat = statSync(file);
    return stat.isFile() ? stat.size : 0;
  } catch {
    return 0;
  }
}

/** The run indices shard `index` of `count` holds in a plan of `planSize` runs (round-robin). */
function sliceOf(index: number, count: number, planSize: number): number[] {
  const length = index <= planSize ? Math.floor((planSize - index) / count) + 1 : 0;
  return Array.from({ length }, (_, k) => index - 1 + k * count);
}

/** Checks one well-typed shard against itself: its slice of the plan and its two digests. */
function shardOwnIssues(results: Shard, file: string): Issue[] {
  const { index, count, planSize, runIndices } = results.shard;
  if (index > count) return [msg.badShard(file, '/shard/index', `a shard number in [1, ${count}] (/shard/count)`, index)];
  const slice = sliceOf(index, count, planSize);
  if (runIndices.length !== results.runs.length) return [msg.badShard(file, '/shard/runIndices', `one run index per run (${results.runs.length} runs)`, `${runIndices.length} indices`)];
  if (runIndices.length !== slice.length)
    return [msg.badShard(file, '/shard/runIndices', `the ${slice.length} runs of shard ${index} of ${count} in a plan of ${planSize} runs (/shard/planSize)`, `${runIndices.length} runs`)];
  const k = runIndices.findIndex((i, n) => i !== slice[n]);
  if (k >= 0) return [msg.badShard(file, `/shard/runIndices/${k}`, `run ${slice[k]} (shard ${index} of ${count} holds every ${count}th run from ${index - 1})`, runIndices[k])];
  const plan = planDigest(results, planSize, count);
  if (plan !== results.shard.planDigest) return [msg.shardTampered(file, '/shard/planDigest', 'scenario echo, variants, plan size and shard count', results.shard.planDigest, plan)];
  const digest = shardDigest(plan, index, runIndices, results.runs);
  if (digest !== results.shard.digest) return [msg.shardTampered(file, '/shard/digest', 'runs', results.shard.digest, digest)];
  return [];
}

/** Whether `results` belongs to the same wabasim version and sweep as `first`; the first difference found. */
function sweepIssue(file: string, results: Shard, firstFile: string, first: Shard): Issue | undefined {
  if (results.wabasim !== first.wabasim) return msg.otherSweep(file, '/wabasim', `${firstFile} (written by wabasim ${first.wabasim})`, results.wabasim);
  if (results.shard.planDigest === first.shard.planDigest) return undefined;
  if (results.shard.count !== first.shard.count) return msg.otherSweep(file, '/shard/count', `${firstFile} (${first.shard.count} shards)`, results.shard.count);
  if (results.shard.planSize !== first.shard.planSize) return msg.otherSweep(file, '/shard/planSize', `${firstFile} (${first.shard.planSize} runs)`, results.shard.planSize);
  if (JSON.stringify(results.variants) !== JSON.stringify(first.variants)) return msg.otherSweep(file, '/variants', `${firstFile} (the same variants)`, 'different variants');
  return msg.otherSweep(file, '/scenario', `${firstFile} (the same scenario, seeds and strategies)`, 'a different scenario');
}
