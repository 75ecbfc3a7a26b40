/**
 * src/model/feedback.ts — what recipients do (MODEL.md §8): reads, replies, blocks, reports, STOP
 * and spontaneous inbound messages; replies, STOP and inbound open the customer-service window
 * (Meta "Customer service windows", documented), blocks close the number to the user and feed the
 * quality rating (MODEL.md §2).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, SECOND } from '../../src/engine/index.js';
import type { TraceRecord } from '../../src/model/index.js';
import { runWith, scenario, script, segment, sendOutcomes, steady, type Seen, type Step } from './helpers.js';

const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
const quiet = { blockProbability: 0, reportProbability: 0, stopProbability: 0, readProbability: 0, replyProbability: 0 };

test('a reply opens a 24-hour customer-service window with the number: free-form text is accepted from the reply to 1 ms before its end, then 131047 again', () => {
  const s = scenario({ horizonDays: 3, audience: { segments: [segment({ id: 'l', size: 10, ...quiet, replyProbability: 1, replyDelay: { exponential: { mean: 600 } } })] } });
  const seen: Seen[] = [];
  const react = (m: { at: number; from: number; kind: string }): Step[] => [{ at: m.at, to: m.from }, { at: m.at + 24 * HOUR - 1, to: m.from }, { at: m.at + 24 * HOUR, to: m.from }];
  const { trace } = runWith(s, script([{ at: HOUR, to: 0, template: 'promo' }, { at: HOUR + SECOND, to: 0 }], seen, react));
  const reply = trace.filter((r) => r.kind === 'reply');
  assert.equal(reply.map((r) => r.recipient), [0]);
  assert.equal(seen.map((x) => [x.t - reply[0].t, x.event, x.outcome]).slice(1), [
    [HOUR + SECOND - reply[0].t, 'send', 131047], // before the reply: no window
    [0, 'inbound', 'reply'],
    [0, 'send', 'accepted'],
    [24 * HOUR - 1, 'send', 'accepted'],
    [24 * HOUR, 'send', 131047],
  ]);
});

test('a template inside the window is not business-initiated: it counts toward no limit (Meta "Messaging limits", documented)', () => {
  const s = scenario({ horizonDays: 1, audience: { segments: [segment({ id: 'l', size: 10, ...quiet, replyProbability: 1, replyDelay: { exponential: { mean: 60 } } })] } });
  const react = (m: { at: number; from: number }): Step[] => (m.at < 2 * HOUR ? [{ at: 2 * HOUR, to: m.from, template: 'promo' }] : []);
  const { trace } = runWith(s, script([{ at: HOUR, to: 0, template: 'promo' }], [], react));
  assert.equal(trace.filter((r) => r.kind === 'accepted').map((r) => [r.t, r.recipient, r.businessInitiated]), [[HOUR, 0, true], [2 * HOUR, 0, false]]);
});

test('reads and replies are counted; a reply implies a read (MODEL.md §8)', () => {
  const run = (readProbability: number, replyProbability: number): number[] => {
    const s = scenario({ horizonDays: 1, audience: { segments: [segment({ id: 'l', size: 10, ...quiet, readProbability, replyProbability })] } });
    const { result } = runWith(s, script(steady(HOUR, 0, 10, 'promo')));
    return [result.summary.delivered, result.summary.read, result.summary.replies];
  };
  assert.equal(run(1, 0), [10, 10, 0]);
  assert.equal(run(0, 1), [10, 10, 10]);
  assert.equal(run(0, 0), [10, 0, 0]);
});

test('a block closes that number to the user: later templates from it fail with 131026 at delivery, while another number still reaches them', () => {
  const s = scenario({
    horizonDays: 1,
    portfolio: { numbers: [{ id: 'a' }, { id: 'b' }] },
    audience: { segments: [segment({ id: 'l', size: 10, ...quiet, blockProbability: 1, blockReasons: { offensive: 1 }, blockDelay: { exponential: { mean: 1 } } })] },
  });
  const seen: Seen[] = [];
  const { trace, result } = runWith(s, script([...steady(HOUR, 0, 5, 'promo', 'a'), ...steady(2 * HOUR, 0, 5, 'promo', 'a'), ...steady(3 * HOUR, 0, 5, 'promo', 'b')], seen));
  assert.equal(trace.filter((r) => r.kind === 'block').map((r) => [r.number, Math.floor(r.t / HOUR)]).sort(), [...times(5, ['a', 1]), ...times(5, ['b', 3])]);
  assert.equal(sendOutcomes(seen), times(15, 'accepted'));
  const ends = trace.filter((r) => r.kind === 'delivered' || r.kind === 'failed').map((r) => [r.number, Math.floor(r.t / HOUR), r.code ?? 'delivered']);
  assert.equal(ends.sort(), [...times(5, ['a', 1, 'delivered']), ...times(5, ['a', 2, 131026]), ...times(5, ['b', 3, 'delivered'])]);
  assert.equal(result.summary.blocksByReason, { offensive: 10 }, 'each user blocks each number once');
});

test('a spam report implies a block (reason spam): counted as both, and later sends fail with 131026', () => {
  const s = scenario({ horizonDays: 1, audience: { segments: [segment({ id: 'l', size: 10, ...quiet, reportProbability: 1, blockDelay: { exponential: { mean: 1 } } })] } });
  const { trace, result } = runWith(s, script([...steady(HOUR, 0, 5, 'promo'), ...steady(2 * HOUR, 0, 5, 'promo')]));
  assert.equal([result.summary.reports, result.summary.blocks, result.summary.blocksByReason], [5, 5, { spam: 5 }]);
  assert.equal(trace.filter((r) => r.kind === 'block').length, 0, 'one event per user: the report');
  assert.equal(trace.filter((r) => r.kind === 'failed').map((r) => r.code), times(5, 131026));
});

test('STOP (marketing only) opens the window and marks the user stopped: free-form text is then accepted, and a stopped user never sends STOP again', () => {
  const s = scenario({
    horizonDays: 2,
    templates: [{ id: 'promo', category: 'marketing', quality: 'HIGH' }, { id: 'receipt', category: 'utility', quality: 'HIGH' }],
    audience: { segments: [segment({ id: 'l', size: 10, ...quiet, stopProbability: 1, replyDelay: { exponential: { mean: 60 } } })] },
  });
  const seen: Seen[] = [];
  const react = (m: { at: number; from: number }): Step[] => [{ at: m.at, to: m.from }];
  const steps = [...steady(HOUR, 0, 5, 'promo'), ...steady(HOUR, 5, 5, 'receipt'), ...steady(30 * HOUR, 0, 5, 'promo')];
  const { trace, result } = runWith(s, script(steps, seen, react));
  assert.equal(trace.filter((r) => r.kind === 'stop').map((r) => r.recipient).sort(), [0, 1, 2, 3, 4], 'only the marketing recipients, once each');
  assert.equal(seen.filter((x) => x.event === 'inbound').map((x) => x.outcome), times(5, 'stop'));
  const texts = seen.filter((x, i) => x.event === 'send' && i > 0 && seen[i - 1].event === 'inbound');
  assert.equal(texts.map((x) => x.outcome), times(5, 'accepted'), 'the text answering a STOP is inside the window');
  assert.is(result.summary.stops, 5);
  assert.is(result.summary.delivered, 20);
});

test('a spontaneous inbound message opens the window with the number written to; a user who never wrote in gets 131047', () => {
  const s = scenario({
    horizonDays: 1,
    audience: { segments: [segment({ id: 'silent', size: 10, ...quiet }), segment({ id: 'chatty', size: 10, ...quiet, inboundPerDay: 1 })] },
  });
  const seen: Seen[] = [];
  const { result } = runWith(s, script(steady(HOUR, 0, 10), seen, (m) => [{ at: m.at, to: m.from }]));
  const inbound = seen.filter((x) => x.event === 'inbound');
  assert.ok(inbound.length >= 3, `${inbound.length} inbound messages (about 10 expected)`);
  assert.ok(inbound.every((x) => x.outcome === 'text' && x.to >= 10), 'from the chatty segment only');
  const answers = seen.filter((x, i) => x.event === 'send' && i > 0 && seen[i - 1].event === 'inbound');
  assert.equal(answers.map((x) => x.outcome), times(inbound.length, 'accepted'));
  assert.equal(seen.filter((x) => x.event === 'send' && x.to < 10).map((x) => x.outcome), times(10, 131047));
  assert.is(result.summary.inbound, inbound.length);
});

/** The number's last quality rating after 10,000 deliveries with 1.5% negative feedback of one kind (a brand the users know: block multiplier 1). */
function ratingAfter(negative: Record<string, unknown>): string {
  const s = scenario({
    horizonDays: 1,
    portfolio: { startTier: 'TIER_10K', numbers: [{ id: 'a' }] },
    audience: { segments: [segment({ id: 'l', size: 10_000, ...quiet, brandRecognition: 1, blockDelay: { exponential: { mean: 60 } }, ...negative })] },
  });
  const { trace } = runWith(s, script(steady(HOUR, 0, 10_000, 'promo')));
  const ratings = trace.filter((r: TraceRecord) => r.kind === 'quality' && r.number === 'a');
  return String(ratings[ratings.length - 1]?.rating ?? 'UNKNOWN');
}

test('blocks feed the quality rating by reason, reports weigh most (MODEL.md §2, seed 003 thresholds 1% / 2%): 1.5% blocks "no longer needed" ×0.3 → GREEN, for spam ×1 → YELLOW, 1.5% reports ×3 → RED', () => {
  // 150 ± 12 negative signals in 10,000: each band (weighted rate < 1%, 1–2%, > 2%) holds with 4 standard deviations to spare
  assert.is(ratingAfter({ blockProbability: 0.015, blockReasons: { no_longer_needed: 1 } }), 'GREEN');
  assert.is(ratingAfter({ blockProbability: 0.015, blockReasons: { spam: 1 } }), 'YELLOW');
  assert.is(ratingAfter({ reportProbability: 0.015 }), 'RED');
  assert.is(ratingAfter({}), 'GREEN');
});

test.run();
