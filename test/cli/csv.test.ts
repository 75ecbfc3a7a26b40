import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { csvMsg, formatIssue, writeMsg } from '../../src/errors/index.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};
const out = mkdtempSync(join(tmpdir(), 'wabasim-csv-'));
const SCENARIO = 'test/fixtures/diff/low-blocks.json';

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
        else if (text[i] === '"') break;
        else field += text[i++];
      }
      i++;
    } else if (text[i] === ',') row.push(field), (field = ''), i++;
    else if (text.startsWith('\r\n', i)) row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else field += text[i++];
  }
  return rows;
}

test('run --csv: a header and one row per variant × strategy; a name with a comma is quoted', () => {
  const csv = join(out, 'metrics.csv');
  const r = cli('run', SCENARIO, '--out', join(out, 'run'), '--csv', csv);
  assert.is(r.status, 0, r.stderr);
  assert.ok(r.stdout.endsWith(`csv: ${csv}\n`));
  const text = readFileSync(csv, 'utf8');
  assert.ok(text.includes('\r\n"clean list (0.5%, opted in)",blast,4,'));
  const rows = parseCsv(text);
  assert.is(rows.length, 3);
  assert.equal(rows[0].slice(0, 5), ['variant', 'strategy', 'seeds', 'delivered.mean', 'delivered.sd']);
  assert.ok(rows.every((row) => row.length === rows[0].length));
  assert.equal(rows.slice(1).map((row) => row[0]), ['clean list (0.5%, opted in)', 'base']);
  const results = JSON.parse(readFileSync(join(out, 'run', 'results.json'), 'utf8')) as { aggregates: { metrics: Record<string, { mean: number; p95: number }> }[] };
  const col = (name: string): number => rows[0].indexOf(name);
  assert.is(Number(rows[2][col('blocks.mean')]), results.aggregates[1].metrics.blocks.mean);
  assert.is(Number(rows[2][col('delivered.p95')]), results.aggregates[1].metrics.delivered.p95);
});

test('report --csv --csv-runs: one row per variant × strategy × seed, every summary metric', () => {
  const csv = join(out, 'runs.csv');
  const r = cli('report', join(out, 'run', 'results.json'), '--out', join(out, 'again.html'), '--csv', csv, '--csv-runs');
  assert.is(r.status, 0, r.stderr);
  const rows = parseCsv(readFileSync(csv, 'utf8'));
  assert.is(rows.length, 1 + 2 * 4);
  assert.equal(rows[0].slice(0, 3), ['variant', 'strategy', 'seed']);
  assert.ok(rows[0].includes('uniqueUsersReached') && rows[0].includes('blocks'));
  assert.equal(rows.slice(1).map((row) => row[2]), ['1', '2', '3', '4', '1', '2', '3', '4']);
  assert.is(rows[1][0], 'clean list (0.5%, opted in)');
});

test('a --csv path that cannot be written, or --csv-runs alone, is exit 2 before the sweep', () => {
  const file = join(out, 'blocker');
  writeFileSync(file, 'x');
  let r = cli('run', SCENARIO, '--out', join(out, 'never'), '--csv', join(file, 'm.csv'));
  assert.is(r.status, 2);
  assert.not.ok(existsSync(join(out, 'never')));
  r = cli('run', SCENARIO, '--out', join(out, 'never'), '--csv', out);
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(writeMsg.badOutFile('--csv', out, 'a directory (name a file to write)')));
  r = cli('run', SCENARIO, '--out', join(out, 'never'), '--csv-runs');
  assert.is(r.status, 2);
  assert.match(r.stderr, formatIssue(csvMsg.runsWithoutCsv()));
  assert.not.ok(existsSync(join(out, 'never')));
});

test.run();
