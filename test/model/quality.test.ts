import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, createStream } from '../../src/engine/index.js';
import { createQualityState, feedbackRate, nextRating, noteDelivered, noteNegative } from '../../src/model/quality.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';
import { resolvePolicy } from '../../src/policy/index.js';
import { runWith, scenario, segment, timetable } from './helpers.js';

const policy = resolvePolicy(meta202510, {}, (n) => createStream(1, n));
const p = policy.quality;

test('thresholds (seed 003): under 1% GREEN, 1–2% YELLOW, over 2% RED; UNKNOWN until enough data', () => {
  assert.is(nextRating('UNKNOWN', 0.005, 1000, p), 'GREEN');
  assert.is(nextRating('UNKNOWN', 0.015, 1000, p), 'YELLOW');
  assert.is(nextRating('UNKNOWN', 0.03, 1000, p), 'RED');
  assert.is(nextRating('UNKNOWN', 0.03, p.minDelivered - 1, p), 'UNKNOWN');
});

test('hysteresis: a rating improves only well below the threshold', () => {
  assert.is(nextRating('YELLOW', 0.009, 1000, p), 'YELLOW'); // below 1% but above 0.8%
  assert.is(nextRating('YELLOW', 0.007, 1000, p), 'GREEN');
  assert.is(nextRating('RED', 0.019, 1000, p), 'RED');
  assert.is(nextRating('RED', 0.015, 1000, p), 'YELLOW');
  assert.is(nextRating('GREEN', 0.0101, 1000, p), 'YELLOW', 'worsening needs no margin');
});

test('recovery (MODEL.md §10): a RED or YELLOW number that sends nothing for recoveryDays is GREEN again', () => {
  const idle = p.recoveryDays * 24 * HOUR;
  assert.is(nextRating('RED', 0, 0, p, idle - HOUR), 'RED');
  assert.is(nextRating('RED', 0, 0, p, idle), 'GREEN');
  assert.is(nextRating('YELLOW', 0, 0, p, idle), 'GREEN');
  assert.is(nextRating('UNKNOWN', 0, 0, p, idle), 'UNKNOWN', 'no data is not a rating');
});

test('feedback is recency weighted: a block 48 h old counts half as much (half-life 48 h)', () => {
  const q = createQualityState(policy);
  noteDelivered(q, 0);
  noteNegative(q, 0, 1);
  const fresh = feedbackRate(q, 0, p).rate;
  const q2 = createQualityState(policy);
  noteDelivered(q2, 48 * HOUR);
  noteNegative(q2, 0, 1);
  assert.is(fresh, 1);
  assert.ok(Math.abs(feedbackRate(q2, 48 * HOUR, p).rate - 0.5) < 1e-12);
});

test('feedback older than 7 days is forgotten', () => {
  const q = createQualityState(policy);
  noteDelivered(q, 0);
  noteNegative(q, 0, 1);
  assert.equal(feedbackRate(q, 7 * 24 * HOUR, p), { rate: 0, delivered: 0 });
});

test('a cold list drives a number GREEN/UNKNOWN → RED, each change a QUALITY_UPDATED webhook in Meta\'s shape', () => {
  const s = scenario({
    horizonDays: 2,
    audience: { segments: [segment({ id: 'cold', size: 1000, blockProbability: 0.05, blockDelay: { exponential: { mean: 600 } } })] },
    campaigns: [{ id: 'c', template: 'promo', segment: 'cold' }],
  });
  const { trace } = runWith(s, timetable([{ day: 0, hour: 0, number: 'a', count: 250 }]));
  const changes = trace.filter((r) => r.kind === 'quality').map((r) => r.rating);
  assert.is(changes[changes.length - 1], 'RED');
  const hooks = trace.filter((r) => r.kind === 'webhook' && r.field === 'phone_number_quality_update');
  assert.is(hooks.length, changes.length);
  const last = hooks[hooks.length - 1].payload as { object: string; entry: { id: string; changes: { field: string; value: Record<string, unknown> }[] }[] };
  assert.is(last.object, 'whatsapp_business_account');
  assert.equal(Object.keys(last.entry[0].changes[0].value).sort(), ['current_limit', 'current_quality_rating', 'display_phone_number', 'event', 'max_daily_conversations_per_business', 'phone_number_id', 'previous_quality_rating']);
  assert.is(last.entry[0].changes[0].value.event, 'QUALITY_UPDATED');
  assert.is(last.entry[0].changes[0].value.current_limit, 'TIER_250');
  assert.is(last.entry[0].changes[0].value.current_quality_rating, 'RED');
});

test('a clean list stays GREEN', () => {
  const { result } = runWith(scenario({ horizonDays: 2 }), timetable([{ day: 0, hour: 0, number: 'a', count: 250 }]));
  assert.is(result.summary.qualityHoursTotal.RED, 0);
  assert.is(result.summary.qualityHoursTotal.YELLOW, 0);
  assert.ok(result.summary.qualityHoursTotal.GREEN > 40);
});

test.run();
