import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { msg, thresholdMsg, UserInputError, type Issue } from '../../src/errors/index.js';
import { planVariants, validateScenarioData } from '../../src/scenario/index.js';
import { metricNames, METRIC_GROUPS } from '../../src/thresholds/index.js';

const NAMES = ['blast', 'tier-aware'];
const file = 'test.json';

function scenario(thresholds: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 't',
    horizonDays: 2,
    portfolio: { numbers: [{ id: 'main' }] },
    templates: [{ id: 'promo', category: 'marketing' }],
    audience: { segments: [{ id: 'list', size: 100 }] },
    campaigns: [{ id: 'c', template: 'promo', segment: 'list' }],
    strategies: ['blast', { name: 'tier-aware', label: 'careful' }],
    variants: [{ name: 'clean' }, { name: 'cold, blocked', patch: { '/audience/segments/0/blockProbability': 0.05 } }],
    thresholds,
    ...extra,
  };
}

function issuesOf(data: unknown): Issue[] {
  try {
    const s = validateScenarioData(data, { file, strategyNames: NAMES });
    planVariants(s, { file, strategyNames: NAMES });
    return [];
  } catch (err) {
    if (err instanceof UserInputError) return [...err.issues];
    throw err;
  }
}

test('valid thresholds: scoped to a variant (quoted, with a comma) and a strategy label; the variants still plan', () => {
  const thresholds = { uniqueUsersReached: ['p(50)>=30'], 'restricted{strategy:careful}': ['rate==0'], 'failedByCode.131049{variant:"cold, blocked",strategy:blast}': ['max<=5', 'mean<1'], 'daysToTier.TIER_2K': ['p(50)<=7'] };
  assert.equal(issuesOf(scenario(thresholds)), []);
  const s = validateScenarioData(scenario(thresholds), { file, strategyNames: NAMES });
  assert.equal(planVariants(s, { file, strategyNames: NAMES }).map((v) => v.name), ['clean', 'cold, blocked']);
});

test('a bad expression is reported at its JSON pointer, every one at once', () => {
  assert.equal(issuesOf(scenario({ delivered: ['mean>0', 'avg>0'], 'restricted{strategy:blast}': ['rate=0'] })), [
    thresholdMsg.badCondition(file, '/thresholds/delivered/1', 'avg>0', 'unknown aggregation "avg" (write mean (k6\'s avg))'),
    thresholdMsg.badCondition(file, '/thresholds/restricted{strategy:blast}/0', 'rate=0', '"=" is not an operator (write ==)'),
  ]);
});

test('an unknown metric says "did you mean"; a group key that does not exist lists the keys', () => {
  assert.equal(issuesOf(scenario({ uniqueUserReached: ['mean>0'], 'failedByCode.13104': ['max==0'] })), [
    thresholdMsg.unknownMetric(file, '/thresholds/uniqueUserReached', 'uniqueUserReached', metricNames()),
    thresholdMsg.unknownMetricKey(file, '/thresholds/failedByCode.13104', 'failedByCode', METRIC_GROUPS.failedByCode, 'failedByCode.13104', metricNames()),
  ]);
  assert.match(issuesOf(scenario({ uniqueUserReached: ['mean>0'] }))[0].found, 'did you mean "uniqueUsersReached"?');
});

test('a scope naming a strategy or variant the scenario does not run is an error naming those it runs', () => {
  assert.equal(issuesOf(scenario({ 'restricted{strategy:tier-aware}': ['rate==0'], 'delivered{variant:cold}': ['mean>0'] })), [
    thresholdMsg.unknownScope(file, '/thresholds/restricted{strategy:tier-aware}', 'strategy', ['blast', 'careful'], 'tier-aware'),
    thresholdMsg.unknownScope(file, '/thresholds/delivered{variant:cold}', 'variant', ['clean', 'cold, blocked'], 'cold'),
  ]);
  // without variants the one variant is 'base'
  assert.equal(issuesOf(scenario({ 'delivered{variant:base}': ['mean>0'] }, { variants: undefined })), []);
});

test('a key that does not parse is an error; the schema wants lists of strings', () => {
  assert.equal(issuesOf(scenario({ 'delivered{tier:x}': ['mean>0'] })), [thresholdMsg.badKey(file, '/thresholds/delivered{tier:x}', 'delivered{tier:x}', 'unknown scope key "tier" (strategy or variant)')]);
  assert.equal(issuesOf(scenario({ delivered: 'mean>0' })), [msg.schema(file, '/thresholds/delivered', 'a value of type array', 'mean>0')]);
  assert.equal(issuesOf(scenario({ delivered: [] })).map((i) => i.pointer), ['/thresholds/delivered']);
});

test('a strategy module without a label: its name is known only when run imports it, so validate lets the scope pass', () => {
  assert.equal(issuesOf(scenario({ 'restricted{strategy:my-sender}': ['rate==0'] }, { strategies: ['blast', './my-sender.mjs'] })), []);
});

test.run();
