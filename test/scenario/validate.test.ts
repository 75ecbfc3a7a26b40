import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { msg, UserInputError, type Issue } from '../../src/errors/index.js';
import { loadScenario, planVariants, validateScenarioData, LIMITS, scenarioSchema } from '../../src/scenario/index.js';
import { documentedSchema } from '../../src/scenario/documented-schema.js';

const NAMES = ['blast'];
const file = 'test.json';

function minimal(): Record<string, unknown> {
  return {
    name: 't',
    horizonDays: 2,
    portfolio: { numbers: [{ id: 'main' }] },
    templates: [{ id: 'promo', category: 'marketing' }],
    audience: { segments: [{ id: 'list', size: 100 }] },
    campaigns: [{ id: 'c', template: 'promo', segment: 'list' }],
    strategies: ['blast'],
  };
}

function issuesOf(data: unknown): Issue[] {
  try {
    validateScenarioData(data, { file, strategyNames: NAMES });
    return [];
  } catch (err) {
    if (err instanceof UserInputError) return [...err.issues];
    throw err;
  }
}

test('a minimal scenario is valid and gets its defaults', () => {
  const s = validateScenarioData(minimal(), { file, strategyNames: NAMES });
  assert.is(s.policy, 'meta-2025-10');
  assert.is(s.seeds, 1);
  assert.is(s.portfolio.numbers[0].channel, 'cloud-api');
  assert.is(s.audience.segments[0].readProbability, 0.8);
});

test('an unknown key is an error naming the key and the allowed ones', () => {
  const data = minimal();
  (data.portfolio as { numbers: object[] }).numbers = [{ id: 'main', chanel: 'cloud-api' }];
  assert.equal(issuesOf(data), [msg.unknownKey(file, '/portfolio/numbers/0', 'chanel', Object.keys(scenarioSchema.properties.portfolio.properties.numbers.items.properties))]);
});

test('horizon ≤ 0 and a probability above 1 are reported together', () => {
  const data = minimal();
  data.horizonDays = 0;
  (data.audience as { segments: object[] }).segments = [{ id: 'list', size: 100, blockProbability: 1.5 }];
  const issues = issuesOf(data);
  assert.equal(issues.map((i) => i.pointer), ['/horizonDays', '/audience/segments/0/blockProbability']);
  assert.is(issues[1].found, '1.5');
});

test('a missing required value names its pointer', () => {
  const data = minimal();
  delete data.templates;
  assert.equal(issuesOf(data), [msg.schema(file, '/templates', 'a value (required)', undefined)]);
});

test('a campaign naming a template, segment or number that does not exist', () => {
  const data = minimal();
  data.campaigns = [{ id: 'c', template: 'nope', segment: 'ghost', number: 'x' }];
  assert.equal(issuesOf(data), [
    msg.unknownRef(file, '/campaigns/0/template', 'template', ['promo'], 'nope'),
    msg.unknownRef(file, '/campaigns/0/segment', 'segment', ['list'], 'ghost'),
    msg.unknownRef(file, '/campaigns/0/number', 'phone number', ['main'], 'x'),
  ]);
});

