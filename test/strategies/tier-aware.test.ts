import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES } from '../../src/model/codes.js';
import { tierAware, tierLimit } from '../../src/strategies/index.js';
import { DAY, fake, HOUR, perDay, refused } from './fake-api.js';

/** Distinct recipients sent to per day. */
function newPerDay(sends: readonly { t: number; to?: number }[], days: number): number[] {
  return Array.from({ length: days }, (_, d) => new Set(sends.filter((s) => s.t >= d * DAY && s.t < (d + 1) * DAY).map((s) => s.to)).size);
}

test('tier names and webhook values read as limits', () => {
  assert.equal(['TIER_250', 'TIER_1K', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED', 'UNLIMITED', 'nonsense'].map(tierLimit), [250, 1000, 2000, 10_000, 100_000, Infinity, Infinity, undefined]);
  assert.equal([2000, 'UNLIMITED', undefined].map(tierLimit), [2000, Infinity, undefined]);
});

test('never more new recipients a day than 90% of the limit read from the phone number', () => {
  const f = fake(tierAware, {}, { campaigns: [{ id: 'c', count: 10_000, dailyTarget: 1000 }], phone: () => ({ whatsapp_business_manager_messaging_limit: 'TIER_250' }) });
  f.runUntil(5 * DAY);
  assert.equal(newPerDay(f.sends(), 5), [225, 225, 225, 225, 225]);
  assert.equal(perDay(f.sends(), 5), [225, 225, 225, 225, 225]);
  assert.ok(f.calls.filter((c) => c.kind === 'get').length === 5, 'one GET a window');
});

test('the daily target caps the volume under a high limit, and sends spread over the window', () => {
  const f = fake(tierAware, {}, { campaigns: [{ id: 'c', count: 10_000, dailyTarget: 400 }], phone: () => ({ whatsapp_business_manager_messaging_limit: 'TIER_10K' }) });
  f.runUntil(2 * DAY);
  assert.equal(perDay(f.sends(), 2), [400, 400]);
  const hours = new Array<number>(24).fill(0);
  for (const s of f.sends()) hours[Math.floor((s.t % DAY) / HOUR)]++;
  assert.equal(hours.slice(0, 9).concat(hours.slice(17)), new Array<number>(16).fill(0));
  for (const h of hours.slice(9, 17)) assert.ok(h >= 80 && h <= 120, `${h} in an hour`);
});

test('a business_capability_update raises the volume for the rest of the day and the next days', () => {
  const f = fake(tierAware, { poll: false }, { campaigns: [{ id: 'c', count: 10_000, dailyTarget: 1000 }] });
  f.at(DAY + 13 * HOUR, (api, s) => s.onWebhook?.(api, { kind: 'business_capability_update', maxDailyConversationsPerBusiness: 2000, at: api.now() }));
  f.runUntil(3 * DAY);
  const [d0, d1, d2] = perDay(f.sends(), 3);
  assert.is(d0, 225, 'assumed 250 until told');
  assert.ok(d1 > 225 && d1 <= 1000, `${d1}`);
  assert.is(d2, 1000);
});

test('a phone_number_quality_update current_limit updates the limit', () => {
  const f = fake(tierAware, { poll: false }, { campaigns: [{ id: 'c', count: 10_000, dailyTarget: 5000 }] });
  f.at(HOUR, (api, s) => s.onWebhook?.(api, { kind: 'phone_number_quality_update', number: 'a', event: 'UPGRADE', currentLimit: 'TIER_2K', at: api.now() }));
  f.runUntil(2 * DAY);
  assert.equal(perDay(f.sends(), 2), [1800, 1800]);
});

test('limit_reached is never retried at once: that recipient waits for the next slot', () => {
  const f = fake(tierAware, {}, {
    campaigns: [{ id: 'c', count: 1000 }],
    respond: (r) => (r.tries < 2 && r.to === 0 ? refused(ERROR_CODES.limitReached) : undefined),
  });
  f.runUntil(DAY);
  const sends = f.sends();
  assert.equal(sends.slice(0, 4).map((s) => s.to), [0, 0, 0, 1]);
  assert.ok(sends[0].t < sends[1].t && sends[1].t < sends[2].t, 'one try per slot');
  assert.is(newPerDay(sends, 1)[0], 223, 'the refused slots count against the day (225 slots, 3 for recipient 0)');
});

test.run();
