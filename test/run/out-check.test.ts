import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UserInputError, writeMsg, type Issue } from '../../src/errors/index.js';
import { checkOutDir, checkOutFile, removeCreatedDirs } from '../../src/run/index.js';

function issuesOf(fn: () => unknown): readonly Issue[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserInputError) return err.issues;
    throw err;
  }
  throw new Error('expected a UserInputError');
}

const TARGETS = ['results.json', 'report.html'];

test('a missing directory is created, probed and left empty; removeCreatedDirs takes back what it created', () => {
  const base = mkdtempSync(join(tmpdir(), 'wabasim-out-'));
  const out = checkOutDir('--out', join(base, 'a', 'b'), TARGETS);
  assert.equal(out, { path: join(base, 'a', 'b'), created: join(base, 'a') });
  assert.equal(readdirSync(out.path), [], 'the probe file is removed');
  removeCreatedDirs(out);
  assert.equal(readdirSync(base), []);
});

test('an existing directory is used as it is and never removed', () => {
  const base = mkdtempSync(join(tmpdir(), 'wabasim-out-'));
  const out = checkOutDir('--out', base, TARGETS);
  assert.is(out.created, undefined);
  removeCreatedDirs(out);
  assert.ok(statSync(base).isDirectory());
});

test('a file in the place of the directory, or of one above it, is refused', () => {
  const base = mkdtempSync(join(tmpdir(), 'wabasim-out-'));
  const file = join(base, 'file');
  writeFileSync(file, '');
  assert.equal(issuesOf(() => checkOutDir('--out', file, TARGETS)), [writeMsg.badOutDir('--out', file, 'a file is in its place')]);
  assert.equal(issuesOf(() => checkOutDir('--out', join(file, 'sub'), TARGETS)), [writeMsg.badOutDir('--out', join(file, 'sub'), `${file} is a file, not a directory`)]);
});

test('paths under /proc and /sys are refused without being opened', () => {
  for (const p of ['/proc/x', '/proc/self/fd', '/sys/kernel', '/sys']) {
    const [issue] = issuesOf(() => checkOutDir('--out', p, TARGETS));
    assert.is(issue.pointer, '--out');
    assert.match(issue.found, /under \/(proc|sys), a kernel file system/);
  }
});

test('a directory where results.json belongs is refused before the sweep', () => {
  const base = mkdtempSync(join(tmpdir(), 'wabasim-out-'));
  mkdirSync(join(base, 'results.json'));
  assert.equal(issuesOf(() => checkOutDir('--out', base, TARGETS)), [writeMsg.badOutDir('--out', base, 'results.json in it is a directory, not a regular file')]);
});

test('report --out: a directory in the file\'s place is refused; a file in a new directory is fine', () => {
  const base = mkdtempSync(join(tmpdir(), 'wabasim-out-'));
  assert.equal(issuesOf(() => checkOutFile('--out', base)), [writeMsg.badOutFile('--out', base, 'a directory (name a file to write)')]);
  const out = checkOutFile('--out', join(base, 'new', 'r.html'));
  assert.is(out.created, join(base, 'new'));
  assert.not.ok(existsSync(join(base, 'new', 'r.html')));
});

test.run();
