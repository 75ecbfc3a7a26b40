/**
 * Reading the shard files `wabasim merge` joins, sweep shards and sensitivity shards alike: each
 * file on its own — readable JSON within its size cap, the right shape, consistent with itself —
 * with every problem of every file collected before anything is joined.
 */
import { UserInputError, type Issue } from '../errors/index.js';
import { readJsonFile } from '../scenario/index.js';

/**
 * Reads `files` as shards of type T: `shape` checks a file's structure, `own` (run only on a
 * well-shaped file) its consistency with itself (digests, indices).
 * @throws {UserInputError} every problem of every file, at once
 * @example const shards = readShardFiles(files, MAX_RESULTS_BYTES, shardShapeIssues, shardOwnIssues)
 */
export function readShardFiles<T>(files: readonly string[], maxBytes: number, shape: (data: unknown, file: string) => Issue[], own: (shard: T, file: string) => Issue[]): { file: string; data: T }[] {
  const issues: Issue[] = [];
  const shards: { file: string; data: T }[] = [];
  for (const file of files) {
    try {
      const data = readJsonFile(file, maxBytes);
      const found = shape(data, file);
      if (found.length === 0) found.push(...own(data as T, file));
      if (found.length) issues.push(...found);
      else shards.push({ file, data: data as T });
    } catch (err) {
      if (err instanceof UserInputError) issues.push(...err.issues);
      else throw err;
    }
  }
  if (issues.length) throw new UserInputError(issues);
  return shards;
}
