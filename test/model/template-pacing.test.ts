import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, MINUTE } from '../../src/engine/index.js';
import type { TraceRecord } from '../../src/model/index.js';
import { releaseOffsets } from '../../src/model/template-pacing.js';
import { runWith, scenario, segment, timetable } from './helpers.js';

/** A new (PENDING) marketing template sent to 1,500 users at 50/s: 1,000 go out, 500 are held. */
function pacedRun(blockProbability: number, readProbability = 0.8, pacing: Record<string, unknown> = {}): TraceRecord[] {
  return pacedRunWithResult(blockProbability, readProbability, pacing).trace;
}

function pacedRunWithResult(blockProbability: number, readProbability = 0.8, pacing: Record<string, unknown> = {}): ReturnType<typeof runWith> {
  const s = scenario({
    horizonDays: 2,
    overrides: pacing,
    portfolio: { startTier: 'TIER_10K', numbers: [{ id: 'a' }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'PENDING' }],
    audience: { segments: [segment({ id: 'list', size: 5000, blockProbability, reportProbability: 0, stopProbability: 0, readProbability, replyProbability: 0, readDelay: { exponential: { mean: 60 } }, blockDelay: { exponential: { mean: 60 } } })] },
  });
  return runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 1500 }]));
}

const kinds = (trace: TraceRecord[], kind: string): TraceRecord[] => trace.filter((r) => r.kind === kind);

test('negative feedback: the template is paused and every held message is dropped with 132015', () => {
  const trace = pacedRun(0.1);
  const start = kinds(trace, 'pacing-hold-start');
  assert.is(start.length, 1);
  assert.is(kinds(trace, 'held').length, 500);
  const verdict = kinds(trace, 'pacing-verdict')[0];
  assert.is(verdict.verdict, 'paused');
  assert.is(verdict.t, start[0].t + 15 * MINUTE, 'verdict at the end of the 15-minute window');
  const dropped = trace.filter((r) => r.kind === 'failed' && r.code === 132015);
  assert.is(dropped.length, 500);
  assert.ok(dropped.every((r) => r.t === verdict.t));
  const ids = new Set(kinds(trace, 'held').map((r) => r.id));
  assert.ok(dropped.every((r) => ids.has(r.id)), 'exactly the held messages are dropped');
  assert.is(trace.filter((r) => r.kind === 'delivered' && ids.has(r.id)).length, 0);
  const status = trace.find((r) => r.kind === 'webhook' && r.field === 'message_template_status_update');
  assert.is((status?.payload as { entry: { changes: { value: { event: string } }[] }[] }).entry[0].changes[0].value.event, 'PAUSED');
});

test('positive feedback: held messages are released in batches, every one delivered within the hour after it was sent (Meta "Template pacing": 99% within an hour, documented; seed 000: batches, reported)', () => {
  const trace = pacedRun(0);
  const verdict = kinds(trace, 'pacing-verdict')[0];
  assert.is(verdict.verdict, 'released');
  const held = new Set(kinds(trace, 'held').map((r) => r.id));
  const sentAt = new Map(kinds(trace, 'accepted').map((r) => [r.id, r.t]));
  const delivered = trace.filter((r) => r.kind === 'delivered' && held.has(r.id));
  assert.is(delivered.length, 500);
  assert.ok(delivered.every((r) => r.t >= verdict.t), 'nothing released before the verdict');
  const waits = delivered.map((r) => r.t - (sentAt.get(r.id) as number));
  assert.ok(Math.max(...waits) <= HOUR, `longest wait ${Math.max(...waits) / MINUTE} min`);
  const batches = new Set(delivered.map((r) => Math.floor((r.t - verdict.t) / (7.5 * MINUTE))));
  assert.ok(batches.size >= 5, 'spread over batches');
});

test('release batches: the first at the verdict, the last one step before releaseMinutes after the hold start', () => {
  assert.equal(releaseOffsets(60, 15, 6), [0, 7.5 * MINUTE, 15 * MINUTE, 22.5 * MINUTE, 30 * MINUTE, 37.5 * MINUTE]);
  assert.equal(releaseOffsets(60, 60, 3), [0, 0, 0], 'no time left after the window: all at the verdict');
});

test('a campaign sent across the feedback window: every released message within 60 min of its send, and a negative verdict still drops with 132015', () => {
  const run = (blockProbability: number): TraceRecord[] => {
    const s = scenario({
      horizonDays: 1,
      portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'a' }] },
      templates: [{ id: 'promo', category: 'marketing', quality: 'PENDING' }],
      audience: { segments: [segment({ id: 'list', size: 30_000, blockProbability, reportProbability: 0, stopProbability: 0, readProbability: 0.8, replyProbability: 0, readDelay: { exponential: { mean: 60 } }, blockDelay: { exponential: { mean: 60 } } })] },
    });
    // 20,000 users at 50/s: 1,000 go out, the next ~6.3 minutes of sends are held
    return runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 20_000 }])).trace;
  };
  const good = run(0);
  const held = new Set(kinds(good, 'held').map((r) => r.id));
  const sentAt = new Map(kinds(good, 'accepted').map((r) => [r.id, r.t]));
  const released = good.filter((r) => r.kind === 'delivered' && held.has(r.id));
  assert.is(released.length, held.size);
  assert.ok(released.every((r) => r.t - (sentAt.get(r.id) as number) <= HOUR));
  const bad = run(0.1);
  const heldBad = kinds(bad, 'held');
  const dropped = bad.filter((r) => r.kind === 'failed' && r.code === 132015);
  assert.ok(heldBad.length > 0);
  assert.is(dropped.length, heldBad.length, 'every held message dropped');
  const verdict = kinds(bad, 'pacing-verdict')[0];
  assert.is(verdict.verdict, 'paused');
  const sentBad = new Map(kinds(bad, 'accepted').map((r) => [r.id, r.t]));
  assert.ok(dropped.every((r) => r.t === verdict.t && r.t - (sentBad.get(r.id) as number) <= HOUR));
});

