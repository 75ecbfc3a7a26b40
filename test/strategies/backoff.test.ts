import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES } from '../../src/model/codes.js';
import { backoff } from '../../src/strategies/index.js';
import { DAY, fake, HOUR, refused } from './fake-api.js';

/** Gaps in seconds between the sends to `to`. */
function gaps(sends: readonly { t: number; to?: number }[], to: number): number[] {
  const times = sends.filter((s) => s.to === to).map((s) => s.t);
  return times.slice(1).map((t, i) => (t - times[i]) / 1000);
}

test('131056 again and again: retries after 1, 4, 16, 64 seconds (4^X, seed 002), then it goes through', () => {
  const f = fake(backoff, {}, { campaigns: [{ id: 'c', count: 1 }], respond: (r) => (r.tries < 5 ? refused(ERROR_CODES.pairRate) : undefined) });
  f.runUntil(DAY);
  assert.equal(gaps(f.sends(), 0), [1, 4, 16, 64, 256]);
  assert.ok(f.sends().at(-1)!.response!.ok);
});

test('131049 is never retried, whether refused at once or failed in a status webhook', () => {
  const f = fake(backoff, {}, { campaigns: [{ id: 'c', count: 2 }], respond: (r) => (r.to === 0 ? refused(ERROR_CODES.marketingCap) : undefined) });
  f.runUntil(DAY);
  const accepted = f.sends().find((s) => s.to === 1)!;
  f.at(DAY + 1, (api, s) => {
    if (accepted.response?.ok) s.onStatus?.(api, { messageId: accepted.response.messageId, status: 'failed', code: ERROR_CODES.marketingCap, from: 'a', to: 1, at: api.now() });
  });
  f.runUntil(3 * DAY);
  assert.equal(f.sends().map((s) => s.to), [0, 1]);
});

test('limit_reached: no retry, and no fresh send, before an hour has passed', () => {
  let limited = true;
  const f = fake(backoff, {}, { campaigns: [{ id: 'c', count: 1000, dailyTarget: 400 }], respond: () => (limited ? refused(ERROR_CODES.limitReached) : undefined) });
  f.at(9 * HOUR + 30 * 60_000, () => (limited = false));
  f.runUntil(DAY);
  const sends = f.sends();
  assert.is(sends[0].t >= 9 * HOUR && sends[1].t - sends[0].t >= HOUR, true, `${(sends[1].t - sends[0].t) / 60_000} min`);
  assert.is(sends[1].to, 0, 'the refused recipient goes first');
});

test('gives up after maxAttempts', () => {
  const f = fake(backoff, { maxAttempts: 3 }, { campaigns: [{ id: 'c', count: 1 }], respond: () => refused(ERROR_CODES.pairRate) });
  f.runUntil(DAY);
  assert.is(f.sends().length, 3);
});

test('130429 backs the number off with jitter: nothing from it while it waits', () => {
  let n = 0;
  const f = fake(backoff, { baseSeconds: 60 }, { campaigns: [{ id: 'c', count: 2000 }], respond: () => (++n <= 2 ? refused(ERROR_CODES.throughput) : undefined) });
  f.runUntil(DAY);
  const sends = f.sends();
  const wait1 = sends[1].t - sends[0].t;
  const wait2 = sends[2].t - sends[1].t;
  assert.ok(wait1 >= 60_000 && wait1 <= 90_000, `${wait1}`);
  assert.ok(wait2 >= 120_000 && wait2 <= 180_000, `${wait2}`);
  assert.equal(sends.slice(0, 3).map((s) => s.to), [0, 0, 0]);
});

test('other retryable failures: exponential steps stretched by jitter', () => {
  const f = fake(backoff, { baseSeconds: 10, jitter: 0.5 }, { campaigns: [{ id: 'c', count: 1 }], respond: (r) => (r.tries < 4 ? refused(ERROR_CODES.throughputUpgrading) : undefined) });
  f.runUntil(DAY);
  const g = gaps(f.sends(), 0);
  assert.is(g.length, 4);
  g.forEach((s, k) => assert.ok(s >= 10 * 2 ** k && s <= 15 * 2 ** k, `step ${k}: ${s} s`));
});

test('a failed status webhook (not 131049) is retried like a refusal', () => {
  const f = fake(backoff, {}, { campaigns: [{ id: 'c', count: 1 }] });
  f.runUntil(DAY);
  const first = f.sends()[0];
  f.at(DAY, (api, s) => {
    if (first.response?.ok) s.onStatus?.(api, { messageId: first.response.messageId, status: 'failed', code: ERROR_CODES.pairRate, from: 'a', to: 0, at: api.now() });
  });
  f.runUntil(2 * DAY);
  assert.equal(f.sends().map((s) => [s.to, s.t]), [[0, first.t], [0, DAY + 1000]]);
});

test.run();
