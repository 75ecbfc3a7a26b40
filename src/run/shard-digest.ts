/**
 * Digests that let `wabasim merge` trust a shard: `planDigest` names the sweep (identical for every
 * shard of it), `digest` seals one shard's runs. SHA-256 (node:crypto) over canonical JSON — keys
 * sorted, otherwise JSON.stringify's rules — so a value read back from the file hashes as it did
 * when it was written. An integrity check against edits and mix-ups, not a signature.
 */
import { createHash } from 'node:crypto';
import type { Results, RunResult } from './results.js';

/**
 * `value` as JSON with object keys sorted at every level (undefined dropped, like JSON.stringify).
 * @example canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v,
  );
}

/**
 * The digest of a sweep's plan: scenario echo, variants, plan size and shard count.
 * Why: shards of one sweep carry the same planDigest; `merge` refuses to join different ones.
 * @example planDigest(results, 120, 8) // 64 hex digits
 */
export function planDigest(results: Pick<Results, 'scenario' | 'variants'>, planSize: number, count: number): string {
  return createHash('sha256').update(canonicalJson({ scenario: results.scenario, variants: results.variants, planSize, count })).digest('hex');
}

/**
 * The digest of one shard's content: its plan digest, index, run indices and runs (hashed run by
 * run, so a 100,000-run shard never becomes one string).
 * Cost: linear in the shard's size.
 * @example shardDigest(plan, 2, [1, 3], runs) // 64 hex digits
 */
export function shardDigest(plan: string, index: number, runIndices: readonly number[], runs: readonly RunResult[]): string {
  const hash = createHash('sha256').update(`${plan}\n${index}\n${canonicalJson(runIndices)}\n`);
  for (const run of runs) hash.update(`${canonicalJson(run)}\n`);
  return hash.digest('hex');
}
