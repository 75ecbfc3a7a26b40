import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DAY, HOUR, createStream } from '../../src/engine/index.js';
import { advanceUnanswered, createUnansweredState, noteBusinessDelivery, unansweredWeight } from '../../src/model/unanswered.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';
import { resolvePolicy } from '../../src/policy/index.js';
import { runWith, scenario, segment, timetable } from './helpers.js';

const p = resolvePolicy(meta202510, {}, (n) => createStream(1, n)).unanswered;
const noReply = new Float64Array(10).fill(-Infinity);

test('an unanswered message counts only once 48 h have passed', () => {
  const u = createUnansweredState();
  noteBusinessDelivery(u, 0, 1);
  assert.is(advanceUnanswered(u, 48 * HOUR - 1, noReply, p), 0);
  assert.is(advanceUnanswered(u, 48 * HOUR, noReply, p), 1);
});

test('a reply within 48 h keeps it off the counter; a reply after 48 h does not', () => {
  const replied = new Float64Array(10).fill(-Infinity);
  const u = createUnansweredState();
  noteBusinessDelivery(u, 0, 1);
  noteBusinessDelivery(u, 0, 2);
  replied[1] = 47 * HOUR;
  assert.is(advanceUnanswered(u, 48 * HOUR, replied, p), 1);
  replied[2] = 49 * HOUR;
  assert.is(advanceUnanswered(u, 49 * HOUR, replied, p), 1, 'the verdict on user 2 was already made');
});

test('the counter weighs as a share: nothing at or under 70% unanswered or under 100 judged, full at 85% (seed 003 zones, MODEL.md §6b)', () => {
  const weightAt = (judged: number, unanswered: number): number => {
    const u = createUnansweredState();
    const replied = new Float64Array(judged).fill(-Infinity);
    for (let i = 0; i < judged; i++) {
      noteBusinessDelivery(u, 0, i);
      if (i >= unanswered) replied[i] = HOUR;
    }
    advanceUnanswered(u, 48 * HOUR, replied, p);
    return unansweredWeight(u, p);
  };
  assert.is(weightAt(1000, 700), 0, '70% unanswered: a 30% reply ratio is safe');
  assert.is(weightAt(1000, 850), 1, '85%: full weight');
  assert.ok(Math.abs(weightAt(1000, 775) - 0.5) < 1e-9, 'linear between');
  assert.is(weightAt(99, 99), 0, 'fewer than 100 judged: not judged');
  assert.is(weightAt(10_000, 8_500), weightAt(1000, 850), 'the same share weighs the same at any volume');
});

test('a counted message stays for 30 days, then leaves', () => {
  const u = createUnansweredState();
  noteBusinessDelivery(u, 0, 1);
  assert.is(advanceUnanswered(u, 48 * HOUR + 30 * DAY - 1, noReply, p), 1);
  assert.is(advanceUnanswered(u, 48 * HOUR + 30 * DAY, noReply, p), 0);
  assert.is(u.peak, 1);
});

test('opt-in does not exempt: an explicitly opted-in, never-replying list fills the counter', () => {
  const s = scenario({ horizonDays: 5, portfolio: { startTier: 'TIER_10K', numbers: [{ id: 'a', ageDays: 400 }] }, audience: { segments: [segment({ id: 'optin', size: 3000, optIn: 'explicit', replyProbability: 0, blockProbability: 0 })] } });
  const { result } = runWith(s, timetable([{ day: 0, hour: 9, number: 'a', count: 2000 }]));
  assert.is(result.summary.unansweredPeak, 2000);
  assert.is(result.series['unanswered.a'][47 + 9], 0);
  assert.is(result.series['unanswered.a'][48 + 10], 2000);
});

test.run();
