import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES } from '../../src/model/codes.js';
import { warmup, warmupVolume } from '../../src/strategies/index.js';
import { DAY, fake, HOUR, perDay, refused } from './fake-api.js';

test('day volumes are 30, 30, 30, 60, 60, 60, 120, … capped at the daily target (seed 003)', () => {
  const f = fake(warmup, {}, { campaigns: [{ id: 'c', count: 5000, dailyTarget: 200 }] });
  f.runUntil(12 * DAY);
  assert.equal(perDay(f.sends(), 12), [30, 30, 30, 60, 60, 60, 120, 120, 120, 200, 200, 200]);
  assert.equal([0, 2, 3, 6, 9, 12].map((d) => warmupVolume(d, 30, 3, 1e9)), [30, 30, 60, 120, 240, 480]);
});

test('known contacts first: recipients go out in index order, each once', () => {
  const f = fake(warmup, {}, { campaigns: [{ id: 'c', first: 100, count: 150 }] });
  f.runUntil(10 * DAY);
  assert.equal(f.sends().map((s) => s.to), Array.from({ length: 150 }, (_, i) => 100 + i));
});

test('sends fall inside the 09:00–17:00 window at jittered, never constant, intervals', () => {
  const f = fake(warmup, {}, { campaigns: [{ id: 'c', count: 5000 }] });
  f.runUntil(3 * DAY);
  const times = f.sends().map((s) => s.t);
  for (const t of times) assert.ok(t % DAY >= 9 * HOUR && t % DAY < 17 * HOUR, `${t % DAY}`);
  const gaps = times.slice(1).map((t, i) => t - times[i]).filter((g) => g < 8 * HOUR);
  const mean = gaps.reduce((a, b) => a + b, 0) / gaps.length;
  const sd = Math.sqrt(gaps.reduce((a, g) => a + (g - mean) ** 2, 0) / gaps.length);
  assert.ok(sd / mean > 0.2, `coefficient of variation ${sd / mean}`);
  assert.ok(new Set(gaps).size > gaps.length * 0.9, 'gaps vary');
});

test('the window and the jitter are parameters; the same seed gives the same trace', () => {
  const run = (seed: number): number[] => {
    const f = fake(warmup, { windowStartHour: 20, windowHours: 2 }, { campaigns: [{ id: 'c', count: 100 }], seed });
    f.runUntil(2 * DAY);
    return f.sends().map((s) => s.t);
  };
  assert.equal(run(1), run(1));
  assert.not.equal(run(1), run(2));
  for (const t of run(1)) assert.ok(t % DAY >= 20 * HOUR && t % DAY < 22 * HOUR);
});

test('a campaign starting after the window closes begins with the next window', () => {
  const f = fake(warmup, {}, { campaigns: [{ id: 'c', count: 100, startAt: 18 * HOUR }] });
  f.runUntil(2 * DAY);
  assert.equal(perDay(f.sends(), 2), [0, 30]);
});

test('a recipient refused with limit_reached is kept for the next slot; no second try in the same wake-up', () => {
  let first = true;
  const f = fake(warmup, {}, {
    campaigns: [{ id: 'c', count: 40 }],
    respond: () => (first ? ((first = false), refused(ERROR_CODES.limitReached)) : undefined),
  });
  f.runUntil(DAY);
  const sends = f.sends();
  assert.equal(sends.slice(0, 3).map((s) => s.to), [0, 0, 1]);
  assert.ok(sends[1].t > sends[0].t);
});

test('nothing goes out from a number restricted by account_update until the restriction ends', () => {
  const f = fake(warmup, {}, { campaigns: [{ id: 'c', count: 5000, dailyTarget: 30 }] });
  f.at(0, (api, s) => s.onWebhook?.(api, { kind: 'account_update', number: 'a', event: 'ACCOUNT_RESTRICTION', until: DAY + 12 * HOUR, at: 0 }));
  f.runUntil(3 * DAY);
  assert.equal(perDay(f.sends(), 3)[0], 0);
  for (const s of f.sends()) assert.ok(s.t >= DAY + 12 * HOUR);
});

test('thousands of sends a day use at most two pending wake-ups and about one wake-up a minute', () => {
  const f = fake(warmup, { startPerDay: 5000 }, { campaigns: [{ id: 'c', count: 5000 }] });
  f.runUntil(DAY);
  assert.is(f.sends().length, 5000);
  assert.ok(f.stats.maxPending <= 2, `${f.stats.maxPending}`);
  assert.ok(f.stats.wakes <= 8 * 60 + 10, `${f.stats.wakes}`);
});

test.run();
