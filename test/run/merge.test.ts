import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { msg, UserInputError, type Issue } from '../../src/errors/index.js';
import { mergeShards, runScenario, type Results, type ShardInfo } from '../../src/run/index.js';
import { canonicalJson, planDigest, shardDigest } from '../../src/run/shard-digest.js';
import { edit } from './helpers.js';

const SCENARIO = 'scenarios/first-campaign.json';
const dir = mkdtempSync(join(tmpdir(), 'wabasim-merge-'));
type Shard = Results & { shard: ShardInfo };

const shards = await Promise.all([1, 2].map(async (index) => (await runScenario(SCENARIO, { seeds: 3, shard: { index, count: 2 } })) as Shard));
let n = 0;
/** Writes `data` as a shard file; returns its path. */
const write = (data: unknown): string => {
  const file = join(dir, `s${++n}.json`);
  writeFileSync(file, JSON.stringify(data, null, 1));
  return file;
};
/** A deep copy of shard `index` (1 or 2) to edit. */
const copy = (index: number): Shard => JSON.parse(JSON.stringify(shards[index - 1])) as Shard;
/** Recomputes both digests, as a careful forger would. */
const forge = (s: Shard): Shard => {
  const plan = planDigest(s, s.shard.planSize, s.shard.count);
  return { ...s, shard: { ...s.shard, planDigest: plan, digest: shardDigest(plan, s.shard.index, s.shard.runIndices, s.runs) } };
};
const issuesOf = (files: string[]): readonly Issue[] => {
  try {
    mergeShards(files);
  } catch (err) {
    if (err instanceof UserInputError) return err.issues;
    throw err;
  }
  assert.unreachable('merge accepted the shards');
  return [];
};
const where = (issues: readonly Issue[]): string[][] => issues.map((i) => [i.file, i.pointer]);
const good = (index: number): string => write(shards[index - 1]);

test('a shard carries the same planDigest as its sibling and a digest that survives the file round trip', () => {
  const [a, b] = shards;
  assert.is(a.shard.planDigest, b.shard.planDigest);
  assert.match(a.shard.digest, /^[0-9a-f]{64}$/);
  const back = JSON.parse(JSON.stringify(a)) as Shard;
  assert.is(shardDigest(back.shard.planDigest, 1, back.shard.runIndices, back.runs), a.shard.digest);
  assert.is(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}');
});

test('merge drops the shard record: the merged file has no digest', () => {
  const merged = mergeShards([good(2), good(1)]);
  assert.equal(Object.keys(merged), ['wabasim', 'scenario', 'variants', 'runs', 'aggregates']);
});

test('a tampered value is refused, naming the shard and its digest', () => {
  const s = copy(1);
  edit(s, '/runs/0/summary/delivered', (v) => Number(v) + 1);
  const file = write(s);
  const issues = issuesOf([file, good(2)]);
  assert.equal(issues, [msg.shardTampered(file, '/shard/digest', 'runs', s.shard.digest, forge(s).shard.digest)]);
});

test('a tampered scenario echo is refused by the plan digest', () => {
  const s = copy(2);
  edit(s, '/scenario/seeds', () => 1000);
  const file = write(s);
  assert.equal(where(issuesOf([good(1), file])), [[file, '/shard/planDigest']]);
});

test('a field of the wrong type names its pointer, expected and found', () => {
  const s = copy(1);
  edit(s, '/runs/0/seed', () => '1');
  edit(s, '/runs/1/series/delivered', () => ['x']);
  const file = write(s);
  assert.equal(issuesOf([file, good(2)]), [
    msg.badShard(file, '/runs/0/seed', 'an integer seed ≥ 0', '1'),
    msg.badShard(file, '/runs/1/series/delivered/0', 'a number', 'x'),
  ]);
});

test('a shard with zero runs is refused', () => {
  const s = copy(2);
  edit(s, '/runs', () => []);
  edit(s, '/shard/runIndices', () => []);
  const file = write(forge(s));
  assert.equal(issuesOf([good(1), file]), [msg.badShard(file, '/runs', 'at least one run', 'no runs')]);
});

