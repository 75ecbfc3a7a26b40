import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, msg } from '../../src/errors/index.js';
import { VERSION } from '../../src/version.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const out = mkdtempSync(join(tmpdir(), 'wabasim-report-'));

test('run writes report.html beside results.json and prints its path last', () => {
  const r = cli('run', 'scenarios/first-campaign.json', '--seeds', '1', '--out', out);
  assert.is(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.is(lines[lines.length - 1], `report: ${join(out, 'report.html')}`);
  assert.match(readFileSync(join(out, 'report.html'), 'utf8'), /^<!doctype html>/);
});

test('report re-renders the same bytes from saved results, by default beside them', () => {
  const before = readFileSync(join(out, 'report.html'), 'utf8');
  const again = join(out, 'again.html');
  const r = cli('report', join(out, 'results.json'), '--out', again);
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stdout, `report: ${again}\n`);
  assert.ok(readFileSync(again, 'utf8') === before);
});

test('report: a missing file, a non-JSON file or a scenario file exits 2 and writes nothing', () => {
  const target = join(out, 'never.html');
  const missing = join(out, 'missing.json');
  let r = cli('report', missing, '--out', target);
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(msg.notReadable(missing, 'no such file')));
  const notJson = join(out, 'not.json');
  writeFileSync(notJson, 'results?');
  r = cli('report', notJson, '--out', target);
  assert.is(r.status, 2);
  assert.match(r.stderr, 'expected valid JSON');
  r = cli('report', 'scenarios/first-campaign.json', '--out', target);
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(msg.notResults('scenarios/first-campaign.json', '/wabasim', 'the wabasim version that wrote the file', undefined)));
  assert.not.match(r.stderr, /\bat .*\.js:\d+/);
  assert.not.ok(existsSync(target));
});

test('results of another wabasim version render with a warning; of a broken shape, exit 2', () => {
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { wabasim: string; runs: unknown[] };
  const foreign = join(out, 'foreign.json');
  writeFileSync(foreign, JSON.stringify({ ...results, wabasim: '9.9.9' }));
  const target = join(out, 'foreign.html');
  let r = cli('report', foreign, '--out', target);
  assert.is(r.status, 0, r.stderr);
  assert.is(r.stderr, `${msg.foreignVersion(foreign, '9.9.9', VERSION)}\n`);
  assert.ok(existsSync(target));
  const broken = join(out, 'foreign-broken.json');
  writeFileSync(broken, JSON.stringify({ ...results, wabasim: '9.9.9', runs: [{}] }));
  const never = join(out, 'never-foreign.html');
  r = cli('report', broken, '--out', never);
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(msg.notResults(broken, '/runs/0', 'a run with variant, strategy, seed, summary and series', {})));
  assert.not.ok(existsSync(never));
});

test.run();
