import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { aggregate } from '../../src/run/aggregate.js';
import type { Results, RunResult, RunSummary } from '../../src/run/results.js';
import { evaluateThresholds, thresholdJunit } from '../../src/thresholds/index.js';
import { parseJunit } from '../format/parse-junit.js';

const run = (variant: string, strategy: string, seed: number, restricted: number): RunResult => ({ variant, strategy, seed, summary: { restricted, delivered: 10 } as unknown as RunSummary, series: {}, events: 0 });
const runs = [run('a <&> "b"', 'blast', 1, 1), run('a <&> "b"', 'blast', 2, 0), run('a <&> "b"', 'careful', 1, 0), run('a <&> "b"', 'careful', 2, 0)];
const results = (thresholds: unknown): Results => ({ wabasim: 'test', scenario: { name: 's', thresholds }, variants: [], runs, aggregates: aggregate(runs) });

test('a suite per variant × strategy, a case per condition; a failed one carries the observed value', () => {
  const outcome = evaluateThresholds(results({ restricted: ['rate==0'], 'delivered{strategy:careful}': ['mean>=10'], 'restricted{strategy:warmup}': ['max==0'] }), 'r.json');
  const doc = parseJunit(thresholdJunit(outcome, 's'));
  assert.equal([doc.testsuites['@_tests'], doc.testsuites['@_failures'], doc.testsuites['@_skipped']], ['4', '1', '1']);
  const suites = doc.testsuites.testsuite ?? [];
  assert.equal(suites.map((s) => [s['@_name'], (s.testcase ?? []).map((c) => c['@_name'])]), [
    ['s: a <&> "b" × blast', ['restricted: rate==0']],
    ['s: a <&> "b" × careful', ['restricted: rate==0', 'delivered{strategy:careful}: mean>=10']],
    ['s: skipped', ['restricted{strategy:warmup}: max==0']],
  ]);
  const failure = suites[0].testcase?.[0].failure;
  assert.is(failure?.['@_message'], 'rate==0 failed: rate = 0.5 (1 of 2 runs)');
  assert.is(failure?.['@_type'], 'threshold');
  assert.match(failure?.['#text'] ?? '', 'variant a <&> "b"\nstrategy blast\nexpected rate==0');
});

test.run();
