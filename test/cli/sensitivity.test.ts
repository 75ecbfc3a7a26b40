/**
 * `wabasim sensitivity` on the command line: the files it writes beside `run`'s, the report section
 * in `run` and `report`, shards joined by `merge`, and bad input (exit 2, file/pointer/expected/found).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, msg, sensitivityMsg } from '../../src/errors/index.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const FILE = 'test/fixtures/sensitivity/tiny.json';
const FLAGS = ['--draws', '20', '--only', 'limits.scalingPathReviewHours', 'quality.halfLifeHours', '--workers', '0'];
const dir = mkdtempSync(join(tmpdir(), 'wabasim-sensitivity-cli-'));
const read = (file: string): string => readFileSync(file, 'utf8');

test('beside run\'s results it writes sensitivity.json and report.html with the section, and prints runs, time and the robustness line', () => {
  assert.is(cli('run', FILE, '--out', dir).status, 0);
  const before = read(join(dir, 'report.html'));
  assert.not.match(before, 'id="sensitivity"');
  const r = cli('sensitivity', FILE, '--out', dir, ...FLAGS);
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, /base: tier-aware stays best in/);
  assert.match(r.stdout, /\n\d+ runs in \d+\.\d s\n/);
  assert.match(r.stdout, `sensitivity: ${join(dir, 'sensitivity.json')}`);
  assert.match(r.stdout, `report: ${join(dir, 'report.html')}`);
  assert.match(read(join(dir, 'report.html')), '<section id="sensitivity">');
  assert.is((JSON.parse(read(join(dir, 'sensitivity.json'))) as { kind: string }).kind, 'sensitivity');
});

test('report and run include the section when sensitivity.json matches, and leave it out with one warning line when it does not', () => {
  const results = join(dir, 'results.json');
  const r = cli('report', results);
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stderr, '');
  assert.match(read(join(dir, 'report.html')), '<section id="sensitivity">');
  const other = join(dir, 'other');
  assert.is(cli('run', FILE, '--out', other, '--seeds', '2').status, 0);
  writeFileSync(join(other, 'sensitivity.json'), read(join(dir, 'sensitivity.json')));
  const again = cli('run', FILE, '--out', other, '--seeds', '2');
  assert.is(again.status, 0, again.stderr);
  assert.is(again.stderr, `${sensitivityMsg.otherScenario(join(other, 'sensitivity.json'), join(other, 'results.json'))}\n`);
  assert.not.match(read(join(other, 'report.html')), 'id="sensitivity"');
});

test('shards joined by merge give the bytes of the whole analysis; a tampered shard and mixed kinds are refused with exit 2', () => {
  const shards = join(dir, 'shards');
  for (const i of [1, 2]) assert.is(cli('sensitivity', FILE, '--out', shards, ...FLAGS, '--shard', `${i}/2`).status, 0);
  const s1 = join(shards, 'sensitivity.shard-1-of-2.json');
  const s2 = join(shards, 'sensitivity.shard-2-of-2.json');
  const merged = join(shards, 'sensitivity.json');
  const m = cli('merge', s2, s1, '--out', merged);
  assert.is(m.status, 0, m.stderr);
  assert.is(read(merged), read(join(dir, 'sensitivity.json')));
  const data = JSON.parse(read(s2)) as { raw: { points: { variants: { recommended: string | null }[] }[] } };
  data.raw.points[0].variants[0].recommended = 'warmup';
  const tampered = join(shards, 'tampered.json');
  writeFileSync(tampered, JSON.stringify(data));
  const t = cli('merge', s1, tampered, '--out', join(shards, 'never.json'));
  assert.is(t.status, 2);
  assert.match(t.stderr, `${tampered}: /shard/digest: expected the digest of the shard's records`);
  assert.not.ok(existsSync(join(shards, 'never.json')));
  assert.is(cli('run', FILE, '--out', shards, '--seeds', '2', '--shard', '1/2').status, 0);
  const mixed = cli('merge', s1, join(shards, 'results.shard-1-of-2.json'), '--out', join(shards, 'never.json'));
  assert.is(mixed.status, 2);
  assert.match(mixed.stderr, formatIssue(sensitivityMsg.mixedShards(join(shards, 'results.shard-1-of-2.json'), s1)));
});

test('bad flags and parameters: exit 2 listing each with what was expected and found, nothing written', () => {
  const out = join(dir, 'bad');
  const r = cli('sensitivity', FILE, '--out', out, '--draws', '5', '--seeds-per-draw', '0');
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(msg.badFlag('--draws', 'an integer in [10, 20000]', '5')));
  assert.match(r.stderr, formatIssue(msg.badFlag('--seeds-per-draw', 'an integer in [1, 100]', '0')));
  const only = cli('sensitivity', FILE, '--out', out, '--only', 'quality.redTreshold');
  assert.is(only.status, 2);
  assert.match(only.stderr, '--only: expected a parameter path or group with a plausible range');
  assert.match(only.stderr, 'did you mean "quality.redThreshold"?');
  assert.not.match(only.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  assert.not.ok(existsSync(join(out, 'sensitivity.json')));
  assert.is(cli('validate', FILE).status, 0);
});

test.run();
