import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatCsv } from '../../src/format/index.js';

test('fields with a comma, a quote or a line break are quoted, quotes doubled; records end in CRLF', () => {
  assert.is(
    formatCsv([['variant', 'n'], ['clean list (0.5%, opted in)', 3], ['say "hi"', 0.5], ['two\nlines', -1]]),
    'variant,n\r\n"clean list (0.5%, opted in)",3\r\n"say ""hi""",0.5\r\n"two\nlines",-1\r\n',
  );
});

test('no rows, no text', () => {
  assert.is(formatCsv([]), '');
});

test.run();
