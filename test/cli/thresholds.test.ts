/**
 * `thresholds` on the command line (issue 19 item 4): run exits 1 and prints the failed ones, 0
 * when all pass; --junit writes a report that parses; validate and run refuse a bad expression or
 * a scope the scenario does not run (exit 2, with the pointer); a shard does not judge them; report
 * judges merged results.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, thresholdMsg } from '../../src/errors/index.js';
import { parseJunit } from '../format/parse-junit.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const GATES = 'test/fixtures/thresholds/gates.json';
const dir = mkdtempSync(join(tmpdir(), 'wabasim-thresholds-'));

/** gates.json with other thresholds, written to the temporary folder. */
function withThresholds(name: string, thresholds: unknown): string {
  const data = JSON.parse(readFileSync(GATES, 'utf8')) as Record<string, unknown>;
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ ...data, thresholds }));
  return file;
}

const FAILED_ROW = /uniqueUsersReached\{variant:"cold, blocked",strategy:blast\}\s+cold, blocked\s+blast\s+p\(50\)>=30000\s+p\(50\) = [\d,.]+ over 3 runs/;

test('run: a failed threshold exits 1, prints which failed and the summary; --junit holds a <failure>', () => {
  const out = join(dir, 'failing');
  const junit = join(dir, 'junit', 'failing.xml');
  const r = cli('run', GATES, '--out', out, '--workers', '0', '--junit', junit);
  assert.is(r.status, 1, r.stderr);
  assert.match(r.stdout, /failed threshold\s+variant\s+strategy\s+condition\s+observed/);
  assert.match(r.stdout, FAILED_ROW);
  assert.match(r.stdout, /\nthresholds: FAILED, 1 of 8 checks failed\n$/);
  assert.ok(existsSync(join(out, 'results.json')) && existsSync(join(out, 'report.html')), 'results and report are written before the verdict');
  assert.match(readFileSync(join(out, 'report.html'), 'utf8'), '<section id="thresholds"><h2>Thresholds</h2>');
  const doc = parseJunit(readFileSync(junit, 'utf8'));
  assert.equal([doc.testsuites['@_tests'], doc.testsuites['@_failures']], ['8', '1']);
  const failed = (doc.testsuites.testsuite ?? []).flatMap((s) => s.testcase ?? []).filter((c) => c.failure);
  assert.equal(failed.map((c) => [c['@_classname'], c['@_name']]), [['gates: cold, blocked × blast', 'uniqueUsersReached{variant:"cold, blocked",strategy:blast}: p(50)>=30000']]);
  assert.match(failed[0].failure?.['@_message'] ?? '', /^p\(50\)>=30000 failed: p\(50\) = [\d,.]+ over 3 runs$/);
});

test('run --json: the threshold outcomes are in the JSON, and the exit code is 1', () => {
  const r = cli('run', GATES, '--out', join(dir, 'json'), '--workers', '0', '--json');
  assert.is(r.status, 1, r.stderr);
  const printed = JSON.parse(r.stdout) as { thresholds: { passed: boolean; checks: { key: string; variant: string; strategy: string; condition: string; passed: boolean; observed: number }[] } };
  assert.is(printed.thresholds.passed, false);
  assert.is(printed.thresholds.checks.length, 8);
  assert.equal(printed.thresholds.checks.filter((c) => !c.passed).map((c) => [c.variant, c.strategy, c.condition]), [['cold, blocked', 'blast', 'p(50)>=30000']]);
});

test('run: thresholds that all pass exit 0 with a one-line summary', () => {
  const file = withThresholds('passing.json', { delivered: ['mean>0'], 'restricted{strategy:tier-aware}': ['rate==0'], 'uniqueUsersReached{strategy:blast}': ['max<=600', 'p(50)>0'] });
  const r = cli('run', file, '--out', join(dir, 'passing'), '--workers', '0');
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /\nthresholds: ok, all 10 checks passed\n$/);
  assert.not.match(r.stdout, 'failed threshold');
});

test('validate and run: a bad expression is exit 2 with the file and pointer; run writes nothing', () => {
  const file = withThresholds('bad-expression.json', { delivered: ['mean>0', 'avg>0'] });
  const issue = formatIssue(thresholdMsg.badCondition(file, '/thresholds/delivered/1', 'avg>0', 'unknown aggregation "avg" (write mean (k6\'s avg))'));
  const v = cli('validate', file);
  assert.is(v.status, 2);
  assert.match(v.stderr, issue);
  const out = join(dir, 'bad-expression');
  const r = cli('run', file, '--out', out, '--workers', '0');
  assert.is(r.status, 2);
  assert.match(r.stderr, issue);
  assert.not.ok(existsSync(out), 'nothing written, not even the folder');
});

test('validate and run: a scope naming a strategy the scenario does not run is exit 2 naming those it runs', () => {
  const file = withThresholds('unknown-strategy.json', { 'restricted{strategy:warmup}': ['rate==0'] });
  const issue = formatIssue(thresholdMsg.unknownScope(file, '/thresholds/restricted{strategy:warmup}', 'strategy', ['blast', 'tier-aware'], 'warmup'));
  const v = cli('validate', file);
  assert.is(v.status, 2);
  assert.match(v.stderr, issue);
  const junit = join(dir, 'unknown', 'junit.xml');
  const r = cli('run', file, '--out', join(dir, 'unknown-strategy'), '--junit', junit);
  assert.is(r.status, 2);
  assert.match(r.stderr, issue);
  assert.not.ok(existsSync(join(dir, 'unknown')), 'the --junit folder is not left behind');
});

test('--shard: thresholds are not judged (a note says where they are); --junit with --shard is exit 2', () => {
  const out = join(dir, 'shards');
  const first = cli('run', GATES, '--out', out, '--workers', '0', '--shard', '1/2');
  assert.is(first.status, 0, first.stderr);
  assert.match(first.stderr, thresholdMsg.shardNotEvaluated());
  assert.not.match(first.stdout, 'thresholds:');
  assert.is(cli('run', GATES, '--out', out, '--workers', '0', '--shard', '2/2').status, 0);
  const refused = cli('run', GATES, '--out', out, '--shard', '1/2', '--junit', join(dir, 'x.xml'));
  assert.is(refused.status, 2);
  assert.match(refused.stderr, formatIssue(thresholdMsg.junitWithShard(join(dir, 'x.xml'))));
  // merged, the report judges them as run would have
  assert.is(cli('merge', join(out, 'results.shard-1-of-2.json'), join(out, 'results.shard-2-of-2.json'), '--out', join(out, 'results.json')).status, 0);
  const junit = join(out, 'junit.xml');
  const report = cli('report', join(out, 'results.json'), '--junit', junit);
  assert.is(report.status, 1, report.stderr);
  assert.match(report.stdout, FAILED_ROW);
  assert.match(report.stdout, 'thresholds: FAILED, 1 of 8 checks failed');
  assert.is(parseJunit(readFileSync(junit, 'utf8')).testsuites['@_failures'], '1');
});

test('run --strategy: a threshold scoped to a strategy left out is skipped and says so', () => {
  const r = cli('run', GATES, '--out', join(dir, 'override'), '--workers', '0', '--seeds', '1', '--strategy', 'tier-aware');
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /skipped {2}uniqueUsersReached\{variant:"cold, blocked",strategy:blast\}: p\(50\)>=30000 — no variant × strategy of this sweep matches/);
  assert.match(r.stdout, 'thresholds: ok, all 4 checks passed, 1 threshold skipped');
});

test.run();
