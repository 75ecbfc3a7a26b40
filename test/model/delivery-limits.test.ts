import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, MINUTE, SECOND, createStream } from '../../src/engine/index.js';
import { admitPair } from '../../src/model/pair-rate.js';
import { createMarketingState, isRetryAfterCap, marketingCapped } from '../../src/model/marketing-cap.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';
import { resolvePolicy } from '../../src/policy/index.js';
import type { StrategyDefinition } from '../../src/strategies/index.js';
import { runWith, scenario, segment } from './helpers.js';
import type { NumberState } from '../../src/model/state/index.js';

const policy = resolvePolicy(meta202510, {}, (n) => createStream(1, n));
const pairNumber = (): NumberState => ({ pairTat: null }) as unknown as NumberState;

test('seed 002: a burst of 45 to one user is allowed, the 46th fails (131056)', () => {
  const n = pairNumber();
  const results = Array.from({ length: 46 }, () => admitPair(n, 0, 1, 0, policy.pairRate));
  assert.is(results.filter(Boolean).length, 45);
  assert.is(results[45], false);
});

test('seed 002: a burst of 20 borrows ~2 minutes: full burst capacity returns at 120 s, not before', () => {
  const burstAfter = (wait: number): number => {
    const n = pairNumber();
    for (let i = 0; i < 20; i++) admitPair(n, 0, 1, 0, policy.pairRate);
    let ok = 0;
    for (let i = 0; i < 45; i++) if (admitPair(n, 0, 1, wait, policy.pairRate)) ok++;
    return ok;
  };
  assert.is(burstAfter(2 * MINUTE), 45);
  assert.is(burstAfter(2 * MINUTE - SECOND), 44);
});

test('sustained: one message per 6 s to one user passes forever', () => {
  const n = pairNumber();
  for (let i = 0; i < 1000; i++) assert.ok(admitPair(n, 7, 10, i * 6 * SECOND, policy.pairRate));
});

test('marketing cap: the third marketing message in 24 h without a reply fails (131049); a reply allows one more', () => {
  const m = createMarketingState(1);
  const rng = createStream(1, 'm');
  assert.is(marketingCapped(m, 0, 0, 0, policy.marketingCap, rng), false);
  assert.is(marketingCapped(m, 0, MINUTE, 0, policy.marketingCap, rng), false);
  assert.is(marketingCapped(m, 0, 2 * MINUTE, 0, policy.marketingCap, rng), true);
  m.lastReply[0] = 3 * MINUTE;
  assert.is(marketingCapped(m, 0, 4 * MINUTE, 0, policy.marketingCap, rng), false);
});

test('marketing cap: a saturated user stays capped for saturationHours, so a retry cannot win a fresh draw', () => {
  const m = createMarketingState(1);
  const rng = createStream(1, 'm');
  const busy = 50; // other brands' messages a day: the first draw saturates the user
  assert.is(marketingCapped(m, 0, 0, busy, policy.marketingCap, rng), true);
  // even with no cross-brand traffic, the user stays saturated until the period ends
  for (let t = MINUTE; t < policy.marketingCap.saturationHours * HOUR; t += HOUR) assert.is(marketingCapped(m, 0, t, 0, policy.marketingCap, rng), true);
  assert.is(marketingCapped(m, 0, policy.marketingCap.saturationHours * HOUR, 0, policy.marketingCap, rng), false);
});

test('marketing cap: a send minutes after a 131049 is a retry; the next day\'s campaign is not', () => {
  const m = createMarketingState(1);
  m.last131049[0] = 0;
  assert.is(isRetryAfterCap(m, 0, 5 * MINUTE, policy.marketingCap), true);
  assert.is(isRetryAfterCap(m, 0, 24 * HOUR, policy.marketingCap), false);
});

