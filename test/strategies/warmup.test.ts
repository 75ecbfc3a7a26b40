import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES } from '../../src/model/codes.js';
import { SEED_003_SCHEDULE, warmup, warmupVolume } from '../../src/strategies/index.js';
import { DAY, fake, HOUR, perDay, refused } from './fake-api.js';

test("day volumes follow seed 003's schedule: 20–50 on days 1–3, 50–100 on days 4–7, 100–200 on days 8–14, then gradual growth", () => {
  const f = fake(warmup, {}, { campaigns: [{ id: 'c', count: 10_000 }] });
  f.runUntil(18 * DAY);
  const days = perDay(f.sends(), 18);
  assert.equal(days, [20, 35, 50, 62, 75, 87, 100, 114, 128, 142, 157, 171, 185, 200, 220, 242, 266, 292]);
  const within = (from: number, to: number, lo: number, hi: number): void => {
    for (const v of days.slice(from - 1, to)) assert.ok(v >= lo && v <= hi, `days ${from}–${to}: ${v} outside ${lo}–${hi}`);
  };
  within(1, 3, 20, 50);
  within(4, 7, 50, 100);
  within(8, 14, 100, 200);
  for (let d = 14; d < days.length; d++) assert.ok(days[d] > days[d - 1] && days[d] <= days[d - 1] * 1.1 + 1, `day ${d + 1} grows gradually: ${days[d]}`);
});

test('the schedule is capped at the daily target', () => {
  const f = fake(warmup, {}, { campaigns: [{ id: 'c', count: 5000, dailyTarget: 80 }] });
  f.runUntil(10 * DAY);
  assert.equal(perDay(f.sends(), 10), [20, 35, 50, 62, 75, 80, 80, 80, 80, 80]);
});

test('warmupVolume interpolates between the band ends and compounds after the last one', () => {
  assert.equal([0, 1, 2, 3, 6, 7, 13, 14, 15].map((d) => warmupVolume(d, SEED_003_SCHEDULE, 1e9)), [20, 35, 50, 62, 100, 114, 200, 220, 242]);
  const flat = { startPerDay: 30, knots: [[3, 30], [7, 60]] as const, growthAfter: 0 };
  assert.equal([0, 2, 4, 6, 20].map((d) => warmupVolume(d, flat, 1e9)), [30, 30, 45, 60, 60]);
});

test('the band ends are parameters', () => {
  const f = fake(warmup, { startPerDay: 40, day3PerDay: 40, day7PerDay: 80, day14PerDay: 150, growthAfter: 0 }, { campaigns: [{ id: 'c', count: 5000 }] });
  f.runUntil(16 * DAY);
  assert.equal(perDay(f.sends(), 16), [40, 40, 40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 140, 150, 150, 150]);
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
  assert.equal(perDay(f.sends(), 2), [0, 20]);
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
  const f = fake(warmup, {}, { campaigns: [{ id: 'c', count: 5000, dailyTarget: 20 }] });
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
