import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { baselineMsg, formatIssue, msg } from '../../src/errors/index.js';
import { parseJunit } from '../format/parse-junit.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const dir = mkdtempSync(join(tmpdir(), 'wabasim-baselines-'));
const SCENARIO = 'scenarios/first-campaign.json';

test('check without a recorded baseline exits 2 and says how to record it, with the --dir given', () => {
  const r = cli('baseline', 'check', SCENARIO, '--dir', dir);
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(msg.missingBaseline(join(dir, 'first-campaign.json'), SCENARIO, dir)));
  assert.match(r.stderr, `record it with: wabasim baseline record ${SCENARIO} --dir ${dir})`);
});

test('record, then check passes (exit 0)', () => {
  const rec = cli('baseline', 'record', SCENARIO, '--dir', dir);
  assert.is(rec.status, 0, rec.stderr);
  const baseline = JSON.parse(readFileSync(join(dir, 'first-campaign.json'), 'utf8')) as { scenario: string; tolerance: unknown };
  assert.is(baseline.scenario, SCENARIO);
  assert.equal(baseline.tolerance, { default: { relative: 1e-9, absolute: 0 }, metrics: {} });
  const r = cli('baseline', 'check', SCENARIO, '--dir', dir);
  assert.is(r.status, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /^ok {2}scenarios\/first-campaign\.json matches/);
});

test('a drifted metric prints a diff table and exits 1; --json lists the rows', () => {
  const file = join(dir, 'first-campaign.json');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(/"delivered": \{"mean":([\d.]+)/, (_, v: string) => `"delivered": {"mean":${Number(v) + 10}`));
  const r = cli('baseline', 'check', SCENARIO, '--dir', dir);
  assert.is(r.status, 1);
  assert.match(r.stdout, /metric\s+variant\s+strategy\s+baseline\s+now\s+delta/);
  assert.match(r.stdout, /delivered \(mean\)\s+base\s+blast\s+[\d,.]+\s+[\d,.]+\s+-10/);
  const j = cli('baseline', 'check', SCENARIO, '--dir', dir, '--json');
  assert.is(j.status, 1);
  const outcome = JSON.parse(j.stdout) as { drift: { metric: string; delta: number }[] }[];
  assert.equal(outcome[0].drift.map((d) => [d.metric, d.delta]), [['delivered', -10]]);
});

test('check --junit: a test case per metric, the drifted one failed; the re-record hint keeps --dir', () => {
  const junit = join(dir, 'reports', 'baseline.xml');
  const r = cli('baseline', 'check', SCENARIO, '--dir', dir, '--junit', junit);
  assert.is(r.status, 1);
  assert.match(r.stdout, baselineMsg.drifted(1, 1, `wabasim baseline record ${SCENARIO} --dir ${dir}`));
  const doc = parseJunit(readFileSync(junit, 'utf8'));
  const [suite] = doc.testsuites.testsuite ?? [];
  assert.is(suite['@_name'], SCENARIO);
  assert.is(doc.testsuites['@_failures'], '1');
  const cases = suite.testcase ?? [];
  assert.ok(cases.length > 40, 'every metric compared is a test case');
  assert.equal(cases.filter((c) => c.failure).map((c) => [c['@_classname'], c['@_name']]), [[`${SCENARIO}: base × blast`, 'delivered']]);
  assert.match(cases[0].failure?.['@_message'] ?? '', /^mean: baseline [\d.]+, now [\d.]+ \(-10\)$/);
  const refused = cli('baseline', 'record', SCENARIO, '--dir', dir, '--junit', junit);
  assert.is(refused.status, 2);
  assert.match(refused.stderr, formatIssue(baselineMsg.junitWithRecord(junit)));
});

test('the re-record hint quotes a --dir with a space, and leaves out the default one', () => {
  assert.is(baselineMsg.recordCommand([SCENARIO], join(dir, 'my baselines')), `wabasim baseline record ${SCENARIO} --dir '${join(dir, 'my baselines')}'`);
  assert.is(baselineMsg.recordCommand([SCENARIO, 'b.json'], undefined), `wabasim baseline record ${SCENARIO} b.json`);
});

test('two scenarios with one baseline file name: exit 2 naming both, before anything runs or is written', () => {
  const other = join(dir, 'elsewhere');
  mkdirSync(other, { recursive: true });
  const copy = join(other, 'first-campaign.json');
  writeFileSync(copy, readFileSync(SCENARIO));
  const empty = join(dir, 'empty');
  const started = performance.now();
  const r = cli('baseline', 'record', SCENARIO, copy, '--dir', empty);
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(msg.sameBaseline(copy, SCENARIO, join(empty, 'first-campaign.json'))));
  assert.not.ok(existsSync(empty), 'nothing written');
  assert.ok(performance.now() - started < 5000);
  assert.is(cli('baseline', 'check', SCENARIO, copy, '--dir', dir).status, 2);
});

test.run();
