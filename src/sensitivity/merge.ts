/**
 * Joining the shards of a sensitivity analysis (`wabasim sensitivity --shard i/n`, one per
 * machine) into the sensitivity.json one machine would have written — byte-identical: the frame is
 * the same in every shard, the records are put back in point order and the statistics computed
 * from them. Nothing is trusted, as for sweep shards (src/run/merge.ts):
 *
 *   each file ──read (size cap)──▶ JSON ──shape (every field the analysis reads, sizes bounded)──▶
 *     ──own checks: index ≤ count, its round-robin slice of points, base in shard 1 only,
 *       planDigest (frame + count), digest (records)──▶
 *   all shards ──same version and analysis, no shard twice, none missing──▶ analyse ──▶ SensitivityResults
 *
 * Every problem is collected and thrown at once (UserInputError, exit 2).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { sensitivityMsg, UserInputError, type Issue } from '../errors/index.js';
import { readShardFiles } from '../run/shard-files.js';
import { analyse } from './analyse.js';
import { MAX_TRAJECTORIES } from './design.js';
import { MAX_SENSITIVITY_BYTES } from './load.js';
import { framePlanDigest, shardContentDigest } from './digest.js';
import { MAX_DRAWS } from './run-sensitivity.js';
import { SENSITIVITY_SHARD_KIND, type RawSensitivity, type SensitivityResults, type SensitivityShard } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
/** Most parameters a frame may name (a profile has about 150). */
const MAX_PARAMETERS = 10_000;

/**
 * True when `file` starts like a sensitivity shard: its first key is `"kind": "sensitivity-shard"`
 * (wabasim writes it first). Reads at most 256 bytes; false for anything unreadable.
 * Why: `wabasim merge` takes both kinds of shard and must not read a large results shard twice.
 * @example isSensitivityShardFile('out/sensitivity.shard-1-of-4.json') // true
 */
