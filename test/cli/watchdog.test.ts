/**
 * The watchdog and signals (issue 18 item 3; README "Strategies", exit codes): a user strategy
 * module's callback, create() or import that does not return stops the run with exit 2 naming the
 * strategy and the callback; SIGINT/SIGTERM end every mode within about a second. Each case runs
 * the real CLI; the hostile modules sit in test/fixtures/watchdog/strategies/ (inside the
 * scenarios' tree).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, watchdogMsg, writeMsg } from '../../src/errors/index.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const LOOP = 'test/fixtures/watchdog/loop-on-wake.json';
const SLOW = 'test/fixtures/watchdog/slow-sender.json';
const out = (): string => mkdtempSync(join(tmpdir(), 'wabasim-watchdog-'));

/** Runs the CLI to its end; returns its status, stderr and wall time (ms). */
function timed(...args: string[]): { status: number | null; stderr: string; stdout: string; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, ms: performance.now() - t0 };
}

/**
 * Starts the CLI, sends `signal` once stderr shows `ready` (or after `afterMs`), and resolves with
 * the exit code, stderr and the time from the signal to the exit (ms).
 */
function interrupted(args: readonly string[], signal: NodeJS.Signals, when: { ready?: string; afterMs?: number }): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; ms: number }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let sentAt = 0;
    const send = (): void => {
      if (sentAt) return;
      sentAt = performance.now();
      child.kill(signal);
    };
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (when.ready && stderr.includes(when.ready)) send();
    });
    if (when.afterMs !== undefined) setTimeout(send, when.afterMs);
    child.on('exit', (code, by) => resolve({ code, signal: by, stderr, ms: performance.now() - sentAt }));
  });
}

test('a user onWake that loops forever: exit 2 naming the strategy and onWake, within the limit + 1 s, with --workers 0 and 2', () => {
  for (const workers of ['0', '2']) {
    const r = timed('run', LOOP, '--out', out(), '--workers', workers, '--callback-timeout', '1');
    assert.is(r.status, 2, r.stderr);
    // with 2 workers, either seed's run may hit the loop first
    const issues = [1, 2].map((seed) => formatIssue(watchdogMsg.callbackTimeout(LOOP, '/strategies/1', 'loop-on-wake', 'onWake', 1, '2026-01-05T10:00:00.000Z', seed)));
    assert.ok(workers === '0' ? r.stderr.includes(issues[0]) : issues.some((i) => r.stderr.includes(i)), r.stderr);
    assert.not.match(r.stderr, /internal error|\bat .*\.js:\d+/);
  }
  // the loop starts after the blast runs and the module's start-up; its own time is what is bounded
  const r = timed('run', LOOP, '--out', out(), '--workers', '2', '--callback-timeout', '1', '--strategy', './test/fixtures/watchdog/strategies/loop-on-wake.mjs', '--seeds', '1');
  assert.is(r.status, 2, r.stderr);
  assert.ok(r.ms < 1000 + 1000 + 1500, `${Math.round(r.ms)} ms`); // limit + 1 s + start-up (node, probe, worker)
});

test('a loop in create() is stopped the same way (exit 2 naming create())', () => {
  const r = timed('run', LOOP, '--out', out(), '--workers', '0', '--callback-timeout', '1', '--strategy', './test/fixtures/watchdog/strategies/loop-in-create.mjs', '--seeds', '1');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, formatIssue(watchdogMsg.callbackTimeout(LOOP, '--strategy/0', 'loop-in-create', 'create()', 1, undefined, undefined)));
});

test('events runs in a watched worker: the same loop is exit 2, and a built-in log is unchanged', () => {
  const r = timed('events', LOOP, '--strategy', './strategies/loop-on-wake.mjs', '--seed', '1', '--callback-timeout', '1');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, formatIssue(watchdogMsg.callbackTimeout(LOOP, '--strategy', './strategies/loop-on-wake.mjs', 'onWake', 1, '2026-01-05T10:00:00.000Z', 1)));
  const log = timed('events', 'scenarios/user-strategy.json', '--strategy', './strategies/polite-sender.mjs', '--seed', '2');
  assert.is(log.status, 0, log.stderr);
  const lines = log.stdout.trim().split('\n');
  assert.ok(lines.length > 1000, `${lines.length} lines`);
  for (const line of lines) JSON.parse(line);
});

