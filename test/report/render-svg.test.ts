import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { renderSvg, scopeSvg } from '../../src/report/index.js';
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

test.run();
