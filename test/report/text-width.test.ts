import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { isBold, textWidth, vegaTextWidth } from '../../src/report/text-width.js';

// Reference widths measured in Chromium 156 with canvas measureText, font "<size>px Helvetica,
// Arial, sans-serif" (drawn with Nimbus Sans, Helvetica's metric twin); they differ from the
// table's sums only by kerning, under a pixel.
const MEASURED: readonly [string, number, boolean, number][] = [
  ['Day of the simulation', 12, false, 112.05],
  ['Trust score — a risk indicator here, it restricts nothing (community estimate, seed 003)', 15, true, 617.69],
  ['multi-number · sales-1', 12, false, 118.71],
  ['131049 per-user marketing cap', 12, false, 166.76],
  ['“cold list (2% blocks)”', 13, true, 137.97],
];

test('text is as wide as a browser draws it in Helvetica, within a pixel', () => {
  for (const [text, size, bold, px] of MEASURED) assert.ok(Math.abs(textWidth(text, size, bold) - px) < 1, `${text}: ${textWidth(text, size, bold)} vs ${px}`);
});

test('vega sees the width in the item’s size and weight, at most its limit (so truncation still works)', () => {
  assert.is(vegaTextWidth({ fontSize: 12 }, 'Day'), 21.336);
  assert.is(vegaTextWidth({}, 'Day'), textWidth('Day', 11));
  assert.is(vegaTextWidth({ fontSize: 12, fontWeight: 600 }, 'Day'), textWidth('Day', 12, true));
  assert.is(vegaTextWidth({ fontSize: 12, limit: 10 }, 'Day of the simulation'), 10);
  assert.equal([isBold('bold'), isBold(600), isBold('600'), isBold(500), isBold('normal'), isBold(undefined)], [true, true, true, false, false, false]);
});

test.run();
