import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UserInputError, writeMsg, type Issue } from '../../src/errors/index.js';
import { nodeSwapFs, TEMP_PREFIX, writeFileAtomic, writeFilesTogether, type SwapFs } from '../../src/run/index.js';

/** A fresh directory holding the previous pair. */
function oldPair(): { dir: string; results: string; report: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-write-'));
  const results = join(dir, 'results.json');
  const report = join(dir, 'report.html');
  writeFileSync(results, 'old results');
  writeFileSync(report, 'old report');
  return { dir, results, report };
}

const enospc = (): Error => Object.assign(new Error('ENOSPC: no space left on device, rename'), { code: 'ENOSPC' });

/** The real file system, except that renaming a temporary file onto `failing` fails with ENOSPC. */
function renameFailsOnto(failing: string): SwapFs {
  return {
    ...nodeSwapFs,
    rename(from, to) {
      if (to === failing && from.includes(TEMP_PREFIX) && !from.includes('-old-')) throw enospc();
      nodeSwapFs.rename(from, to);
    },
  };
}

function issuesOf(fn: () => void): readonly Issue[] {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserInputError) return err.issues;
    throw err;
  }
  throw new Error('expected a UserInputError');
}

const both = (p: { results: string; report: string }) => [
  { path: p.results, content: 'new results' },
  { path: p.report, content: 'new report' },
];

test('both files replace the previous pair, and no temporary file or backup is left', () => {
  const p = oldPair();
  writeFilesTogether(both(p));
  assert.equal([readFileSync(p.results, 'utf8'), readFileSync(p.report, 'utf8')], ['new results', 'new report']);
  assert.equal(readdirSync(p.dir).sort(), ['report.html', 'results.json']);
});

test('when the second rename fails, the first file is put back: the old pair is intact, and the error names the file and the OS reason', () => {
  const p = oldPair();
  const issues = issuesOf(() => writeFilesTogether(both(p), renameFailsOnto(p.report)));
  assert.equal(issues, [writeMsg.notWritten(p.report, 'ENOSPC: no space left on device', ['results.json', 'report.html'])]);
  assert.equal([readFileSync(p.results, 'utf8'), readFileSync(p.report, 'utf8')], ['old results', 'old report']);
  assert.equal(readdirSync(p.dir).sort(), ['report.html', 'results.json'], 'temporary files and backups removed');
});

test('when the second rename fails and there was no previous pair, neither file is left', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-write-'));
  const p = { results: join(dir, 'results.json'), report: join(dir, 'report.html') };
  issuesOf(() => writeFilesTogether(both(p), renameFailsOnto(p.report)));
  assert.equal(readdirSync(dir), []);
});

test('a write that fails (disk full) replaces nothing and leaves no temporary file', () => {
  const p = oldPair();
  const full: SwapFs = {
    ...nodeSwapFs,
    writeDurably(path, content) {
      if (path.endsWith('report.html')) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      nodeSwapFs.writeDurably(path, content);
    },
  };
  const issues = issuesOf(() => writeFilesTogether(both(p), full));
  assert.equal(issues, [writeMsg.notWritten(p.report, 'ENOSPC: no space left on device', ['results.json', 'report.html'])]);
  assert.equal([readFileSync(p.results, 'utf8'), readFileSync(p.report, 'utf8')], ['old results', 'old report']);
  assert.equal(readdirSync(p.dir).sort(), ['report.html', 'results.json']);
});

test('a directory in the place of a target is refused before anything is written', () => {
  const p = oldPair();
  const dir = join(p.dir, 'report.html.d');
  mkdirSync(dir);
  const issues = issuesOf(() => writeFilesTogether([{ path: p.results, content: 'new' }, { path: dir, content: 'new' }]));
  assert.is(issues[0].file, dir);
  assert.match(issues[0].found, /^EISDIR/);
  assert.is(readFileSync(p.results, 'utf8'), 'old results');
  assert.equal(readdirSync(p.dir).sort(), ['report.html', 'report.html.d', 'results.json']);
});

test('writeFileAtomic creates the directory; a file in its way is a user error, not a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-write-'));
  writeFileAtomic(join(dir, 'a', 'b.json'), '{}');
  assert.is(readFileSync(join(dir, 'a', 'b.json'), 'utf8'), '{}');
  writeFileSync(join(dir, 'file'), '');
  const issues = issuesOf(() => writeFileAtomic(join(dir, 'file', 'b.json'), '{}'));
  assert.match(issues[0].found, /^(EEXIST|ENOTDIR)/);
  assert.not.ok(existsSync(join(dir, 'file', 'b.json')));
});

test.run();
