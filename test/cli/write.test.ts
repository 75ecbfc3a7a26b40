import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, writeMsg } from '../../src/errors/index.js';
import { TEMP_PREFIX } from '../../src/run/index.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string; seconds: number } => {
  const started = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, seconds: (performance.now() - started) / 1000 };
};
const fresh = (): string => mkdtempSync(join(tmpdir(), 'wabasim-cli-write-'));

test('run --out pointing at a file exits 2 at once: no sweep (large.json × 8 seeds would take well over 10 s), no progress bar', () => {
  const file = join(fresh(), 'a-file');
  writeFileSync(file, 'keep me');
  const r = cli('run', 'scenarios/large.json', '--seeds', '8', '--out', file);
  assert.is(r.status, 2, r.stderr);
  assert.is(r.stderr, `1 problem found:\n  ${formatIssue(writeMsg.badOutDir('--out', file, 'a file is in its place'))}\n`);
  assert.is(r.stdout, '');
  assert.ok(r.seconds < 2, `${r.seconds.toFixed(2)} s (node starts in about 0.6 s)`);
});

test('run --out under /proc exits 2 at once and does not hang', () => {
  const r = cli('run', 'scenarios/first-campaign.json', '--out', '/proc/x');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, 'under /proc, a kernel file system');
  assert.not.match(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
});

test('report --out pointing at a directory exits 2 before rendering; the previous report is unchanged', () => {
  const dir = fresh();
  assert.is(cli('run', 'scenarios/first-campaign.json', '--seeds', '1', '--out', dir).status, 0);
  const before = readFileSync(join(dir, 'report.html'), 'utf8');
  const r = cli('report', join(dir, 'results.json'), '--out', dir);
  assert.is(r.status, 2, r.stderr);
  assert.is(r.stderr, `1 problem found:\n  ${formatIssue(writeMsg.badOutFile('--out', dir, 'a directory (name a file to write)'))}\n`);
  assert.ok(readFileSync(join(dir, 'report.html'), 'utf8') === before);
  assert.equal(readdirSync(dir).sort(), ['report.html', 'results.json']);
});

test('temporary files a killed run left are removed by the next run in that directory; a run leaves none of its own', () => {
  const dir = fresh();
  const stale = `${TEMP_PREFIX}99999999-0123abcd-results.json`;
  writeFileSync(join(dir, stale), 'x'.repeat(1 << 20));
  const r = cli('run', 'scenarios/first-campaign.json', '--seeds', '1', '--out', dir);
  assert.is(r.status, 0, r.stderr);
  assert.equal(readdirSync(dir).sort(), ['report.html', 'results.json']);
});

test('run --shard writes its one shard file and nothing else', () => {
  const dir = fresh();
  const r = cli('run', 'scenarios/first-campaign.json', '--seeds', '2', '--shard', '2/2', '--out', dir);
  assert.is(r.status, 0, r.stderr);
  assert.equal(readdirSync(dir), ['results.shard-2-of-2.json']);
});

/** Starts a long run into a new directory, sends `signal` once the `--out` check has created it (before the write phase). */
async function interruptBeforeWrite(signal: 'SIGINT' | 'SIGTERM'): Promise<{ code: number | null; stderr: string; base: string }> {
  const base = fresh();
  const out = join(base, 'new', 'out');
  const child = spawn(process.execPath, [BIN, 'run', 'scenarios/first-campaign.json', '--seeds', '60', '--out', out], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const started = Date.now();
  while (!existsSync(out) && Date.now() - started < 20_000) await new Promise((r) => setTimeout(r, 20));
  child.kill(signal);
  const code = await exited;
  return { code, stderr, base };
}

test('SIGINT before the write phase: exit 130, "nothing was written", and the directory the check created is gone', async () => {
  const r = await interruptBeforeWrite('SIGINT');
  assert.is(r.code, 130, r.stderr);
  assert.is(r.stderr, `\nwabasim: ${writeMsg.interrupted('SIGINT', { kind: 'nothing' })}\n`);
  assert.equal(readdirSync(r.base), []);
});

test('SIGTERM before the write phase: exit 143, "nothing was written"', async () => {
  const r = await interruptBeforeWrite('SIGTERM');
  assert.is(r.code, 143, r.stderr);
  assert.match(r.stderr, writeMsg.interrupted('SIGTERM', { kind: 'nothing' }));
  assert.equal(readdirSync(r.base), []);
});

test('a signal during the write phase waits for it, then says what it did: both files written, or the previous ones unchanged', () => {
  const script = join(process.cwd(), 'dist', 'test', 'cli', 'signal-during-write.js');
  const written = spawnSync(process.execPath, [script, 'written'], { encoding: 'utf8', timeout: 10_000 });
  assert.is(written.status, 130, written.stderr);
  assert.is(written.stderr, `\nwabasim: ${writeMsg.interrupted('SIGINT', { kind: 'written', files: ['results.json', 'report.html'] })}\n`);
  assert.match(written.stderr, 'both files were written');
  const failed = spawnSync(process.execPath, [script, 'fails'], { encoding: 'utf8', timeout: 10_000 });
  assert.is(failed.status, 130, failed.stderr);
  assert.match(failed.stderr, 'nothing was written; the previous files are unchanged');
});

test.run();
