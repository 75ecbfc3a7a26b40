import { existsSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { removeStaleTemps, STALE_AFTER_MS, TEMP_PREFIX, tempPath } from '../../src/run/index.js';

/** Far above Linux's pid_max (at most 2^22): no process has it. */
const GONE_PID = 99_999_999;

test('a temporary name carries the prefix, the process id and the target name', () => {
  const name = basename(tempPath('/out', 'results.json'));
  assert.match(name, new RegExp(`^${TEMP_PREFIX.replace('.', '\\.')}${process.pid}-[0-9a-f]{8}-results\\.json$`));
});

test('temporary files of a process that is gone, or older than an hour, are removed; a live fresh one and other files stay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-stale-'));
  const dead = `${TEMP_PREFIX}${GONE_PID}-00000000-results.json`;
  const old = `${TEMP_PREFIX}${process.pid}-11111111-report.html`;
  const live = `${TEMP_PREFIX}${process.pid}-22222222-results.json`;
  const noPid = `${TEMP_PREFIX}x-report.html`;
  for (const n of [dead, old, live, noPid, 'results.json', '.hidden']) writeFileSync(join(dir, n), 'x');
  const hourAgo = (Date.now() - STALE_AFTER_MS - 60_000) / 1000;
  utimesSync(join(dir, old), hourAgo, hourAgo);
  assert.equal(removeStaleTemps(dir).sort(), [dead, noPid, old].sort());
  assert.equal(readdirSync(dir).sort(), ['.hidden', live, 'results.json'].sort());
});

test('a directory that does not exist has nothing to clean', () => {
  assert.equal(removeStaleTemps(join(tmpdir(), 'wabasim-no-such-dir-for-sure')), []);
  assert.not.ok(existsSync(join(tmpdir(), 'wabasim-no-such-dir-for-sure')));
});

test.run();
