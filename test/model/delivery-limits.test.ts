import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MINUTE, SECOND } from '../../src/engine/index.js';
import type { StrategyDefinition } from '../../src/strategies/index.js';
import { runWith, scenario, segment } from './helpers.js';

// The module rules of pair-rate.ts and marketing-cap.ts are tested in pair-rate.test.ts and marketing-cap.test.ts.

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
