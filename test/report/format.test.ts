import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { escapeHtml, formatValue } from '../../src/report/format.js';

test('HTML special characters are escaped', () => {
  assert.is(escapeHtml(`<script>"a" & 'b'</script>`), '&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;');
});

test('parameter values print short', () => {
  assert.is(formatValue(0.02), '0.02');
  assert.is(formatValue(''), '(empty)');
  assert.is(formatValue({ uniform: [1, 2] }), '{"uniform":[1,2]}');
});

test.run();
