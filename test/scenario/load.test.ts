import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { msg, UserInputError, type Issue } from '../../src/errors/index.js';
import { readJsonFile, LIMITS, MAX_DEPTH } from '../../src/scenario/index.js';

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

const issues = (f: string): Issue[] => {
  try {
    readJsonFile(f);
  } catch (err) {
    assert.instance(err, UserInputError);
    return [...(err as UserInputError).issues];
  }
  throw new Error('no error');
};

test('a device is refused before a byte is read: /dev/zero does not bypass the size limit', () => {
  const started = performance.now();
  assert.equal(issues('/dev/zero'), [msg.notRegularFile('/dev/zero', 'a character device')]);
  assert.ok(performance.now() - started < 1000);
});

test('a file over the limit is refused from its size, without reading it', () => {
  const f = write('over.json', Buffer.alloc(LIMITS.maxFileBytes + 1, 32));
  assert.equal(issues(f), [msg.tooLarge(f, LIMITS.maxFileBytes + 1, LIMITS.maxFileBytes)]);
});

test('a UTF-8 byte-order mark is accepted', () => {
  assert.equal(readJsonFile(write('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')]))), { a: 1 });
});

test('a syntax error names the file, the pointer, the line and the column', () => {
  const f = write('syntax.json', '{\n  "name": "x",\n  "seeds": 5,\n}\n');
  assert.equal(issues(f), [msg.jsonSyntax(f, '', 4, 1, '"}" where a key in double quotes belongs')]);
});

test('a key written twice in one object is an error naming the key and both lines', () => {
  const f = write('dup.json', '{\n  "seeds": 5,\n  "audience": {"segments": []},\n  "seeds": 50\n}');
  assert.equal(issues(f), [msg.duplicateKey(f, '/seeds', 'seeds', 4, 2)]);
});

test.run();
