import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, msg } from '../../src/errors/index.js';
import type { Results, ShardInfo } from '../../src/run/index.js';
import { planDigest, shardDigest } from '../../src/run/shard-digest.js';
import { VERSION } from '../../src/version.js';
import { edit } from '../run/helpers.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'wabasim-merge-cli-'));
const SCENARIO = 'scenarios/first-campaign.json';
type Shard = Results & { shard: ShardInfo };

const shardFile = (i: number): string => join(dir, `results.shard-${i}-of-2.json`);
for (const i of [1, 2]) assert.is(cli('run', SCENARIO, '--seeds', '2', '--shard', `${i}/2`, '--out', dir).status, 0);
const read = (i: number): Shard => JSON.parse(readFileSync(shardFile(i), 'utf8')) as Shard;
const write = (name: string, data: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(data));
  return file;
};
const forge = (s: Shard): Shard => {
  const plan = planDigest(s, s.shard.planSize, s.shard.count);
  return { ...s, shard: { ...s.shard, planDigest: plan, digest: shardDigest(plan, s.shard.index, s.shard.runIndices, s.runs) } };
};
/** Asserts a refusal: exit 2, every expected line, no stack trace, no output file. */
function refused(r: ReturnType<typeof cli>, out: string, ...lines: string[]): void {
  assert.is(r.status, 2, r.stderr);
  for (const line of lines) assert.match(r.stderr, line);
  assert.not.match(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  assert.not.ok(existsSync(out), 'nothing written');
}

test('shards written by run --shard merge (exit 0) and the merged file carries no digest', () => {
  const out = join(dir, 'merged.json');
  const r = cli('merge', shardFile(2), shardFile(1), '--out', out);
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stderr, '');
  assert.not.ok('shard' in (JSON.parse(readFileSync(out, 'utf8')) as Results));
});

test('a tampered value: exit 2 naming the shard file and its digest', () => {
  const s = read(1);
  edit(s, '/runs/0/summary/delivered', (v) => Number(v) + 1);
  const file = write('tampered.json', s);
  const out = join(dir, 'never-1.json');
  const r = cli('merge', file, shardFile(2), '--out', out);
  refused(r, out, formatIssue(msg.shardTampered(file, '/shard/digest', 'runs', s.shard.digest, forge(s).shard.digest)));
});

test('a wrong type and {} in place of a run: exit 2 with the pointers, no crash', () => {
  const s = read(1);
  edit(s, '/runs/0', () => ({}));
  edit(s, '/shard/count', () => 'two');
  const file = write('typed.json', s);
  const out = join(dir, 'never-2.json');
  refused(cli('merge', file, shardFile(2), '--out', out), out, formatIssue(msg.badShard(file, '/runs/0/variant', 'a variant name', undefined)), formatIssue(msg.badShard(file, '/shard/count', 'a shard count in [1, 100000]', 'two')));
});

test('zero runs: exit 2', () => {
  const s = read(2);
  edit(s, '/runs', () => []);
  edit(s, '/shard/runIndices', () => []);
  const file = write('empty.json', forge(s));
  const out = join(dir, 'never-3.json');
  refused(cli('merge', shardFile(1), file, '--out', out), out, formatIssue(msg.badShard(file, '/runs', 'at least one run', 'no runs')));
});

test('shards of different sweeps: exit 2 naming both files', () => {
  const other = join(dir, 'other');
  assert.is(cli('run', SCENARIO, '--seeds', '2', '--seed', '7', '--shard', '2/2', '--out', other).status, 0);
  const file = join(other, 'results.shard-2-of-2.json');
  const out = join(dir, 'never-4.json');
  refused(cli('merge', shardFile(1), file, '--out', out), out, formatIssue(msg.otherSweep(file, '/scenario', `${shardFile(1)} (the same scenario, seeds and strategies)`, 'a different scenario')));
});

test('planSize 1e9: exit 2 within seconds under a 256 MB heap', () => {
  const s = read(1);
  edit(s, '/shard/planSize', () => 1e9);
  const file = write('huge-plan.json', forge(s));
  const out = join(dir, 'never-5.json');
  const started = performance.now();
  const r = cli('merge', file, shardFile(2), '--out', out);
  refused(r, out, formatIssue(msg.badShard(file, '/shard/planSize', 'a plan size in [1, 100000] (the most runs one sweep may have)', 1e9)));
  assert.ok(performance.now() - started < 5000);
});

test('shards of another wabasim version merge with a warning on stderr', () => {
  const [a, b] = [1, 2].map((i) => write(`old-${i}.json`, forge({ ...read(i), wabasim: '0.0.9' })));
  const out = join(dir, 'old-merged.json');
  const r = cli('merge', a, b, '--out', out);
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stderr, `${msg.foreignVersion(`${a}, ${b}`, '0.0.9', VERSION)}\n`);
  assert.ok(existsSync(out));
});

test.run();
