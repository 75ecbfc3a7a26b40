import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { baselineFromResults, baselineJunit, checkBaseline } from '../../src/baseline/index.js';
import type { Results } from '../../src/run/results.js';
import { syntheticResults } from '../report/fixtures.js';
import { parseJunit } from '../format/parse-junit.js';

const results = syntheticResults({ seeds: 2 });
const baseline = baselineFromResults(results, 'scenarios/x.json');

/** `r` with the first aggregate's `metric` mean moved by `by`. */
function nudged(r: Results, metric: string, by: number): Results {
  const [first, ...rest] = r.aggregates;
  const s = first.metrics[metric];
  return { ...r, aggregates: [{ ...first, metrics: { ...first.metrics, [metric]: { ...s, mean: s.mean + by } } }, ...rest] };
}

test('a suite per scenario, a case per metric of each variant × strategy, headline metrics first', () => {
  const result = checkBaseline(baseline, results);
  const doc = parseJunit(baselineJunit([{ scenario: 'scenarios/x.json', file: 'baselines/x.json', baseline, result }]));
  const [suite] = doc.testsuites.testsuite ?? [];
  assert.is(suite['@_name'], 'scenarios/x.json');
  assert.is(Number(suite['@_tests']), result.checked.length);
  assert.is(suite['@_failures'], '0');
  const cases = suite.testcase ?? [];
  assert.is(cases[0]['@_classname'], 'scenarios/x.json: clean list × blast');
  assert.equal(cases.slice(0, 3).map((c) => c['@_name']), ['delivered', 'uniqueUsersReached', 'failed']);
});

test('a drifted metric is a failed case naming baseline, now, delta and the tolerance; a missing pair is a failed case', () => {
  const moved = nudged(results, 'delivered', 3);
  const result = checkBaseline(baseline, { ...moved, aggregates: moved.aggregates.slice(0, -1) });
  const doc = parseJunit(baselineJunit([{ scenario: 'scenarios/x.json', file: 'baselines/x.json', baseline, result }]));
  const cases = doc.testsuites.testsuite?.[0].testcase ?? [];
  const failed = cases.filter((c) => c.failure);
  assert.is(doc.testsuites['@_failures'], '2');
  const base = results.aggregates[0].metrics.delivered.mean;
  assert.equal(failed.map((c) => [c['@_classname'], c['@_name'], c.failure?.['@_message']]), [
    [`scenarios/x.json: ${results.aggregates.at(-1)!.variant} × ${results.aggregates.at(-1)!.strategy}`, '(variant × strategy)', 'runs: baseline 2, now absent'],
    ['scenarios/x.json: clean list × blast', 'delivered', `mean: baseline ${base}, now ${base + 3} (+3)`],
  ]);
  assert.match(failed[1].failure?.['#text'] ?? '', 'tolerance relative 1e-9, absolute 0 (the "tolerance" section of baselines/x.json)');
});

test.run();
