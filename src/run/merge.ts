/**
 * Joining shard results (`wabasim run --shard i/n`, one per machine) into the results file a single
 * machine would have written — byte-identical: the same scenario echo, the runs back in plan order,
 * the aggregates recomputed from them.
 */
import { msg, UserInputError, type Issue } from '../errors/index.js';
import { readJsonFile } from '../scenario/index.js';
import { aggregate } from './aggregate.js';
import { MAX_RESULTS_BYTES, type Results, type RunResult } from './results.js';

/**
 * Merges the shard results in `files` (any order).
 * @throws {UserInputError} when a file is not a shard result, shards disagree, or runs are missing or repeated
 */
export function mergeShards(files: readonly string[]): Results {
  const issues: Issue[] = [];
  const shards: { file: string; results: Results }[] = [];
  for (const file of files) {
    const data = readJsonFile(file, MAX_RESULTS_BYTES) as Partial<Results>;
    if (!data || typeof data !== 'object' || !data.shard || !Array.isArray(data.runs) || !Array.isArray(data.shard.runIndices) || data.runs.length !== data.shard.runIndices.length) {
      issues.push(msg.schema(file, '/shard', 'the results of `wabasim run --shard i/n`', data && typeof data === 'object' ? data.shard : data));
      continue;
    }
    shards.push({ file, results: data as Results });
  }
  if (issues.length) throw new UserInputError(issues);
  if (shards.length === 0) throw new UserInputError([msg.badFlag('files', 'at least one shard results file', files.length)]);
  const first = shards[0].results;
  const echo = JSON.stringify([first.wabasim, first.scenario, first.variants]);
  const planSize = first.shard!.planSize;
  const byIndex = new Map<number, RunResult>();
  for (const { file, results } of shards) {
    if (JSON.stringify([results.wabasim, results.scenario, results.variants]) !== echo || results.shard!.planSize !== planSize) {
      issues.push(msg.schema(file, '/scenario', `a shard of the same sweep as ${shards[0].file}`, 'a different scenario, version or plan'));
      continue;
    }
    results.shard!.runIndices.forEach((index, k) => {
      if (byIndex.has(index)) issues.push(msg.schema(file, `/shard/runIndices/${k}`, 'a run no other shard holds', index));
      byIndex.set(index, results.runs[k]);
    });
  }
  const missing = Array.from({ length: planSize }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length) issues.push(msg.schema('', '/shard', `shards covering all ${planSize} runs`, `missing runs ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`));
  if (issues.length) throw new UserInputError(issues);
  const runs = Array.from({ length: planSize }, (_, i) => byIndex.get(i)!);
  return { wabasim: first.wabasim, scenario: first.scenario, variants: first.variants, runs, aggregates: aggregate(runs) };
}
