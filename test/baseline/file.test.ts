import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { baselineCollisions, baselineFromResults, baselineIssues, baselinePath, dirForHint, readBaseline, serializeBaseline } from '../../src/baseline/index.js';
import { msg, UserInputError } from '../../src/errors/index.js';
import { syntheticResults } from '../report/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'wabasim-baseline-'));
const baseline = baselineFromResults(syntheticResults({ seeds: 2 }), 'scenarios/x.json');

test('a baseline lives beside its peers under the scenario file name', () => {
  assert.is(baselinePath('baselines', 'scenarios/default.json'), join('baselines', 'default.json'));
});

test('a written baseline reads back equal, one metric per line', () => {
  const file = join(dir, 'x.json');
  const text = serializeBaseline(baseline);
  writeFileSync(file, text);
  assert.equal(readBaseline(file, 'scenarios/x.json'), baseline);
  assert.match(text, /\n {4}"delivered": \{"mean":[\d.]+,"p5":[\d.]+,"p95":[\d.]+\},?\n/);
});

test('a missing baseline is a user error that says how to record it', () => {
  const file = join(dir, 'none.json');
  try {
    readBaseline(file, 'scenarios/none.json');
    assert.unreachable();
  } catch (err) {
    assert.instance(err, UserInputError);
    assert.equal((err as UserInputError).issues, [msg.missingBaseline(file, 'scenarios/none.json')]);
    assert.match((err as UserInputError).message, 'wabasim baseline record scenarios/none.json');
  }
});

test('a file that is not a baseline names what is wrong', () => {
  assert.equal(baselineIssues({ scenario: 1, tolerance: { default: { relative: -1, absolute: 0 }, metrics: {} }, entries: [{ variant: 'v' }] }, 'b.json').map((i) => i.pointer), ['/scenario', '/tolerance', '/entries/0']);
});

test('scenarios that share a baseline file name are named in pairs; distinct names are fine', () => {
  assert.equal(baselineCollisions('baselines', ['a/x.json', 'b/y.json']), []);
  assert.equal(baselineCollisions('baselines', ['a/x.json', 'b/y.json', 'b/x.json', 'c/X.json']), [
    msg.sameBaseline('b/x.json', 'a/x.json', join('baselines', 'x.json')),
    msg.sameBaseline('c/X.json', 'a/x.json', join('baselines', 'X.json')),
  ]);
});

test('a --dir is repeated in hints unless it is the default folder', () => {
  assert.equal(['baselines', './baselines/', 'baselines//', '/tmp/b', 'other'].map(dirForHint), [undefined, undefined, undefined, '/tmp/b', 'other']);
});

test.run();
