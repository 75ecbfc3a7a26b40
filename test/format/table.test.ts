import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatTable } from '../../src/format/index.js';

test('columns are padded to their widest cell; a column of numbers is right-aligned and formatted plain', () => {
  assert.is(formatTable(['name', 'sends'], [['a', 1200], ['b', 7]]), 'name  sends\na     1,200\nb         7');
});

test('a column mixing text and numbers is left-aligned; trailing spaces are trimmed', () => {
  assert.is(formatTable(['metric', 'now'], [['sent', 2.5], ['x', '—']]), 'metric  now\nsent    2.5\nx       —');
});

test('headers alone when there are no rows', () => {
  assert.is(formatTable(['a', 'b'], []), 'a  b');
});

test.run();