test('--callback-timeout takes fractions of a second; a negative one is exit 2 naming the flag', () => {
  const slow = timed('run', SLOW, '--out', out(), '--workers', '0', '--callback-timeout', '0.02', '--seeds', '1');
  assert.is(slow.status, 2, 'each 50 ms wake-up overruns a 20 ms limit');
  assert.match(slow.stderr, 'callback onWake ran longer than 0.02 s');
  const r = timed('run', LOOP, '--out', out(), '--callback-timeout', '-1');
  assert.is(r.status, 2);
  assert.match(r.stderr, '--callback-timeout: expected a number of seconds in [0, 86400] (0 = no limit), found "-1"');
});

test('a user-module run gives a byte-identical results.json with --workers 0 and 2 (watched in both)', () => {
  const [a, b] = [out(), out()];
  assert.is(timed('run', 'scenarios/user-strategy.json', '--out', a, '--workers', '0').status, 0);
  assert.is(timed('run', 'scenarios/user-strategy.json', '--out', b, '--workers', '2').status, 0);
  assert.is(readFileSync(join(a, 'results.json'), 'utf8'), readFileSync(join(b, 'results.json'), 'utf8'));
});

test('SIGINT during a user-strategy run: exit 130 within a second, nothing written', async () => {
  for (const workers of ['0', '2']) {
    const r = await interrupted(['run', SLOW, '--out', out(), '--workers', workers], 'SIGINT', { ready: 'sending' });
    assert.is(r.code, 130, r.stderr);
    assert.match(r.stderr, writeMsg.interrupted('SIGINT', { kind: 'nothing' }));
    assert.ok(r.ms < 1000, `${Math.round(r.ms)} ms`);
  }
});

test('SIGINT while a user callback loops with --callback-timeout 0 (no limit): exit 130 within a second', async () => {
  const r = await interrupted(['run', LOOP, '--out', out(), '--workers', '0', '--callback-timeout', '0', '--strategy', './test/fixtures/watchdog/strategies/loop-in-create.mjs'], 'SIGINT', { afterMs: 2500 });
  assert.is(r.code, 130, r.stderr);
  assert.ok(r.ms < 1000, `${Math.round(r.ms)} ms`);
});

test('SIGTERM during a long built-in run: 143 within about a second in a worker; on the main thread (--workers 0) the OS ends it at once', async () => {
  const large = await interrupted(['run', 'scenarios/large.json', '--seeds', '1', '--out', out(), '--workers', '1'], 'SIGTERM', { afterMs: 2000 });
  assert.is(large.code, 143, large.stderr);
  assert.match(large.stderr, writeMsg.interrupted('SIGTERM', { kind: 'nothing' }));
  assert.ok(large.ms < 1000, `${Math.round(large.ms)} ms`);
  // during a run the default action ends it (killed by the signal); between two runs wabasim's handler does (143)
  const here = await interrupted(['run', 'scenarios/default.json', '--seeds', '100', '--out', out(), '--workers', '0'], 'SIGTERM', { afterMs: 2000 });
  assert.ok(here.code === 143 || here.signal === 'SIGTERM', `code ${here.code}, signal ${here.signal}: ${here.stderr}`);
  assert.ok(here.ms < 1200, `${Math.round(here.ms)} ms`);
});

test('SIGINT in the middle of a 10-second run on the main thread (--workers 0): the process ends within a second, nothing written', async () => {
  const dir = out();
  const r = await interrupted(['run', 'scenarios/large.json', '--workers', '0', '--seeds', '1', '--out', dir], 'SIGINT', { afterMs: 3000 });
  // mid-run the OS's default action ends it (killed by SIGINT); on a machine so loaded that the run has not begun, the handler does (130)
  assert.ok(r.signal === 'SIGINT' || (r.code === 130 && r.stderr.includes(writeMsg.interrupted('SIGINT', { kind: 'nothing' }))), `code ${r.code}, signal ${r.signal} after ${Math.round(r.ms)} ms: ${r.stderr}`);
  assert.ok(r.ms < 1500, `${Math.round(r.ms)} ms`);
  assert.not.ok(existsSync(join(dir, 'results.json')));
  assert.not.ok(existsSync(join(dir, 'report.html')));
});

test.run();
