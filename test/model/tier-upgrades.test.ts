import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, DAY } from '../../src/engine/index.js';
import { runWith, scenario, segment, tierSteps, timetable } from './helpers.js';

test('a verified portfolio is reviewed and opened to TIER_2K (review delay after the start)', () => {
  const { trace } = runWith(scenario({ horizonDays: 2, portfolio: { verified: true, numbers: [{ id: 'a' }] } }), timetable([]));
  assert.equal(tierSteps(trace), [[24, 'TIER_2K', 'UPGRADE']]);
});

test('unverified: 2,000 delivered unique users in 30 days open TIER_2K one review later', () => {
  // each day an hour later than the last: yesterday's users were counted at their delivery, a moment after 09:00
  const batches = Array.from({ length: 8 }, (_, d) => ({ day: d, hour: 9 + d, number: 'a', count: 250 }));
  const { trace } = runWith(scenario({ horizonDays: 12 }), timetable(batches));
  const deliveries = trace.filter((r) => r.kind === 'delivered');
  assert.is(deliveries.length, 2000, 'exactly the limit each day');
  const steps = tierSteps(trace);
  assert.is(steps[0][1], 'TIER_2K');
  // the upgrade follows the 2,000th delivery by the review delay (24 h)
  assert.is(steps[0][0], deliveries[1999].t / HOUR + 24);
});

test('half the limit in 7 days upgrades 6 h after the criteria are met (meta-2025-10)', () => {
  const { trace } = runWith(scenario({ horizonDays: 2, portfolio: { startTier: 'TIER_2K', numbers: [{ id: 'a' }] } }), timetable([{ day: 0, hour: 1, number: 'a', count: 1000 }]));
  const thousandth = trace.filter((r) => r.kind === 'delivered')[999].t; // Meta counts the users it delivers to
  assert.equal(tierSteps(trace), [[thousandth / HOUR + 6, 'TIER_10K', 'UPGRADE']]);
});

test('999 users in 7 days is not enough', () => {
  const { trace } = runWith(scenario({ horizonDays: 3, portfolio: { startTier: 'TIER_2K', numbers: [{ id: 'a' }] } }), timetable([{ day: 0, hour: 1, number: 'a', count: 999 }]));
  assert.equal(tierSteps(trace), []);
});

test('the portfolio pool is shared: two numbers together reach the criteria', () => {
  const s = scenario({ horizonDays: 2, portfolio: { startTier: 'TIER_2K', numbers: [{ id: 'a' }, { id: 'b' }] } });
  const { trace } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 500 }, { day: 0, hour: 2, number: 'b', count: 500 }]));
  assert.is(tierSteps(trace)[0][1], 'TIER_10K');
});

test('a RED number freezes scaling for the whole portfolio ("poisons the well")', () => {
  const s = scenario({
    horizonDays: 3,
    portfolio: { startTier: 'TIER_2K', numbers: [{ id: 'clean' }, { id: 'cold' }] },
    audience: { segments: [
      segment({ id: 'clean', size: 5000, blockProbability: 0, reportProbability: 0, stopProbability: 0 }),
      segment({ id: 'cold', size: 1000, blockProbability: 0.3, blockDelay: { exponential: { mean: 60 } } }),
    ] },
    campaigns: [{ id: 'c', template: 'promo', segment: 'clean' }],
  });
  // the cold number mails 300 of the cold list at 00:00 (goes RED within hours); the clean one 1,000 at 10:00
  const { trace } = runWith(s, timetable([{ day: 0, hour: 0, number: 'cold', count: 300, first: 5000 }, { day: 0, hour: 10, number: 'clean', count: 1000, first: 0 }]));
  const red = trace.find((r) => r.kind === 'quality' && r.number === 'cold' && r.rating === 'RED');
  assert.ok(red && red.t < 10 * HOUR, 'the cold number is RED before the clean send');
  assert.equal(tierSteps(trace), [], 'no upgrade while a number is RED');
  const { trace: alone } = runWith({ ...s, portfolio: { startTier: 'TIER_2K', numbers: [{ id: 'clean' }, { id: 'cold' }] } }, timetable([{ day: 0, hour: 10, number: 'clean', count: 1000, first: 0 }]));
  assert.is(tierSteps(alone)[0][1], 'TIER_10K', 'without the cold number the portfolio upgrades');
});

