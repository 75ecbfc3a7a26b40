import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { lineColumn, scanJson } from '../../src/scenario/json-scan.js';

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

test('the scanner accepts exactly what JSON.parse accepts (any JSON, and JSON with one edit)', () => {
  const edited = fc.tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\\', '\n', '0', '-', 'e', 't', '\u0001', '{', '['), fc.nat(3)).map(([json, at, insert, remove]) => {
    const k = at % (json.length + 1);
    return json.slice(0, k) + insert + json.slice(k + remove);
  });
  fc.assert(fc.property(fc.oneof(fc.json(), edited), (text) => {
    const scan = scanJson(text, 1000);
    assert.is(scan.kind !== 'syntax', parses(text), text);
  }), { numRuns: 3000 });
});

test('a syntax error is placed at its line and column, with the pointer of the value being read', () => {
  const text = '{\n  "a": [1, 2],\n  "b": {"c": }\n}';
  const scan = scanJson(text, 64);
  assert.equal(scan, { kind: 'syntax', offset: text.indexOf('}'), pointer: '/b/c', found: '"}" where a value belongs' });
  assert.equal(lineColumn(text, text.indexOf('}')), { line: 3, column: 14 });
});

test('a bare word, the end of the file and bad strings are named', () => {
  const found = (text: string): string => {
    const scan = scanJson(text, 64);
    return scan.kind === 'syntax' ? scan.found : scan.kind;
  };
  assert.is(found('{"a": tru}'), '"tru" where a value belongs');
  assert.is(found('{"a": 1'), 'the end of the file where "," or "}" belongs');
  assert.is(found('{"a": "x'), 'a string that is never closed');
  assert.is(found('["\\q"]'), 'a bad escape "\\\\q" in a string');
  assert.is(found('{"a" 1}'), '"1" where ":" belongs');
  assert.is(found('{} {}'), '"{" after the end of the JSON value');
});

test('keys repeated in one object are reported with their pointer; the same key in different objects is not', () => {
  const text = '{"a": 1, "b": {"c": 1, "c": 2}, "d": [{"a": 1}, {"a": 2}], "\\u0061": 3}';
  const scan = scanJson(text, 64);
  assert.equal(scan, {
    kind: 'ok',
    duplicates: [
      { pointer: '/b/c', key: 'c', offset: text.indexOf('"c": 2'), firstOffset: text.indexOf('"c": 1') },
      { pointer: '/a', key: 'a', offset: text.indexOf('"\\u0061"'), firstOffset: 1 },
    ],
  });
});

test('nesting past the limit stops the scan at the first bracket too deep', () => {
  assert.equal(scanJson('[[[1]]]', 3), { kind: 'ok', duplicates: [] });
  assert.equal(scanJson('[[[[1]]]]', 3), { kind: 'tooDeep', offset: 3, pointer: '/0/0' });
});

test.run();
