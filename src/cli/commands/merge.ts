/** `wabasim merge SHARD.json… --out results.json` — joins shard results into the single-machine file. */
import { mergeShards, writeFileAtomic } from '../../run/index.js';
import { writePhase } from '../interrupt.js';

export function mergeCommand(files: readonly string[], out: string): void {
  const results = mergeShards(files);
  writePhase([out], () => writeFileAtomic(out, `${JSON.stringify(results, null, 1)}\n`));
  process.stdout.write(`merged ${files.length} shard${files.length === 1 ? '' : 's'} (${results.runs.length} runs)\nresults: ${out}\n`);
}