test('too little feedback by the end of the window: released anyway', () => {
  const trace = pacedRun(0, 0, { 'pacing.minSignals': 5 });
  assert.is(kinds(trace, 'pacing-verdict')[0].verdict, 'released-no-feedback');
  assert.is(trace.filter((r) => r.kind === 'failed' && r.code === 132015).length, 0);
});

test('the run summary counts each verdict, so the report can say how often a campaign was dropped', () => {
  assert.equal(pacedRunWithResult(0.1).result.summary.pacingVerdicts, { released: 0, paused: 1, noFeedback: 0 });
  assert.equal(pacedRunWithResult(0).result.summary.pacingVerdicts, { released: 1, paused: 0, noFeedback: 0 });
  assert.equal(pacedRunWithResult(0, 0, { 'pacing.minSignals': 5 }).result.summary.pacingVerdicts, { released: 0, paused: 0, noFeedback: 1 });
});

test('a template is paced once: a second campaign after the verdict goes out without holds', () => {
  const s = scenario({
    horizonDays: 2,
    portfolio: { startTier: 'TIER_10K', numbers: [{ id: 'a' }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'PENDING' }],
    audience: { segments: [segment({ id: 'list', size: 5000, blockProbability: 0, reportProbability: 0, stopProbability: 0 })] },
  });
  const { trace } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 1500 }, { day: 0, hour: 5, number: 'a', count: 1500 }]));
  const held = kinds(trace, 'held');
  assert.is(held.length, 500);
  assert.ok(held.every((r) => r.t < 5 * HOUR));
});

test('pause durations: 3 h the first time, 6 h the second, disabled the third', () => {
  const s = scenario({
    horizonDays: 2,
    portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'a' }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'HIGH' }],
    audience: { segments: [segment({ id: 'cold', size: 20_000, blockProbability: 0.2, reportProbability: 0, stopProbability: 0, blockDelay: { exponential: { mean: 60 } } })] },
  });
  // 200 sends every hour: the template goes LOW, is paused, reinstated, LOW again …
  const batches = Array.from({ length: 40 }, (_, h) => ({ day: Math.floor(h / 24), hour: h % 24, number: 'a', count: 200 }));
  const { trace, result } = runWith(s, timetable(batches));
  const statuses = trace.filter((r) => r.kind === 'template-status').map((r) => [r.status, r.hours ?? null]);
  assert.equal(statuses.slice(0, 5), [['PAUSED', 3], ['REINSTATED', null], ['PAUSED', 6], ['REINSTATED', null], ['DISABLED', null]]);
  const paused = trace.filter((r) => r.kind === 'template-status');
  assert.is(paused[1].t - paused[0].t, 3 * HOUR);
  assert.is(paused[3].t - paused[2].t, 6 * HOUR);
  assert.equal(result.summary.templates.promo.pausedHours, [3, 6]);
  assert.is(result.summary.templates.promo.finalStatus, 'DISABLED');
  assert.ok((result.summary.failedByCode['132016'] ?? 0) > 0, 'sends after disabling fail with 132016');
});

test('sends of a paused template fail with 132015 and never count toward the messaging limit', () => {
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_250', numbers: [{ id: 'a' }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'HIGH' }, { id: 'other', category: 'marketing', quality: 'HIGH' }],
    audience: { segments: [segment({ id: 'cold', size: 5000, blockProbability: 0.5, reportProbability: 0, stopProbability: 0, blockDelay: { exponential: { mean: 30 } } })] },
  });
  // 100 users at 01:00 (the template goes LOW at 02:00 and is paused), 1,000 more attempts at 03:00
  const { trace } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 100 }, { day: 0, hour: 3, number: 'a', count: 1000 }]));
  const paused = trace.find((r) => r.kind === 'template-status' && r.status === 'PAUSED');
  assert.ok(paused && paused.t < 3 * HOUR);
  const rejected = trace.filter((r) => r.kind === 'rejected' && r.t >= 3 * HOUR && r.t < paused.t + 3 * HOUR);
  assert.ok(rejected.length > 0 && rejected.every((r) => r.code === 132015));
  const counted = new Set(trace.filter((r) => r.kind === 'accepted' && r.businessInitiated).map((r) => r.recipient));
  assert.is(counted.size, 100, 'the paused attempts used none of the 250 limit');
});

test.run();
