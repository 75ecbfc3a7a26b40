import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR } from '../../src/engine/index.js';
import type { TraceRecord } from '../../src/model/index.js';
import { runWith, scenario, segment, timetable } from './helpers.js';

interface QualityUpdate {
  entry: { changes: { value: { event: string; current_limit?: string } }[] }[];
}

/** An unlimited portfolio whose number reaches 110,000 unique users from 01:00 at 50/s (about 37 minutes). */
let cachedTrace: TraceRecord[] | undefined;
function unlimitedRun(): TraceRecord[] {
  if (cachedTrace) return cachedTrace;
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_UNLIMITED', numbers: [{ id: 'a' }] },
    audience: { segments: [segment({ id: 'clean', size: 120_000, blockProbability: 0, reportProbability: 0, stopProbability: 0, readProbability: 0.8 })] },
  });
  return (cachedTrace = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 110_000 }])).trace);
}

test('throughput upgrade (Meta throughput page, documented): unlimited tier, quality GREEN, 100,000 unique users in 24 h → 1,000 MPS and a THROUGHPUT_UPGRADE webhook within 12 h of the 100,000th user', () => {
  const trace = unlimitedRun();
  const counted = trace.filter((r) => r.kind === 'accepted' && r.businessInitiated === true);
  const reachedAt = counted[100_000 - 1].t; // every recipient is new, so the 100,000th counted send is the 100,000th unique user
  const quality = trace.filter((r) => r.kind === 'quality' && r.number === 'a');
  assert.ok(quality.length > 0 && quality.every((r) => r.rating === 'GREEN'), 'the number is GREEN throughout');
  const upgrade = trace.filter((r) => r.kind === 'throughput-upgrade');
  assert.is(upgrade.length, 1);
  assert.is(upgrade[0].mps, 1000);
  const hook = trace.find((r) => r.kind === 'webhook' && r.field === 'phone_number_quality_update' && (r.payload as QualityUpdate).entry[0].changes[0].value.event === 'THROUGHPUT_UPGRADE');
  assert.ok(hook, 'a THROUGHPUT_UPGRADE webhook');
  assert.ok(hook.t > reachedAt, 'after the volume qualified');
  assert.ok(hook.t - reachedAt <= 12 * HOUR, `${(hook.t - reachedAt) / HOUR} h after the 100,000th user`);
});

test('the criteria are checked when the 24-hour unique count grows, so the upgrade is scheduled at the qualifying send, 12 h ahead', () => {
  const trace = unlimitedRun();
  const scheduled = trace.filter((r) => r.kind === 'throughput-upgrade-scheduled');
  assert.is(scheduled.length, 1);
  const qualifying = trace.filter((r) => r.kind === 'accepted' && r.businessInitiated)[99_999].t;
  assert.equal([scheduled[0].t, scheduled[0].at], [qualifying, qualifying + 12 * HOUR], 'scheduled at the 100,000th user, upgraded 12 h later');
});

test('a tier upgrade to unlimited completes the criteria: the throughput upgrade lands within 12 h of the tier change', () => {
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'a' }] },
    audience: { segments: [segment({ id: 'clean', size: 120_000, blockProbability: 0, reportProbability: 0, stopProbability: 0, readProbability: 0.8 })] },
  });
  // 100,000 users at 100K: half the limit in 7 days → unlimited 6 h later (MODEL.md §1), while the 24-h volume still qualifies
  const { trace } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 100_000 }]));
  const unlimited = trace.find((r) => r.kind === 'tier' && r.tier === 'TIER_UNLIMITED');
  const upgrade = trace.find((r) => r.kind === 'throughput-upgrade');
  assert.ok(unlimited && upgrade);
  assert.ok(upgrade.t > unlimited.t && upgrade.t - unlimited.t <= 12 * HOUR, `${(upgrade.t - unlimited.t) / HOUR} h after the tier change`);
});

test('no upgrade under 100,000 unique users in 24 h, even at the unlimited tier', () => {
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_UNLIMITED', numbers: [{ id: 'a' }] },
    audience: { segments: [segment({ id: 'clean', size: 120_000, blockProbability: 0, reportProbability: 0, stopProbability: 0 })] },
  });
  const { trace } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 99_999 }]));
  assert.is(trace.filter((r) => r.kind === 'throughput-upgrade').length, 0);
});

test.run();
