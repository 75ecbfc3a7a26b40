import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UserInputError } from '../../src/errors/index.js';
import { readJsonFile, MAX_DEPTH } from '../../src/scenario/index.js';

const dir = mkdtempSync(join(tmpdir(), 'wabasim-load-'));
const write = (name: string, content: string | Buffer): string => {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
};
const expected = (f: string): string => {
  try {
    readJsonFile(f);
  } catch (err) {
    assert.instance(err, UserInputError);
    return (err as UserInputError).issues[0].expected;
  }
  throw new Error('no error');
};

test('a missing file, a directory, an empty file and broken JSON are user errors', () => {
  assert.is(expected(join(dir, 'nope.json')), 'a readable JSON file');
  assert.is(expected(dir), 'a readable JSON file');
  assert.is(expected(write('empty.json', '')), 'valid JSON');
  assert.is(expected(write('trunc.json', '{"name": "x", "horizonDays": ')), 'valid JSON');
  assert.is(expected(write('binary.json', Buffer.from([0, 255, 1, 2, 200]))), 'valid JSON');
});

test('the size limit is the caller\'s: a results file may be larger than a scenario', () => {
  const f = write('big.json', JSON.stringify({ pad: 'x'.repeat(2000) }));
  assert.throws(() => readJsonFile(f, 1000), (err: unknown) => err instanceof UserInputError && /at most/.test(err.issues[0].expected));
  assert.equal(readJsonFile(f, 10_000), { pad: 'x'.repeat(2000) });
});

test('200,000-deep nesting is refused quickly without a stack overflow', () => {
  const f = write('deep.json', '['.repeat(200_000) + ']'.repeat(200_000));
  const started = performance.now();
  assert.is(expected(f), `JSON nested at most ${MAX_DEPTH} levels deep`);
  assert.ok(performance.now() - started < 2000);
});

test.run();
