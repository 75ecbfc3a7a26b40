/**
 * `wabasim merge SHARD.json… [--out FILE]` — joins shard files into the file one machine would
 * have written: the results of `run --shard` into results.json, or the shards of `sensitivity
 * --shard` (recognised by their first key, `"kind": "sensitivity-shard"`) into sensitivity.json.
 */
import { msg, sensitivityMsg, UserInputError } from '../../errors/index.js';
import { mergeShards, writeFileAtomic } from '../../run/index.js';
import { isSensitivityShardFile, mergeSensitivityShards } from '../../sensitivity/index.js';
import { writePhase } from '../interrupt.js';
import { VERSION } from '../../version.js';

/**
 * Merges `files` (checked: shape, digests, one sweep or analysis, every part once) and writes `out`
 * (default results.json, or sensitivity.json for sensitivity shards) atomically; warns on stderr
 * when the shards were written by another wabasim version.
 * @throws {UserInputError} for any problem in any shard, or shards of both kinds (nothing is written)
 * @example mergeCommand(['s1.json', 's2.json'], 'results.json')
 */
export function mergeCommand(files: readonly string[], out?: string): void {
  const sensitivity = files.filter(isSensitivityShardFile);
  if (sensitivity.length > 0) {
    const others = files.filter((f) => !sensitivity.includes(f));
    if (others.length) throw new UserInputError(others.map((f) => sensitivityMsg.mixedShards(f, sensitivity[0])));
    const merged = mergeSensitivityShards(files);
    const target = out ?? 'sensitivity.json';
    if (merged.wabasim !== VERSION) process.stderr.write(`${msg.foreignVersion(files.join(', '), merged.wabasim, VERSION)}\n`);
    writePhase([target], () => writeFileAtomic(target, `${JSON.stringify(merged, null, 1)}\n`));
    process.stdout.write(`merged ${files.length} sensitivity shard${files.length === 1 ? '' : 's'} (${merged.settings.points} draws, ${merged.settings.runs} runs)\nsensitivity: ${target}\n(wabasim report DIR/results.json adds its section when results.json of the same scenario sits beside it)\n`);
    return;
  }
  const target = out ?? 'results.json';
  const results = mergeShards(files);
  if (results.wabasim !== VERSION) process.stderr.write(`${msg.foreignVersion(files.join(', '), results.wabasim, VERSION)}\n`);
  writePhase([target], () => writeFileAtomic(target, `${JSON.stringify(results, null, 1)}\n`));
  process.stdout.write(`merged ${files.length} shard${files.length === 1 ? '' : 's'} (${results.runs.length} runs)\nresults: ${target}\n`);
}
