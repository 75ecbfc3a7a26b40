import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { msg, UserInputError } from '../../src/errors/index.js';
import { readResultsFile, resultsIssues } from '../../src/report/index.js';
import { syntheticResults } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'wabasim-results-'));
const write = (name: string, text: string): string => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const issuesOf = (fn: () => unknown): readonly unknown[] => {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserInputError) return err.issues;
    throw err;
  }
  return [];
};

test('a saved results file reads back', () => {
  const results = syntheticResults({ seeds: 1 });
  assert.equal(readResultsFile(write('ok.json', JSON.stringify(results))), JSON.parse(JSON.stringify(results)));
});

test('a missing file is a user error', () => {
  const file = join(dir, 'nope.json');
  assert.equal(issuesOf(() => readResultsFile(file)), [msg.notReadable(file, 'no such file')]);
});

test('a file that is not JSON is a user error', () => {
  const file = write('bad.json', '{ nope');
  const issues = issuesOf(() => readResultsFile(file)) as { expected: string }[];
  assert.is(issues.length, 1);
  assert.is(issues[0].expected, 'valid JSON');
});

test('a scenario file is not a results file: every missing part is named', () => {
  const pointers = resultsIssues({ name: 'x', variants: [{ name: 'a', patch: {} }] }, 'f.json').map((i) => i.pointer);
  assert.equal(pointers, ['/wabasim', '/variants/0', '/runs', '/aggregates']);
  assert.equal(resultsIssues({ name: 'x' }, 'f.json')[0], msg.notResults('f.json', '/wabasim', 'the wabasim version that wrote the file', undefined));
});

test('a run whose series holds something else than numbers is named by its pointer', () => {
  const results = JSON.parse(JSON.stringify(syntheticResults({ seeds: 1 }))) as { runs: { series: Record<string, unknown> }[] };
  results.runs[1].series.delivered = ['a'];
  assert.equal(resultsIssues(results, 'f.json').map((i) => i.pointer), ['/runs/1/series/delivered']);
});

test('a shard must be merged first', () => {
  const results = { ...syntheticResults({ seeds: 1 }), shard: { index: 1, count: 2, planSize: 8, runIndices: [0] } };
  assert.equal(resultsIssues(results, 'f.json'), [msg.shardResults('f.json', 1, 2)]);
});

test.run();
