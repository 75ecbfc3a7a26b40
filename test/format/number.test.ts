import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatNumberPlain, formatNumberRounded } from '../../src/format/index.js';

test('rounded: thousands separators, decimals by magnitude, typographic signs', () => {
  assert.is(formatNumberRounded(119470.6), '119,471');
  assert.is(formatNumberRounded(1234567), '1,234,567');
  assert.is(formatNumberRounded(20.85), '20.9');
  assert.is(formatNumberRounded(3.14159), '3.14');
  assert.is(formatNumberRounded(0.004), '0.004');
  assert.is(formatNumberRounded(0.05), '0.05');
  assert.is(formatNumberRounded(-2.5), '−2.5');
  assert.is(formatNumberRounded(0), '0');
  assert.is(formatNumberRounded(Infinity), '∞');
  assert.is(formatNumberRounded(NaN), '–');
});

test('plain: integers in full, one decimal (four below 1), ASCII signs', () => {
  assert.is(formatNumberPlain(119462.4), '119,462.4');
  assert.is(formatNumberPlain(1234567), '1,234,567');
  assert.is(formatNumberPlain(3.14159), '3.1');
  assert.is(formatNumberPlain(0.00456), '0.0046');
  assert.is(formatNumberPlain(-2.5), '-2.5');
  assert.is(formatNumberPlain(0), '0');
  assert.is(formatNumberPlain(Infinity), 'Infinity');
  assert.is(formatNumberPlain(NaN), 'NaN');
});

test.run();
