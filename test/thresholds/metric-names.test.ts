import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { PacingVerdicts } from '../../src/model/state/index.js';
import { numericMetrics, runScenario, type RunSummary } from '../../src/run/index.js';
import { isConditionalMetric, isMetricName, METRIC_GROUPS, metricNames, SCALAR_METRICS } from '../../src/thresholds/index.js';

// Compile-time: SCALAR_METRICS are exactly RunSummary's number fields, METRIC_GROUPS exactly its
// records of numbers, and the closed key lists match their types (a new summary field fails to compile here).
type NumberKeys<T> = { [K in keyof T]-?: T[K] extends number ? K : never }[keyof T];
type RecordKeys<T> = { [K in keyof T]-?: T[K] extends number ? never : T[K] extends Readonly<Record<string, number>> ? K : never }[keyof T];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const scalarsMatch: Same<(typeof SCALAR_METRICS)[number], NumberKeys<RunSummary>> = true;
const groupsMatch: Same<keyof typeof METRIC_GROUPS, RecordKeys<RunSummary>> = true;
const verdictsMatch: Same<(typeof METRIC_GROUPS.pacingVerdicts)[number], keyof PacingVerdicts> = true;
const perThousandMatch: Same<(typeof METRIC_GROUPS.perThousandDelivered)[number], keyof RunSummary['perThousandDelivered']> = true;

test('the catalogue matches RunSummary (checked by the compiler above)', () => {
  assert.ok(scalarsMatch && groupsMatch && verdictsMatch && perThousandMatch);
});

test('every metric of a real run summary is a metric name; each group key it holds is listed', async () => {
  const results = await runScenario('scenarios/first-campaign.json', { seeds: 1 });
  const names = Object.keys(numericMetrics(results.runs[0].summary));
  assert.ok(names.length > 30);
  assert.equal(names.filter((n) => !isMetricName(n)), []);
  for (const scalar of SCALAR_METRICS) assert.ok(names.includes(scalar), scalar);
});

test('a group key that is not listed is not a metric; daysToTier is conditional', () => {
  assert.ok(isMetricName('failedByCode.131049'));
  assert.ok(isMetricName('failedByCode.limit_reached'));
  assert.ok(isMetricName('restrictionHours.account-disabled'));
  assert.ok(isMetricName('daysToTier.TIER_2K'));
  assert.ok(isMetricName('blocksByReason.spam'));
  assert.not.ok(isMetricName('failedByCode.131094'));
  assert.not.ok(isMetricName('templates'));
  assert.not.ok(isMetricName('qualityHours.main'));
  assert.not.ok(isMetricName('toString'));
  assert.not.ok(isMetricName('constructor.name'));
  assert.ok(isConditionalMetric('daysToTier.TIER_2K'));
  assert.not.ok(isConditionalMetric('failedByCode.131049'));
  assert.ok(metricNames().includes('qualityHoursTotal.RED'));
});

test.run();
