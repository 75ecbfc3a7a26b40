import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeHtml, formatNumber, formatValue } from '../../src/report/format.js';

test('numbers get thousands separators and decimals by magnitude', () => {
  assert.is(formatNumber(119470.6), '119,471');
  assert.is(formatNumber(1234567), '1,234,567');
  assert.is(formatNumber(20.85), '20.9');
  assert.is(formatNumber(3.14159), '3.14');
  assert.is(formatNumber(0.004), '0.004');
  assert.is(formatNumber(0.05), '0.05');
  assert.is(formatNumber(-2.5), '−2.5');
  assert.is(formatNumber(0), '0');
  assert.is(formatNumber(Infinity), '∞');
  assert.is(formatNumber(NaN), '–');
});

test('HTML special characters are escaped', () => {
  assert.is(escapeHtml(`<script>"a" & 'b'</script>`), '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
});

test('parameter values print short', () => {
  assert.is(formatValue(0.02), '0.02');
  assert.is(formatValue(''), '(empty)');
  assert.is(formatValue({ uniform: [1, 2] }), '{"uniform":[1,2]}');
});

test.run();
