import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR } from '../../src/engine/index.js';
import type { TraceRecord } from '../../src/model/index.js';
import { QUALITY_CODES, STATUS_CODES } from '../../src/model/series-codes.js';
import { runWith, scenario, segment, timetable } from './helpers.js';

/** n copies of v. */
const rep = <T>(v: T, n: number): T[] => Array<T>(n).fill(v);

/** The hour-end steps in a trace: (hour, kind, who, what) of rating changes, template changes and tier checks. */
const STEP_KINDS = ['quality', 'template-quality', 'template-status', 'upgrade-scheduled', 'tier'];
const steps = (trace: readonly TraceRecord[]): [number, string, unknown, unknown][] =>
  trace.filter((r) => STEP_KINDS.includes(r.kind) && r.event !== 'START').map((r) => [r.t / HOUR, r.kind, r.number ?? r.template ?? r.pool, r.rating ?? r.quality ?? r.status ?? (r.at !== undefined ? Number(r.at) / HOUR : r.tier)]);

test('one hour end runs its steps in order: number rating, template quality (a LOW template is paused), …, the tier check — so a number that recovers frees the upgrade in the same hour (hour-end.ts)', () => {
  // a TIER_2K portfolio: "cold" mails 300 of a cold list at 00:00 (RED at the first hour end) and
  // forgets it after a day (lookback and idle recovery of 1 day); "clean" reaches the upgrade
  // criteria (1,000 users) at 10:00, while cold is RED
  const s = scenario({
    horizonDays: 2,
    overrides: { 'quality.lookbackDays': 1, 'quality.recoveryDays': 1 },
    portfolio: { startTier: 'TIER_2K', numbers: [{ id: 'clean' }, { id: 'cold' }] },
    audience: { segments: [
      segment({ id: 'clean', size: 5000, blockProbability: 0, reportProbability: 0, stopProbability: 0 }),
      segment({ id: 'cold', size: 1000, blockProbability: 0.3, blockDelay: { exponential: { mean: 60 } } }),
    ] },
    campaigns: [{ id: 'c', template: 'promo', segment: 'clean' }],
  });
  const { trace, result } = runWith(s, timetable([{ day: 0, hour: 0, number: 'cold', count: 300, first: 5000 }, { day: 0, hour: 10, number: 'clean', count: 1000, first: 0 }]));
  assert.equal(steps(trace), [
    [1, 'quality', 'cold', 'RED'],
    [1, 'template-quality', 'promo', 'LOW'],
    [1, 'template-status', 'promo', 'PAUSED'],
    [4, 'template-status', 'promo', 'REINSTATED'],
    [11, 'quality', 'clean', 'GREEN'],
    [11, 'template-quality', 'promo', 'HIGH'],
    // the number's rating comes before the tier check of the same hour: the upgrade is scheduled at
    // 25:00, the hour cold is GREEN again, and applied 6 h later (upgradeDelayHours)
    [25, 'quality', 'cold', 'GREEN'],
    [25, 'upgrade-scheduled', 'portfolio', 31],
    [31, 'tier', 'portfolio', 'TIER_10K'],
  ]);
  // the levels are sampled after every step: the hour ending at 31:00 already shows the new tier
  assert.equal(result.series.tierIndex, [...rep(1, 30), ...rep(2, 18)]);
  assert.equal(result.series.messagingLimit, [...rep(2000, 30), ...rep(10000, 18)]);
});

test('uniqueInWindow is sampled each hour: the users delivered to in the moving 24 h window at the hour\'s end', () => {
  const { result } = runWith(scenario({ horizonDays: 2 }), timetable([{ day: 0, hour: 1, number: 'a', count: 100 }, { day: 0, hour: 3, number: 'a', count: 50 }]));
  // sent at 01:00 and 03:00, delivered within seconds, gone 24 h after their delivery
  assert.equal(result.series.uniqueInWindow, [0, 100, 100, ...rep(150, 22), 50, 50, ...rep(0, 21)]);
});

test('messagingLimit is the tier\'s limit each hour, −1 for unlimited; tierIndex is the tier\'s index', () => {
  const levels = (startTier: string) => {
    const { result } = runWith(scenario({ horizonDays: 1, portfolio: { startTier, numbers: [{ id: 'a' }] } }), timetable([]));
    return [result.series.messagingLimit, result.series.tierIndex];
  };
  assert.equal(levels('TIER_250'), [rep(250, 24), rep(0, 24)]);
  assert.equal(levels('TIER_UNLIMITED'), [rep(-1, 24), rep(4, 24)]);
});

test('status.<id> is sampled each hour with the codes of series-codes.ts: a review from 10:30 to 58:30 reads PENDING_REVIEW (3) for hours 10–57', () => {
  const s = scenario({ horizonDays: 3, portfolio: { numbers: [{ id: 'a' }], metadataChanges: [{ atHour: 10.5, kind: 'new-card-other-region' }] } });
  const { result } = runWith(s, timetable([]));
  assert.equal(result.series['status.a'], [...rep(STATUS_CODES.CONNECTED, 10), ...rep(STATUS_CODES.PENDING_REVIEW, 48), ...rep(STATUS_CODES.CONNECTED, 14)]);
  assert.equal(result.series['status.a'].slice(9, 11), [0, 3], 'the codes are the numbers results.json holds');
});

test('quality.<id> is sampled each hour after the re-rating, with the codes of series-codes.ts (UNKNOWN 0, GREEN 1, RED 3)', () => {
  const s = scenario({
    horizonDays: 1,
    audience: { segments: [
      segment({ id: 'clean', size: 1000, blockProbability: 0, reportProbability: 0, stopProbability: 0 }),
      segment({ id: 'cold', size: 1000, blockProbability: 0.3, blockDelay: { exponential: { mean: 60 } } }),
    ] },
  });
  // 200 clean users at 00:00 (GREEN at the first hour end), 50 of the cold list at 05:00
  const { trace, result } = runWith(s, timetable([{ day: 0, hour: 0, number: 'a', count: 200 }, { day: 0, hour: 5, number: 'a', count: 50, first: 1000 }]));
  const changes = trace.filter((r) => r.kind === 'quality').map((r) => [r.t / HOUR, r.rating]);
  assert.equal(changes, [[1, 'GREEN'], [6, 'RED']]);
  assert.equal(result.series['quality.a'], [...rep(1, 5), ...rep(3, 19)], 'hours 0–4 GREEN (1), from hour 5 RED (3)');
  assert.equal([QUALITY_CODES.GREEN, QUALITY_CODES.RED], [1, 3]);
  const quiet = runWith(scenario({ horizonDays: 1 }), timetable([])).result;
  assert.equal(quiet.series['quality.a'], rep(QUALITY_CODES.UNKNOWN, 24), 'no data: UNKNOWN (0) every hour');
});

test.run();
