/**
 * What strategy code may not do (README "Strategies", issue 18): while a user strategy runs,
 * Math.random, Date.now and process.exit refuse with a message naming what to use instead, and a
 * callback that returns a Promise is an error (callbacks are not awaited in simulated time). Each
 * is a user mistake: exit 2 naming the strategy module and the callback. The modules sit in
 * test/fixtures/realm/strategies/, inside their scenarios' tree.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const run = (fixture: string): { status: number | null; stderr: string } => {
  const out = mkdtempSync(join(tmpdir(), 'wabasim-realm-'));
  const r = spawnSync(process.execPath, [BIN, 'run', `test/fixtures/realm/${fixture}.json`, '--out', out, '--workers', '0'], { encoding: 'utf8' });
  return { status: r.status, stderr: r.stderr };
};

test('Math.random in a strategy callback is refused: exit 2, naming the callback and api.rng', () => {
  const r = run('random');
  assert.is(r.status, 2);
  assert.match(r.stderr, 'onCampaignStart');
  assert.match(r.stderr, 'Math.random() is not available to a strategy: use api.rng.next()');
  assert.not.match(r.stderr, '    at ');
});

test('an async callback is refused: its sends after an await would be lost', () => {
  const r = run('async');
  assert.is(r.status, 2);
  assert.match(r.stderr, 'onCampaignStart returned a Promise');
  assert.not.match(r.stderr, '    at ');
});

test('process.exit in a strategy does not end the run quietly: exit 2 naming the callback', () => {
  const r = run('exit');
  assert.is(r.status, 2);
  assert.match(r.stderr, 'process.exit() is not available to a strategy');
});

test('the built-in strategies and the bundled user module are untouched by the rules (they use api.rng and api.now)', () => {
  const out = mkdtempSync(join(tmpdir(), 'wabasim-realm-'));
  const r = spawnSync(process.execPath, [BIN, 'run', 'scenarios/user-strategy.json', '--out', out, '--seeds', '1'], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
});

test.run();
