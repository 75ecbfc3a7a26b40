import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DAY, HOUR } from '../../src/engine/index.js';
import type { TraceRecord } from '../../src/model/index.js';
import { runWith, scenario, segment, timetable, type Batch } from './helpers.js';

/** Trust restrictions back on (the helper turns them off by default). */
const TRUST_ON = { 'trust.restrictScore': 2, 'trust.banScore': 4, 'trust.redDaysToRestrict': 7 };

function run(number: Record<string, unknown>, seg: Record<string, unknown>, batches: Batch[], extra: Record<string, unknown> = {}, templates?: unknown[]): { trace: TraceRecord[]; result: ReturnType<typeof runWith>['result'] } {
  return runWith(
    scenario({
      horizonDays: 4,
      overrides: { ...TRUST_ON, ...extra },
      portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'a', country: 'DE', channel: 'web-session', ...number }] },
      audience: { segments: [segment({ id: 'l', size: 20_000, blockProbability: 0, reportProbability: 0, stopProbability: 0, ...seg })] },
      ...(templates ? { templates } : {}),
    }),
    timetable(batches),
  );
}

const lastLayers = (trace: TraceRecord[]): Record<string, number> | undefined => trace.filter((r) => r.kind === 'enforcement').map((r) => r.layers as Record<string, number>)[0];

test('layer 1: an IP in another country, VoIP and a shared IP block score at registration', () => {
  const { result } = run({ connection: { ipCountry: 'US', voip: true, sharedIp: true } }, {}, []);
  assert.is(result.series['trust.a'][0], 1.5);
  const clean = run({}, {}, []).result;
  assert.is(clean.series['trust.a'][0], 0);
  const cloud = run({ channel: 'cloud-api', connection: { ipCountry: 'US', voip: true, sharedIp: true } }, {}, []).result;
  assert.is(cloud.series['trust.a'][0], 0, 'layer 1 is about app and web sessions (MODEL.md §6b): nothing on a cloud-api number');
});

test('on a cloud-api number the trust score is a risk indicator: the same blast is scored, counted over the line, never restricted (MODEL.md §6b)', () => {
  const blast = (channel: string, extra: Record<string, unknown> = {}) =>
    run({ ageDays: 0, channel }, { replyProbability: 0.05, blockProbability: 0.03, blockDelay: { exponential: { mean: 60 } } }, [{ day: 0, hour: 9, number: 'a', count: 3000 }], extra);
  const cloud = blast('cloud-api');
  assert.is(cloud.trace.filter((r) => r.kind === 'enforcement').length, 0);
  assert.is(cloud.result.summary.numbers.a.trustScoreActs, false);
  assert.ok(cloud.result.summary.numbers.a.hoursOverRestrictScore > 0, 'over the restriction line, reported as a risk');
  const turnedOn = blast('cloud-api', { 'appliesTo.trustScore': ['cloud-api'] });
  assert.ok(turnedOn.trace.some((r) => r.kind === 'enforcement' && r.path === 'trust-score'), 'a scenario can turn it on (a what-if)');
});

test('layer 3 scores nothing inside the safe zone (under 1% blocks) and the excess beyond it (seed 003)', () => {
  const layer = (blockProbability: number): number => {
    // a cloud-api number of an established portfolio: no velocity or young-number rules, so the score is layers 3 and 4
    const { result } = run({ ageDays: 400, channel: 'cloud-api' }, { replyProbability: 0.5, blockProbability, blockDelay: { exponential: { mean: 60 } } }, [{ day: 0, hour: 9, number: 'a', count: 4000 }], { 'trust.restrictScore': 1000 }, [{ id: 'promo', category: 'marketing', quality: 'HIGH' }]);
    return Math.max(...result.series['trust.a']);
  };
  const content = 0.5; // layer 4: more than 15 identical messages an hour
  assert.is(layer(0.005), content, '0.5% blocks: inside seed 003\'s safe zone, layer 3 adds nothing');
  assert.ok(layer(0.03) - content >= 1.5, '3% blocks: about 20 per 1,000 past the safe zone × 0.1');
});

