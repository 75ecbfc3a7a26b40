import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderSvg, scopeSvg, widenSvg } from '../../src/report/index.js';
import type { TopLevelSpec } from 'vega-lite';

test('ids and references are prefixed; namespace attributes dropped', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><clipPath id="clip1"/><g clip-path="url(#clip1)"/><use href="#clip1"/></svg>';
  assert.is(scopeSvg(svg, 'c'), '<svg><clipPath id="c-clip1"/><g clip-path="url(#c-clip1)"/><use href="#c-clip1"/></svg>');
});

test('the same spec renders to the same SVG, whatever was rendered before', async () => {
  const spec: TopLevelSpec = { data: { values: [{ x: 1, y: 2 }, { x: 2, y: 3 }] }, mark: 'line', width: 200, height: 100, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } };
  const first = await renderSvg(spec, 'a');
  await renderSvg(spec, 'b');
  const again = await renderSvg(spec, 'a');
  assert.is(again.svg, first.svg);
  assert.not.match(first.svg, /http/);
});

test('given a width, the SVG is drawn that wide with the chart at its left; a wider chart is a warning', async () => {
  const spec: TopLevelSpec = { data: { values: [{ x: 1, y: 2 }] }, mark: 'point', width: 200, height: 100, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } };
  const wide = await renderSvg(spec, 'a', 600);
  assert.match(wide.svg, /^<svg version="1.1" class="marks" width="600" height="\d+" viewBox="0 0 600 \d+"><rect width="600" /);
  assert.ok(wide.contentWidth < 600);
  assert.equal(wide.warnings, []);
  const narrow = await renderSvg(spec, 'a', 100);
  assert.equal(narrow.warnings, [`chart a is ${narrow.contentWidth} px wide, wider than the 100 px every chart is drawn at`]);
  assert.is(widenSvg('<svg width="10" height="5" viewBox="0 0 10 5"><rect width="10" height="5" fill="white"/></svg>', 20), '<svg width="20" height="5" viewBox="0 0 20 5"><rect width="20" height="5" fill="white"/></svg>');
});

test.run();
