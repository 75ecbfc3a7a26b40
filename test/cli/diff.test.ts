import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, msg } from '../../src/errors/index.js';
import type { DiffRow, ResultsDiff } from '../../src/diff/index.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const out = mkdtempSync(join(tmpdir(), 'wabasim-diff-'));
const LOW = 'test/fixtures/diff/low-blocks.json';
const HIGH = 'test/fixtures/diff/high-blocks.json';
const low = join(out, 'low', 'results.json');
const high = join(out, 'high', 'results.json');
const highOtherSeeds = join(out, 'high-other', 'results.json');

const diffJson = (a: string, b: string, ...flags: string[]): ResultsDiff => {
  const r = cli('diff', a, b, '--json', ...flags);
  assert.is(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as ResultsDiff;
};
const row = (d: ResultsDiff, variant: string, metric: string): DiffRow => d.rows.find((r) => r.variant === variant && r.metric === metric) as DiffRow;

test('setup: the tiny scenario at a 1% and a 20% block probability, and the 20% one on other seeds', () => {
  for (const [file, dir, extra] of [[LOW, 'low', []], [HIGH, 'high', []], [HIGH, 'high-other', ['--seed', '50']]] as const) {
    const r = cli('run', file, '--out', join(out, dir), ...extra);
    assert.is(r.status, 0, r.stderr);
  }
});

test('a results file against itself: every difference 0, nothing significant, exit 0', () => {
  const d = diffJson(low, low, '--all');
  assert.ok(d.rows.length > 20);
  assert.ok(d.rows.every((r) => r.difference === 0 && !r.significant && r.ci95[0] === 0 && r.ci95[1] === 0));
  assert.ok(d.rows.filter((r) => !r.metric.startsWith('daysToTier.')).every((r) => r.method === 'paired' && r.n === 4));
  assert.equal([d.onlyInA, d.onlyInB], [[], []]);
  const text = cli('diff', low, low);
  assert.is(text.status, 0);
  assert.match(text.stdout, /^0 of \d+ differences significant at 95%/m);
});

test('a higher block probability on the same seeds: blocks up, significant, paired', () => {
  const d = diffJson(low, high);
  const blocks = row(d, 'base', 'blocks');
  assert.is(blocks.method, 'paired');
  assert.is(blocks.n, 4);
  assert.ok(blocks.difference > 0 && blocks.ci95[0] > 0 && blocks.significant, JSON.stringify(blocks));
  assert.is(blocks.difference, blocks.b - blocks.a);
  // the variant that fixes its own block probability does not move
  assert.is(row(d, 'clean list (0.5%, opted in)', 'blocks').difference, 0);
  assert.equal(d.onlyInB, [{ variant: 'only here', strategy: 'blast' }]);
  // and the other way round the sign flips
  const back = row(diffJson(high, low), 'base', 'blocks');
  assert.ok(back.ci95[1] < 0 && back.significant);
  assert.equal(diffJson(high, low).onlyInA, [{ variant: 'only here', strategy: 'blast' }]);
});

test('runs of other seeds are compared with Welch: blocks still significantly up', () => {
  const d = diffJson(low, highOtherSeeds);
  const blocks = row(d, 'base', 'blocks');
  assert.is(blocks.method, 'welch');
  assert.equal(blocks.n, [4, 4]);
  assert.ok(blocks.ci95[0] > 0 && blocks.significant, JSON.stringify(blocks));
  assert.ok(d.rows.every((r) => r.method === 'welch'));
});

test('the table puts significant rows first, marked *, and ends with the summary line', () => {
  const r = cli('diff', low, high);
  assert.is(r.status, 0, r.stderr);
  const lines = r.stdout.trimEnd().split('\n');
  assert.match(lines[1], /^\*\s+base\s+blast\s+blocks\s/);
  assert.ok(lines.includes('only in B: only here × blast'));
  assert.match(lines[lines.length - 1], /^1 of 26 differences significant at 95%/);
});

test('a missing or non-results file exits 2 with the usual message', () => {
  const missing = join(out, 'missing.json');
  let r = cli('diff', low, missing);
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(msg.notReadable(missing, 'no such file')));
  const scenario = join(out, 'scenario.json');
  writeFileSync(scenario, '{}');
  r = cli('diff', scenario, low);
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(msg.notResults(scenario, '/wabasim', 'the wabasim version that wrote the file', undefined)));
  assert.is(r.stdout, '');
});

test.run();
