/**
 * Digests of a sensitivity analysis: the scenario echo it belongs to (so a report includes it only
 * beside the same results), and the shard digests `wabasim merge` checks. SHA-256 over canonical
 * JSON (src/run/shard-digest.ts), an integrity check against edits and mix-ups, not a signature.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../run/shard-digest.js';
import type { RawSensitivity, SensitivityFrame } from './types.js';

/**
 * SHA-256 of a scenario echo (results.json `scenario`) in canonical JSON.
 * Why: sensitivity.json names the results it belongs beside; `run` and `report` compare.
 * @example echoDigest(results.scenario) // 64 hex digits
 */
export function echoDigest(echo: unknown): string {
  return createHash('sha256').update(canonicalJson(echo)).digest('hex');
}

/**
 * The digest every shard of one analysis shares: its frame and the shard count.
 * @example framePlanDigest(frame, 4) // 64 hex digits
 */
export function framePlanDigest(frame: SensitivityFrame, count: number): string {
  return createHash('sha256').update(canonicalJson({ frame, count })).digest('hex');
}

/**
 * The digest of one shard's content: plan digest, index and records.
 * @example shardContentDigest(plan, 2, raw) // 64 hex digits
 */
export function shardContentDigest(plan: string, index: number, raw: RawSensitivity): string {
  return createHash('sha256').update(`${plan}\n${index}\n${canonicalJson(raw)}`).digest('hex');
}
