import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bernoulli, pickWeighted, streamFactory, type Rng } from '../../src/engine/index.js';
import { createFeedback, drawFeedback, sampleDelay, skipDelay } from '../../src/model/recipients.js';
import type { DelaySpec } from '../../src/scenario/index.js';
import { BLOCK_REASONS } from '../../src/policy/index.js';
import type { Feedback, SegmentState } from '../../src/model/state/index.js';

const EXPONENTIAL: DelaySpec = { exponential: { mean: 600 } };
const LOGNORMAL: DelaySpec = { lognormal: { median: 900, sigma: 1.2 } };

test('skipping a delay consumes exactly the uniforms drawing it would (exponential and log-normal)', () => {
  for (const spec of [EXPONENTIAL, LOGNORMAL]) {
    const drawn = streamFactory(7)('recipients');
    const skipped = streamFactory(7)('recipients');
    sampleDelay(spec, drawn);
    assert.is(skipDelay(spec, skipped), -1);
    assert.is(skipped.next(), drawn.next(), JSON.stringify(spec));
  }
});

/** drawFeedback as it was before delays were drawn lazily: every delay computed, then selected. */
function drawEveryDelay(seg: SegmentState, blockFactor: number, canStop: boolean, rng: Rng): Feedback {
  const reads = bernoulli(rng, seg.readProbability);
  const replies = bernoulli(rng, seg.replyProbability);
  const blocks = bernoulli(rng, Math.min(1, seg.blockProbability * blockFactor));
  const reports = bernoulli(rng, Math.min(1, seg.reportProbability * blockFactor));
  const stops = bernoulli(rng, seg.stopProbability);
  const readAfter = sampleDelay(seg.readDelay, rng);
  const replyAfter = readAfter + sampleDelay(seg.replyDelay, rng);
  const blockAfter = sampleDelay(seg.blockDelay, rng);
  const reason = Math.max(0, pickWeighted(rng, seg.blockReasonWeights));
  const stopAfter = readAfter + sampleDelay(seg.replyDelay, rng);
  const blocking = blocks || reports;
  return {
    readAfter: reads || replies ? readAfter : -1,
    replyAfter: replies && !blocking ? replyAfter : -1,
    blockAfter: blocking && !reports ? blockAfter : -1,
    blockReason: reports ? BLOCK_REASONS.indexOf('spam') : reason,
    reportAfter: reports ? blockAfter : -1,
    stopAfter: canStop && stops && !blocking && !replies ? stopAfter : -1,
  };
}

test('a reaction drawn lazily is the reaction drawn with every delay computed (20,000 draws, every branch)', () => {
  const params = streamFactory(3)('params');
  const lazy = streamFactory(3)('recipients');
  const eager = streamFactory(3)('recipients');
  const out = createFeedback();
  const seen = new Set<string>();
  for (let i = 0; i < 20_000; i++) {
    const p = (): number => (params.next() < 0.2 ? 0 : params.next() < 0.2 ? 1 : params.next());
    const seg = {
      readProbability: p(), replyProbability: p(), blockProbability: p(), reportProbability: p(), stopProbability: p(),
      readDelay: params.next() < 0.5 ? EXPONENTIAL : LOGNORMAL, replyDelay: params.next() < 0.5 ? EXPONENTIAL : LOGNORMAL, blockDelay: params.next() < 0.5 ? EXPONENTIAL : LOGNORMAL,
      blockReasonWeights: params.next() < 0.3 ? [0, 0, 0, 0, 0] : [1, 2, 0, 1, 3],
    } as unknown as SegmentState;
    const canStop = params.next() < 0.5;
    const got = { ...drawFeedback(seg, 1, canStop, lazy, out) };
    assert.equal(got, drawEveryDelay(seg, 1, canStop, eager), `draw ${i}`);
    seen.add(Object.entries(got).filter(([k, v]) => k !== 'blockReason' && v >= 0).map(([k]) => k).join('+'));
  }
  assert.ok(seen.size >= 6, [...seen].join(', '));
});

test.run();
