import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MINUTE, SECOND, createStream, exponential } from '../../src/engine/index.js';
import type { TraceRecord } from '../../src/model/index.js';
import { liveRun } from './live-run.js';
import { runWith, scenario, segment, timetable } from './helpers.js';

const kinds = (trace: readonly TraceRecord[], kind: string): TraceRecord[] => trace.filter((r) => r.kind === kind);

test('a delivery happens exactly the drawn platform latency after the send (exponential, mean delivery.latencyMeanSeconds = 2 s, an estimate), and deliveries run in time order, not send order', () => {
  const { ctx, trace, advance } = liveRun({ portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'a' }] } });
  const t0 = ctx.sim.now;
  const mark = trace.length;
  const ids = [0, 1, 2, 3, 4, 5].map((r) => ctx.api.sendTemplate('a', r, 'promo')).map((s) => (s.ok ? s.messageId : -1));
  advance(MINUTE);
  // the run sent nothing before, so its 'delivery' stream is fresh: the same draws, in send order
  const rng = createStream(1, 'delivery');
  const latency = ids.map(() => Math.round(exponential(rng, 2) * SECOND));
  const delivered = kinds(trace.slice(mark), 'delivered').map((r) => [r.t - t0, r.id]);
  const expected = ids.map((id, k) => [latency[k], id]).sort((a, b) => a[0] - b[0]);
  assert.equal(delivered, expected);
  assert.ok(delivered.some(([, id], k) => id !== ids[k]), `the draws (${latency.join(', ')} ms) reorder the messages`);
});

test('in a traced campaign each message\'s events come in time order: accepted, delivered after the latency, then read, reply, block …', () => {
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_10K', numbers: [{ id: 'a' }] },
    audience: { segments: [segment({ id: 'l', size: 2000, readProbability: 0.8, replyProbability: 0.2, blockProbability: 0.02, reportProbability: 0.005, stopProbability: 0.01, readDelay: { exponential: { mean: 60 } }, replyDelay: { exponential: { mean: 300 } }, blockDelay: { exponential: { mean: 120 } } })] },
  });
  const { trace } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 1000 }]));
  assert.ok(trace.every((r, i) => i === 0 || r.t >= trace[i - 1].t), 'the whole trace is in time order');
  const sentAt = new Map(kinds(trace, 'accepted').map((r) => [r.id, r.t]));
  const deliveredAt = new Map(kinds(trace, 'delivered').map((r) => [r.id, r.t]));
  assert.equal([sentAt.size, deliveredAt.size], [1000, 1000]);
  const latencies = [...deliveredAt].map(([id, t]) => t - (sentAt.get(id) as number));
  const mean = latencies.reduce((a, b) => a + b, 0) / latencies.length / SECOND;
  assert.ok(latencies.every((l) => l >= 0) && mean > 1.75 && mean < 2.25, `mean latency ${mean} s (2 s ± 4 standard errors)`);
  const late = ['read', 'reply', 'block', 'report', 'stop'].flatMap((k) => kinds(trace, k));
  assert.ok(late.length > 800, `${late.length} reactions`);
  assert.equal(late.filter((r) => !(r.t >= (deliveredAt.get(r.id) as number))), [], 'no reaction before its message was delivered');
});

test('with no latency (delivery.latencyMeanSeconds 0) a message is delivered at the instant it was sent', () => {
  const { trace } = runWith(scenario({ horizonDays: 1, overrides: { 'delivery.latencyMeanSeconds': 0 } }), timetable([{ day: 0, hour: 1, number: 'a', count: 50 }]));
  const sentAt = new Map(kinds(trace, 'accepted').map((r) => [r.id, r.t]));
  assert.equal(kinds(trace, 'delivered').map((r) => r.t - (sentAt.get(r.id) as number)), Array(50).fill(0));
});

test.run();