export function isSensitivityShardFile(file: string): boolean {
  try {
    const fd = openSync(file, 'r');
    try {
      const head = Buffer.alloc(256);
      const n = readSync(fd, head, 0, head.length, 0);
      return new RegExp(`^\\s*\\{\\s*"kind"\\s*:\\s*"${SENSITIVITY_SHARD_KIND}"`).test(head.subarray(0, n).toString('utf8'));
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * Merges the sensitivity shards in `files` (any order) into the whole analysis.
 * @throws {UserInputError} when a file is not a valid shard, was edited, shards belong to different
 *   analyses, or shards are missing or repeated
 * @example const s = mergeSensitivityShards(['out/sensitivity.shard-1-of-2.json', 'out/sensitivity.shard-2-of-2.json']);
 */
export function mergeSensitivityShards(files: readonly string[]): SensitivityResults {
  // 1. each file on its own
  const shards = readShardFiles<SensitivityShard>(files, MAX_SENSITIVITY_BYTES, shapeIssues, ownIssues).map(({ file, data }) => ({ file, s: data }));
  const issues: Issue[] = [];
  // 2. together: one version, one analysis, each shard once, none missing
  const first = shards[0];
  const holder = new Map<number, string>();
  for (const { file, s } of shards) {
    if (s.wabasim !== first.s.wabasim) issues.push(sensitivityMsg.otherAnalysis(file, '/wabasim', `${first.file} (written by wabasim ${first.s.wabasim})`, s.wabasim));
    else if (s.shard.planDigest !== first.s.shard.planDigest)
      issues.push(s.shard.count !== first.s.shard.count ? sensitivityMsg.otherAnalysis(file, '/shard/count', `${first.file} (${first.s.shard.count} shards)`, s.shard.count) : sensitivityMsg.otherAnalysis(file, '/frame', `${first.file} (the same scenario, flags and design)`, 'a different analysis'));
    else if (holder.has(s.shard.index)) issues.push(sensitivityMsg.duplicateShard(file, holder.get(s.shard.index)!, s.shard.index, s.shard.count));
    else holder.set(s.shard.index, file);
  }
  if (issues.length) throw new UserInputError(issues);
  const { count } = first.s.shard;
  const points = first.s.frame.settings.points;
  // a shard past the number of points holds nothing (but shard 1 holds the base run)
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !holder.has(i) && (i === 1 || i - 1 < points));
  if (missing.length) throw new UserInputError([sensitivityMsg.missingShards(count, missing)]);
  // 3. the records back in point order, the statistics computed
  const all = shards.flatMap(({ s }) => s.raw.points).sort((a, b) => a.index - b.index);
  const raw: RawSensitivity = { points: all, base: shards.find(({ s }) => s.shard.index === 1)!.s.raw.base };
  return analyse(first.s.frame, raw, first.s.wabasim);
}

/** The shape of a shard: every field the checks and the analysis read, with sizes bounded before anything is built from them. */
function shapeIssues(data: unknown, file: string): Issue[] {
  const bad = (pointer: string, expected: string, found: unknown): Issue[] => [sensitivityMsg.badShard(file, pointer, expected, found)];
  if (!isObj(data)) return bad('', 'an object', data);
  if (data.kind !== SENSITIVITY_SHARD_KIND) return bad('/kind', `"${SENSITIVITY_SHARD_KIND}"`, data.kind);
  if (typeof data.wabasim !== 'string') return bad('/wabasim', 'the wabasim version that wrote the file', data.wabasim);
  const shard = data.shard;
  if (!isObj(shard) || !isInt(shard.index, 1, MAX_DRAWS + 1) || !isInt(shard.count, 1, MAX_DRAWS + 1) || typeof shard.planDigest !== 'string' || typeof shard.digest !== 'string') return bad('/shard', 'index, count, planDigest and digest', shard);
  const frame = data.frame;
  if (!isObj(frame) || !isObj(frame.settings) || !Array.isArray(frame.parameters) || !Array.isArray(frame.variants) || !Array.isArray(frame.strategies) || !Array.isArray(frame.candidates)) return bad('/frame', 'settings, parameters, variants, strategies and candidates', frame);
  const k = frame.parameters.length;
  if (!isInt(k, 1, MAX_PARAMETERS) || !frame.parameters.every((p) => isObj(p) && typeof p.path === 'string' && Array.isArray(p.heldBy) && Array.isArray(p.ranges) && p.ranges.every((r) => isObj(r) && typeof r.policy === 'string')))
    return bad('/frame/parameters', `1 to ${MAX_PARAMETERS} parameters with path, ranges and heldBy`, `${k} parameters`);
  const st = frame.settings;
  if (!isInt(st.trajectories, 1, MAX_TRAJECTORIES) || !isInt(st.samples, 0, MAX_DRAWS) || !isInt(st.designSeed, 0, Number.MAX_SAFE_INTEGER) || !isInt(st.resamples, 0, 10_000) || !Array.isArray(st.baseSeeds))
    return bad('/frame/settings', `trajectories in [1, ${MAX_TRAJECTORIES}], samples in [0, ${MAX_DRAWS}], designSeed and resamples integers, baseSeeds`, st);
  if (st.points !== st.trajectories * (k + 1) + st.samples) return bad('/frame/settings/points', `trajectories × (parameters + 1) + samples = ${st.trajectories * (k + 1) + st.samples}`, st.points);
  const V = frame.variants.length;
  const S = frame.strategies.length;
  const C = frame.candidates.length;
  if (!frame.variants.every((v) => isObj(v) && typeof v.name === 'string' && typeof v.policy === 'string') || !frame.strategies.every((s) => typeof s === 'string') || !frame.candidates.every((c) => typeof c === 'string') || V === 0 || S === 0 || C === 0)
    return bad('/frame/variants', 'named variants, strategies and outcomes', frame.variants);
  const raw = data.raw;
  if (!isObj(raw) || !Array.isArray(raw.points)) return bad('/raw/points', 'a list of points', isObj(raw) ? raw.points : raw);
  const strategies = frame.strategies as string[];
  const table = (values: unknown): boolean => Array.isArray(values) && values.length === S && values.every((row) => Array.isArray(row) && row.length === C && row.every((x) => typeof x === 'number' && Number.isFinite(x)));
  const rec = (r: unknown): boolean => r === null || (typeof r === 'string' && strategies.includes(r));
  for (const [i, p] of raw.points.entries()) {
    if (!isObj(p) || !isInt(p.index, 0, (st.points as number) - 1) || !Array.isArray(p.variants) || p.variants.length !== V || !p.variants.every((v) => isObj(v) && rec(v.recommended) && table(v.values)))
      return bad(`/raw/points/${i}`, `a point index below ${st.points} with ${V} variant records (recommendation, ${S} × ${C} finite values)`, p);
  }
  if (raw.base !== undefined && (!Array.isArray(raw.base) || raw.base.length !== V || !raw.base.every((b) => isObj(b) && rec(b.recommended) && isInt(b.seedsWon, 0, (st.baseSeeds as unknown[]).length) && table(b.values))))
    return bad('/raw/base', `${V} base records (recommendation, seeds won, ${S} × ${C} finite values)`, raw.base);
  return [];
}

/** A well-shaped shard against itself: its slice of points, the base in shard 1, its two digests. */
function ownIssues(s: SensitivityShard, file: string): Issue[] {
  const { index, count } = s.shard;
  if (index > count) return [sensitivityMsg.badShard(file, '/shard/index', `a shard number in [1, ${count}] (/shard/count)`, index)];
  const slice = Array.from({ length: s.frame.settings.points }, (_, p) => p).filter((p) => p % count === index - 1);
  const held = s.raw.points.map((p) => p.index);
  const k = held.findIndex((p, n) => p !== slice[n]);
  if (held.length !== slice.length || k >= 0)
    return [sensitivityMsg.badShard(file, `/raw/points${k >= 0 ? `/${k}/index` : ''}`, `the ${slice.length} points of shard ${index} of ${count} (every ${count}th from ${index - 1}), in order`, k >= 0 ? held[k] : `${held.length} points`)];
  if ((index === 1) !== (s.raw.base !== undefined)) return [sensitivityMsg.badShard(file, '/raw/base', index === 1 ? 'the base run (shard 1 holds it)' : 'no base run (only shard 1 holds it)', s.raw.base === undefined ? 'none' : 'a base run')];
  const plan = framePlanDigest(s.frame, count);
  if (plan !== s.shard.planDigest) return [sensitivityMsg.tampered(file, '/shard/planDigest', 'frame (scenario, flags, parameters) and shard count', s.shard.planDigest, plan)];
  const digest = shardContentDigest(plan, index, s.raw);
  if (digest !== s.shard.digest) return [sensitivityMsg.tampered(file, '/shard/digest', 'records', s.shard.digest, digest)];
  return [];
}