/** Sends `perSecond` templates of `template` to recipients 0..n-1 each second for `seconds`. */
function firehose(perSecond: number, seconds: number, template: string, sameUser = false): StrategyDefinition {
  return {
    name: 'firehose',
    description: 'test',
    source: 'test',
    params: {},
    create: () => {
      let next = 0;
      const tick = (api: Parameters<NonNullable<ReturnType<StrategyDefinition['create']>['onWake']>>[0]): void => {
        for (let i = 0; i < perSecond; i++) api.sendTemplate('a', sameUser ? 0 : next++, template);
        if (api.now() < seconds * SECOND) api.wakeAt(api.now() + SECOND, 'tick');
      };
      return { onCampaignStart: tick, onWake: tick };
    },
  };
}

test('throughput: delivered and accepted messages never exceed 80 per second; the rest fail with 130429', () => {
  const s = scenario({ horizonDays: 1, portfolio: { startTier: 'TIER_UNLIMITED', numbers: [{ id: 'a' }] } });
  const { trace, result } = runWith(s, firehose(120, 20, 'promo'));
  const perSecond = new Map<number, number>();
  for (const r of trace.filter((x) => x.kind === 'accepted')) perSecond.set(Math.floor(r.t / SECOND), (perSecond.get(Math.floor(r.t / SECOND)) ?? 0) + 1);
  assert.ok(Math.max(...perSecond.values()) <= 80);
  assert.is(result.summary.failedByCode['130429'], 21 * 40);
});

test('coexistence numbers get 20 MPS', () => {
  const s = scenario({ horizonDays: 1, overrides: { 'coexistence.broadcast131056Probability': 0 }, portfolio: { startTier: 'TIER_UNLIMITED', numbers: [{ id: 'a', channel: 'coexistence' }] } });
  const { result } = runWith(s, firehose(30, 5, 'promo'));
  assert.is(result.summary.accepted, 6 * 20);
});

test('131049 appears only for marketing templates, even when utility goes to the same saturated users', () => {
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_UNLIMITED', numbers: [{ id: 'a' }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'HIGH' }, { id: 'receipt', category: 'utility', quality: 'HIGH' }],
    audience: { segments: [segment({ id: 'busy', size: 2000, marketingFromOthersPerDay: 6, blockProbability: 0 })] },
  });
  const marketing = runWith(s, firehose(50, 20, 'promo')).result.summary.failedByCode;
  const utility = runWith(s, firehose(50, 20, 'receipt')).result.summary.failedByCode;
  assert.ok((marketing['131049'] ?? 0) > 500, 'saturated users refuse most marketing');
  assert.is(utility['131049'], undefined);
});

test('retrying a 131049 within a day is recorded as an aggressive retry', () => {
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_UNLIMITED', numbers: [{ id: 'a' }] },
    audience: { segments: [segment({ id: 'busy', size: 100, marketingFromOthersPerDay: 20, blockProbability: 0 })] },
  });
  const retrier: StrategyDefinition = {
    name: 'retrier', description: 'test', source: 'test', params: {},
    create: () => ({
      onCampaignStart(api) {
        for (let r = 0; r < 10; r++) api.sendTemplate('a', r, 'promo');
      },
      onStatus(api, u) {
        if (u.status === 'failed' && u.code === 131049 && api.now() < 10 * MINUTE) api.wakeAt(api.now() + 7 * SECOND, String(u.to));
      },
      onWake(api, tag) {
        api.sendTemplate('a', Number(tag), 'promo');
      },
    }),
  };
  const { result } = runWith(s, retrier);
  assert.ok(result.summary.aggressiveRetries > 10);
});

test('pair rate in a run: hammering one user yields 131056 after the burst', () => {
  const s = scenario({ horizonDays: 1, portfolio: { startTier: 'TIER_UNLIMITED', numbers: [{ id: 'a' }] } });
  const { result } = runWith(s, firehose(10, 10, 'promo', true));
  // 10 a second for 11 s: a burst of 45 (t = 0–4 s), then one more when 6 s of quota come back (t = 6 s)
  assert.is(result.summary.accepted, 46);
  assert.ok(result.summary.failedByCode['131056'] > 0);
});

test.run();
