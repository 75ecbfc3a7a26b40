import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { thresholdsSection } from '../../src/report/html/thresholds.js';
import { reportData } from '../../src/report/report-data.js';
import { syntheticResults } from './fixtures.js';

const base = syntheticResults({ seeds: 2 });
const withThresholds = (thresholds: unknown): ReturnType<typeof reportData> => reportData({ ...base, scenario: { ...(base.scenario as object), thresholds } });

test('no thresholds, no section', () => {
  assert.is(thresholdsSection(reportData(base)), '');
});

test('a table of every check, failed ones first, the tally in the intro, names escaped', () => {
  const html = thresholdsSection(withThresholds({ 'delivered{strategy:blast}': ['mean>0', 'mean<0'] }));
  assert.match(html, '<section id="thresholds"><h2>Thresholds</h2>');
  const groups = new Set(base.runs.filter((r) => r.strategy === 'blast').map((r) => r.variant)).size;
  assert.match(html, `<strong>${groups} of ${2 * groups} checks failed</strong>`);
  const results = [...html.matchAll(/<td>(passed|<strong>FAILED<\/strong>)<\/td>/g)].map((m) => m[1]);
  assert.equal(results, [...Array(groups).fill('<strong>FAILED</strong>'), ...Array(groups).fill('passed')]);
  assert.match(thresholdsSection(withThresholds({ 'delivered{variant:"<b>"}': ['mean>0'] })), '<code>delivered{variant:&quot;&lt;b&gt;&quot;}</code>');
});

test.run();