test('a lifted restriction needs new evidence: no second ban while the number stays silent', () => {
  const { trace } = run({ ageDays: 0 }, { replyProbability: 0.02, blockProbability: 0.04, blockDelay: { exponential: { mean: 60 } } }, [{ day: 0, hour: 9, number: 'a', count: 3000 }], { 'trust.banScore': 1000, 'restrictions.appealRestrictedSuccess': 0, 'restrictions.softBanMaxHours': 24 });
  const bans = trace.filter((r) => r.kind === 'enforcement');
  assert.is(bans.length, 1, 'one soft ban; after it expires nothing new was sent, so nothing new is imposed');
});

test('young-number rules do not touch a new cloud-api number in an established portfolio (seed 000: it inherits the limit, no warm-up)', () => {
  const scores = (numbers: Record<string, unknown>[]) => {
    const { result } = runWith(
      scenario({ horizonDays: 2, overrides: TRUST_ON, portfolio: { startTier: 'TIER_100K', numbers }, audience: { segments: [segment({ id: 'l', size: 20_000, replyProbability: 0.5, blockProbability: 0 })] } }),
      timetable([{ day: 0, hour: 9, number: 'new', count: 3000 }]),
    );
    return Math.max(...result.series['trust.new']);
  };
  const established = scores([{ id: 'old', ageDays: 400 }, { id: 'new', ageDays: 0 }]);
  const fresh = scores([{ id: 'new', ageDays: 0 }]);
  assert.ok(established <= 0.5, `established portfolio: identical content only (${established})`);
  assert.ok(fresh - established >= 2, `a new portfolio: velocity and volume on a young number count (${fresh})`);
});

test('a young number blasting a low-reply list is soft-banned, with behaviour and block cascade as the reasons', () => {
  const { trace, result } = run({ ageDays: 0 }, { replyProbability: 0.05, blockProbability: 0.03, blockDelay: { exponential: { mean: 60 } } }, [{ day: 0, hour: 9, number: 'a', count: 3000 }]);
  const restriction = trace.find((r) => r.kind === 'enforcement');
  assert.ok(restriction, 'restricted');
  const layers = lastLayers(trace)!;
  assert.ok(layers.behaviour >= 2, 'velocity, volume on a new number and a low reply ratio');
  assert.ok(layers.blockCascade > 0.25, 'blocks per thousand');
  assert.ok(['soft', 'permanent'].includes(result.summary.ban));
});

test('the same send from an established number with a good reply rate is not restricted', () => {
  const { trace } = run({ ageDays: 400 }, { replyProbability: 0.5 }, [{ day: 0, hour: 9, number: 'a', count: 3000 }]);
  assert.is(trace.filter((r) => r.kind === 'enforcement').length, 0);
});

test('layer 4: more than 15 identical messages an hour with the same link and media; personalisation reduces it', () => {
  const batches = [{ day: 0, hour: 9, number: 'a', count: 100 }];
  const plain = run({ ageDays: 400, channel: 'cloud-api' }, { replyProbability: 0.5 }, batches, {}, [{ id: 'promo', category: 'marketing', quality: 'HIGH', sameLink: true, sameMedia: true }]).result;
  const personal = run({ ageDays: 400, channel: 'cloud-api' }, { replyProbability: 0.5 }, batches, {}, [{ id: 'promo', category: 'marketing', quality: 'HIGH', sameLink: true, sameMedia: true, personalized: true }]).result;
  assert.is(plain.series['trust.a'][9], 0.5 + 0.3 + 0.3);
  assert.ok(Math.abs(personal.series['trust.a'][9] - 1.1 * 0.3) < 1e-9);
});