test('{} in place of a run names each missing field, with no crash', () => {
  const s = copy(1);
  edit(s, '/runs/1', () => ({}));
  const file = write(s);
  assert.equal(where(issuesOf([file])), ['variant', 'strategy', 'seed', 'summary', 'series', 'events'].map((k) => [file, `/runs/1/${k}`]));
});

test('a document that is not an object, or a whole-sweep results file, is not a shard', () => {
  const list = write([1, 2]);
  assert.equal(where(issuesOf([list])), [[list, '']]);
  const { shard: _shard, ...whole } = copy(1);
  const plain = write(whole);
  assert.equal(issuesOf([plain]), [msg.badShard(plain, '/shard', 'the shard record', undefined)]);
});

test('shards of different sweeps are refused: another seed, another seed count, another version', async () => {
  const reseeded = write(await runScenario(SCENARIO, { seeds: 3, seed: 99, shard: { index: 2, count: 2 } }));
  const first = good(1);
  assert.equal(where(issuesOf([first, reseeded])), [[reseeded, '/scenario']]);
  const bigger = write(await runScenario(SCENARIO, { seeds: 5, shard: { index: 2, count: 2 } }));
  assert.equal(where(issuesOf([first, bigger])), [[bigger, '/shard/planSize']]);
  const other = write(forge({ ...copy(2), wabasim: '0.0.9' }));
  assert.equal(where(issuesOf([first, other])), [[other, '/wabasim']]);
  const thirds = write(forge({ ...copy(2), shard: { ...copy(2).shard, count: 3 } }));
  assert.equal(where(issuesOf([first, thirds])), [[thirds, '/shard/count']]);
});

test('a planSize of 1e9 is refused at once, before anything the size of the plan is allocated', () => {
  const s = copy(1);
  edit(s, '/shard/planSize', () => 1e9);
  const file = write(forge(s));
  const started = performance.now();
  assert.equal(where(issuesOf([file, good(2)])), [[file, '/shard/planSize']]);
  assert.ok(performance.now() - started < 2000);
});

test('a planSize that does not match the runs the shards hold is refused', () => {
  const s = copy(1);
  edit(s, '/shard/planSize', (v) => Number(v) + 2);
  const file = write(forge(s));
  assert.equal(where(issuesOf([file])), [[file, '/shard/runIndices']]);
});

test('an index beyond the count, or run indices out of the shard slice, are refused', () => {
  const beyond = copy(2);
  edit(beyond, '/shard/index', () => 3);
  const a = write(forge(beyond));
  assert.equal(issuesOf([a]), [msg.badShard(a, '/shard/index', 'a shard number in [1, 2] (/shard/count)', 3)]);
  const swapped = copy(1);
  edit(swapped, '/shard/runIndices', (v) => [...(v as number[])].reverse());
  const b = write(swapped);
  assert.equal(where(issuesOf([b])), [[b, '/shard/runIndices/0']]);
});

test('an unknown key in the shard record is refused', () => {
  const s = copy(1);
  edit(s, '/shard/extra', () => 1);
  const file = write(s);
  assert.equal(issuesOf([file]), [msg.unknownKey(file, '/shard', 'extra', ['index', 'count', 'planSize', 'runIndices', 'planDigest', 'digest'])]);
});

test('a missing shard names the runs it would hold; a repeated one names both files', () => {
  const one = good(1);
  const size = shards[0].shard.planSize;
  const odd = Array.from({ length: size }, (_, i) => i).filter((i) => i % 2 === 1);
  assert.equal(issuesOf([one]), [msg.missingShards(size, 2, [2], odd)]);
  const again = good(1);
  assert.equal(issuesOf([one, again, good(2)]), [msg.duplicateShard(again, one, 1, 2)]);
});

test('problems in several files are reported together', () => {
  const a = copy(1);
  edit(a, '/runs/0/events', () => -1);
  const b = copy(2);
  edit(b, '/runs/0/summary/delivered', () => 'many');
  const fa = write(a);
  const fb = write(b);
  assert.equal(where(issuesOf([fa, fb])), [[fa, '/runs/0/events'], [fb, '/runs/0/summary/delivered']]);
});

test.run();