test('legacy: limits are per number, upgrades 24 h after the criteria, on the 1K ladder', () => {
  const s = scenario({ policy: 'meta-legacy-2025', horizonDays: 3, portfolio: { startTier: 'TIER_1K', numbers: [{ id: 'a' }, { id: 'b' }] } });
  const { trace } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 500 }]));
  const fiveHundredth = trace.filter((r) => r.kind === 'delivered')[499].t;
  assert.equal(tierSteps(trace), [[fiveHundredth / HOUR + 24, 'TIER_10K', 'UPGRADE']]);
  assert.ok(trace.filter((r) => r.kind === 'tier' && r.event !== 'START').every((r) => r.pool === 'a'), 'number b keeps its own tier');
});

test('legacy: a number FLAGGED for 7 days drops one tier', () => {
  const s = scenario({
    policy: 'meta-legacy-2025',
    overrides: { 'quality.recoveryDays': 30 }, // idle recovery (6 days) would come first
    horizonDays: 10,
    portfolio: { startTier: 'TIER_10K', numbers: [{ id: 'a' }] },
    audience: { segments: [segment({ id: 'cold', size: 2000, blockProbability: 0.3, blockDelay: { exponential: { mean: 60 } } })] },
    campaigns: [{ id: 'c', template: 'promo', segment: 'cold' }],
  });
  const { trace } = runWith(s, timetable([{ day: 0, hour: 0, number: 'a', count: 400 }]));
  const flagged = trace.find((r) => r.kind === 'webhook' && r.field === 'phone_number_quality_update' && (r.payload as { entry: { changes: { value: { event: string } }[] }[] }).entry[0].changes[0].value.event === 'FLAGGED');
  assert.ok(flagged);
  assert.equal(tierSteps(trace), [[flagged.t / HOUR + 7 * 24, 'TIER_1K', 'DOWNGRADE']]);
});

test('meta-2025-10: low quality never lowers the limit', () => {
  const s = scenario({
    horizonDays: 10,
    portfolio: { startTier: 'TIER_10K', numbers: [{ id: 'a' }] },
    audience: { segments: [segment({ id: 'cold', size: 2000, blockProbability: 0.3, blockDelay: { exponential: { mean: 60 } } })] },
    campaigns: [{ id: 'c', template: 'promo', segment: 'cold' }],
  });
  const { trace, result } = runWith(s, timetable([{ day: 0, hour: 0, number: 'a', count: 400 }]));
  assert.ok(result.summary.qualityHoursTotal.RED > 0);
  assert.equal(tierSteps(trace), []);
});

test("seed 004 Example 1 (legacy, double-in-7-days): 1,000 new users on day 1 and on day 2 → upgraded at the end of day 2", () => {
  const s = scenario({ policy: 'meta-legacy-2025', overrides: { 'limits.upgradeRule': 'double-in-7-days' }, horizonDays: 4, portfolio: { startTier: 'TIER_1K', numbers: [{ id: 'a' }] } });
  // day 2's batch at 10:00: day 1's users stay counted 24 h after their delivery, a moment after 09:00
  const { trace } = runWith(s, timetable([{ day: 0, hour: 9, number: 'a', count: 1000 }, { day: 1, hour: 10, number: 'a', count: 1000 }]));
  assert.equal(tierSteps(trace), [[2 * 24, 'TIER_10K', 'UPGRADE']]);
});

test('seed 004 Example 2: 50, 150, 200, then 400 a day for days 4–7 → upgraded at the end of day 7', () => {
  const s = scenario({ policy: 'meta-legacy-2025', overrides: { 'limits.upgradeRule': 'double-in-7-days' }, horizonDays: 9, portfolio: { startTier: 'TIER_1K', numbers: [{ id: 'a' }] } });
  const counts = [50, 150, 200, 400, 400, 400, 400];
  const { trace } = runWith(s, timetable(counts.map((count, day) => ({ day, hour: 9, number: 'a', count }))));
  assert.equal(tierSteps(trace), [[7 * 24, 'TIER_10K', 'UPGRADE']]);
  assert.is(trace.filter((r) => r.kind === 'accepted' && r.t < 7 * DAY).length, 2000);
});

test.run();