test('soft bans last 24–72 h, then the number is reinstated', () => {
  for (let seed = 1; seed <= 5; seed++) {
    const { trace } = runWith(
      scenario({
        horizonDays: 6,
        overrides: { ...TRUST_ON, 'trust.banScore': 1000, 'restrictions.appealRestrictedSuccess': 0 },
        portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'a', ageDays: 0, channel: 'web-session' }] },
        audience: { segments: [segment({ id: 'l', size: 5000, replyProbability: 0.02, blockProbability: 0.04, blockDelay: { exponential: { mean: 60 } } })] },
      }),
      timetable([{ day: 0, hour: 9, number: 'a', count: 3000 }]),
      seed,
    );
    const ban = trace.find((r) => r.kind === 'enforcement' && r.enforcement === 'soft-ban')!;
    const lifted = trace.find((r) => r.kind === 'enforcement-lifted' && r.enforcement === 'soft-ban')!;
    const hours = (lifted.t - ban.t) / HOUR;
    assert.ok(hours >= 24 && hours <= 72, `seed ${seed}: ${hours} h`);
  }
});

test('a permanent ban has no timer; its appeal succeeds rarely (probability parameter)', () => {
  let reinstated = 0;
  for (let seed = 1; seed <= 20; seed++) {
    const { trace } = run({ ageDays: 0, connection: { ipCountry: 'US', voip: true } }, { replyProbability: 0.01, blockProbability: 0.06, blockDelay: { exponential: { mean: 60 } } }, [{ day: 0, hour: 9, number: 'a', count: 3000 }], { 'restrictions.appealPermanentSuccess': 0.15 });
    const ban = trace.find((r) => r.kind === 'enforcement' && r.enforcement === 'permanent-ban');
    assert.ok(ban, `seed ${seed}`);
    assert.is(ban.until, Infinity);
    if (trace.some((r) => r.kind === 'enforcement-lifted' && r.enforcement === 'permanent-ban')) reinstated++;
  }
  assert.ok(reinstated < 10, `${reinstated} of 20 reinstated`);
});

test('RED for 7 days without improvement escalates to an account restriction (block cascade)', () => {
  const { trace } = runWith(
    scenario({
      horizonDays: 10,
      overrides: { ...TRUST_ON, 'trust.restrictScore': 1000, 'quality.recoveryDays': 30 }, // idle recovery (6 days) would come first
      portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'a', ageDays: 400, channel: 'web-session' }] },
      audience: { segments: [segment({ id: 'l', size: 2000, replyProbability: 0.6, blockProbability: 0.3, blockDelay: { exponential: { mean: 60 } } })] },
    }),
    timetable([{ day: 0, hour: 0, number: 'a', count: 300 }]),
  );
  const red = trace.find((r) => r.kind === 'quality' && r.rating === 'RED')!;
  const restriction = trace.find((r) => r.kind === 'enforcement')!;
  assert.is(restriction.enforcement, 'account-restriction');
  assert.is(restriction.reason, 'BLOCK_CASCADE');
  assert.ok(Math.abs(restriction.t - red.t - 7 * DAY) <= HOUR);
});

test('a metadata change puts every number under a 48-hour review: no sends', () => {
  const s = scenario({ horizonDays: 4, portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'a' }, { id: 'b' }], metadataChanges: [{ atHour: 10, kind: 'new-card-other-region' }] } });
  const { trace, result } = runWith(s, timetable([{ day: 1, hour: 0, number: 'b', count: 20 }, { day: 2, hour: 11, number: 'a', count: 20 }]));
  const reviews = trace.filter((r) => r.kind === 'enforcement' && r.enforcement === 'review');
  assert.is(reviews.length, 2);
  assert.is(result.summary.failedByCode['131031'], 20, 'sends during the review fail');
  assert.is(result.summary.delivered, 20, 'sends after 48 h go out');
});

test('a general-purpose AI chatbot: a warning, then a permanent restriction', () => {
  const s = scenario({ horizonDays: 10, portfolio: { numbers: [{ id: 'a' }], generalPurposeAiBot: true, aiDetectionHour: 24, autoAppeal: false } });
  const { trace } = runWith(s, timetable([]));
  const warning = trace.find((r) => r.kind === 'ai-policy-warning')!;
  assert.is(warning.t, 24 * HOUR);
  assert.is(warning.templateCreationBlockedUntil, 48 * HOUR);
  const ban = trace.find((r) => r.kind === 'enforcement')!;
  assert.equal([ban.enforcement, ban.reason, ban.t], ['permanent-ban', 'AI_POLICY', 24 * HOUR + 7 * DAY]);
});

test.run();
