/** `wabasim merge SHARD.json… --out results.json` — joins shard results into the single-machine file. */
import { msg } from '../../errors/index.js';
import { mergeShards, writeFileAtomic } from '../../run/index.js';
import { writePhase } from '../interrupt.js';
import { VERSION } from '../../version.js';

/**
 * Merges `files` (checked: shape, digests, one sweep, every run once) and writes `out` atomically;
 * warns on stderr when the shards were written by another wabasim version.
 * @throws {UserInputError} for any problem in any shard (nothing is written)
 * @example mergeCommand(['s1.json', 's2.json'], 'results.json')
 */
export function mergeCommand(files: readonly string[], out: string): void {
  const results = mergeShards(files);
  if (results.wabasim !== VERSION) process.stderr.write(`${msg.foreignVersion(files.join(', '), results.wabasim, VERSION)}\n`);
  writePhase([out], () => writeFileAtomic(out, `${JSON.stringify(results, null, 1)}\n`));
  process.stdout.write(`merged ${files.length} shard${files.length === 1 ? '' : 's'} (${results.runs.length} runs)\nresults: ${out}\n`);
}