test('a number\'s own messaging-limit tier must be a tier of the profile (a user error with its JSON pointer, exit 2), for each variant\'s profile too', () => {
  const data = minimal();
  data.portfolio = { numbers: [{ id: 'main', messagingLimitTier: 'TIER_10K' }, { id: 'old', messagingLimitTier: 'TIER_20K' }] };
  const tiers = ['TIER_250', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED'];
  assert.equal(issuesOf(data), [msg.unknownTier(file, '/portfolio/numbers/1/messagingLimitTier', 'meta-2025-10', tiers, 'TIER_20K')]);
  data.portfolio = { numbers: [{ id: 'main', messagingLimitTier: 'TIER_2K' }] };
  data.variants = [{ name: 'legacy', policy: 'meta-legacy-2025' }];
  assert.equal(issuesOf(data), [msg.unknownTier(file, '/portfolio/numbers/0/messagingLimitTier', 'meta-legacy-2025', ['TIER_250', 'TIER_1K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED'], 'TIER_2K')]);
  assert.throws(() => validateScenarioData(data, { file, strategyNames: NAMES }), (err: unknown) => err instanceof UserInputError);
});

test('a distribution whose range leaves [0, 1] is out of range for a probability', () => {
  const data = minimal();
  (data.audience as { segments: object[] }).segments = [{ id: 'list', size: 100, replyProbability: { uniform: [0.5, 1.2] } }];
  assert.equal(issuesOf(data), [msg.outOfRange(file, '/audience/segments/0/replyProbability', 0, 1, { uniform: [0.5, 1.2] })]);
});

test('sizes beyond the documented maximum are refused', () => {
  const data = minimal();
  (data.audience as { segments: object[] }).segments = [{ id: 'a', size: LIMITS.maxRecipients }, { id: 'b', size: 10 }];
  data.campaigns = [{ id: 'c', template: 'promo', segment: 'a' }];
  assert.equal(issuesOf(data), [msg.tooMany(file, '/audience/segments', 'recipients in all segments', LIMITS.maxRecipients, LIMITS.maxRecipients + 10)]);
});

test('policy overrides must name a parameter and respect its bounds', () => {
  const data = minimal();
  data.overrides = { 'limits.windowHour': 12, 'limits.windowHours': -3, 'limits.scope': 'galaxy', 'delivery.latencyMeanSeconds': { uniform: [1, 3] } };
  assert.equal(issuesOf(data), [
    { ...msg.unknownParam(file, '/overrides/limits.windowHour', 'limits.windowHour'), found: '"limits.windowHour" (did you mean "limits.windowHours"?)' },
    msg.outOfRange(file, '/overrides/limits.windowHours', 1, 720, -3),
    msg.badParamValue(file, '/overrides/limits.scope', 'one of portfolio, number', 'galaxy'),
  ]);
});

test('an unknown policy and an unknown strategy are reported', () => {
  const data = minimal();
  data.policy = 'meta-2030';
  data.strategies = ['blasst'];
  const issues = issuesOf(data);
  assert.equal(issues.map((i) => i.pointer), ['/policy', '/strategies/0']);
});

test('variants are patched by JSON pointer and re-validated', () => {
  const data = minimal();
  data.variants = [
    { name: 'cold', patch: { '/audience/segments/0/blockProbability': 0.02 } },
    { name: 'broken', patch: { '/audience/segments/0/blockProbability': 2 } },
  ];
  const s = validateScenarioData(data, { file, strategyNames: NAMES });
  assert.throws(() => planVariants(s, { file, strategyNames: NAMES }), (err: unknown) => {
    const issues = (err as UserInputError).issues;
    return issues.length === 1 && issues[0].pointer === '/audience/segments/0/blockProbability' && issues[0].file.includes('variant 1 "broken"');
  });
  data.variants = [(data.variants as object[])[0]];
  const plans = planVariants(validateScenarioData(data, { file, strategyNames: NAMES }), { file, strategyNames: NAMES });
  assert.is(plans[0].scenario.audience.segments[0].blockProbability, 0.02);
});

test('a patch into a path that does not exist is refused', () => {
  const data = minimal();
  data.variants = [{ name: 'v', patch: { '/audience/nothing/here': 1 } }];
  assert.equal(issuesOf(data), [msg.badPatch(file, '/variants/0/patch/~1audience~1nothing~1here', '/audience/nothing/here')]);
});

test('a patch index must name an existing item: no `-`, no `length`, no index at or past the end, and one bad patch is one problem', () => {
  for (const token of ['-', 'length', '1', '99999999', '01', 'x']) {
    const data = { ...minimal(), variants: [{ name: 'v', patch: { [`/audience/segments/${token}`]: { id: 'more', size: 1 } } }] };
    assert.equal(issuesOf(data), [msg.badPatchIndex(file, `/variants/0/patch/~1audience~1segments~1${token}`, '/audience/segments', 1, token)], token);
  }
  const strategies = { ...minimal(), variants: [{ name: 'v', patch: { '/strategies/-': 'blast' } }] };
  assert.equal(issuesOf(strategies), [msg.badPatchIndex(file, '/variants/0/patch/~1strategies~1-', '/strategies', 1, '-')]);
});

test('patches apply in order, each checked against the document patched so far; the failed variant is not validated further', () => {
  const s = validateScenarioData({ ...minimal(), variants: [{ name: 'v', patch: { '/audience/segments': [], '/audience/segments/0/size': 5 } }] }, { file, strategyNames: NAMES });
  try {
    planVariants(s, { file, strategyNames: NAMES });
    assert.unreachable('planVariants accepted a patch into an emptied list');
  } catch (err) {
    assert.instance(err, UserInputError);
    assert.equal((err as UserInputError).issues, [msg.badPatchIndex(file, '/variants/0/patch/~1audience~1segments~10~1size', '/audience/segments', 0, '0')]);
  }
});

test('a normal distribution with a negative sd says sd must be ≥ 0, in a segment and in an override', () => {
  const segment = minimal();
  (segment.audience as { segments: object[] }).segments = [{ id: 'list', size: 100, readProbability: { normal: { mean: 0.5, sd: -0.1, min: 0, max: 1 } } }];
  assert.equal(issuesOf(segment), [msg.negativeSd(file, '/audience/segments/0/readProbability/normal/sd', -0.1)]);
  const override = { ...minimal(), overrides: { 'limits.upgradeUtilisation': { normal: { mean: 0.5, sd: -2, min: 0, max: 1 } } } };
  assert.equal(issuesOf(override), [msg.negativeSd(file, '/overrides/limits.upgradeUtilisation/normal/sd', -2)]);
});

test('an unknown key close to a known one suggests it', () => {
  const data = { ...minimal(), horizonDay: 2 };
  delete (data as Record<string, unknown>).horizonDays;
  const issue = issuesOf(data).find((i) => i.pointer === '/horizonDay');
  assert.ok(issue);
  assert.equal(issue, msg.unknownKey(file, '', 'horizonDay', Object.keys(scenarioSchema.properties)));
  assert.match(issue.found, 'did you mean "horizonDays"?');
});

test('every bundled scenario validates', () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.includes('_broken'));
  assert.ok(files.length >= 2);
  for (const f of files) loadScenario(`scenarios/${f}`, ['blast', 'warmup', 'tier-aware', 'pacing-aware', 'multi-number', 'backoff', 'hygiene', 'engaged-first']);
});

test('known-bad fixtures fail with their expected problems', () => {
  const expectations: Record<string, string[]> = {
    'many-problems_broken.json': ['/horizonDays', '/portfolio/numbers/0/chanel', '/audience/segments/0/blockProbability'],
    'bad-refs_broken.json': ['/overrides/limits.windowHour', '/overrides/limits.windowHours', '/portfolio/numbers/1/id', '/audience/segments/0/replyProbability', '/campaigns/0/template', '/campaigns/0/startHour', '/campaigns/1/segment', '/campaigns/1/number', '/strategies/0'],
  };
  for (const [name, pointers] of Object.entries(expectations)) {
    assert.throws(() => loadScenario(`test/fixtures/${name}`, NAMES), (err: unknown) => {
      assert.equal((err as UserInputError).issues.map((i) => i.pointer), pointers);
      return true;
    });
  }
});

test('the committed schema/scenario.schema.json is the generated schema', () => {
  assert.equal(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8')), JSON.parse(JSON.stringify(documentedSchema())));
});

test.run();
