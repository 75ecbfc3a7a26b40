import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createStream, streamFactory, exponential, triangular, clippedNormal, type Rng } from '../../src/engine/index.js';
import { mean } from 'simple-statistics';

const take = (n: number, rng: Rng): number[] => Array.from({ length: n }, () => rng.next());
const repeat = (n: number, draw: () => number): number[] => Array.from({ length: n }, draw);

test('the same (seed, name) gives the same sequence', () => {
  const a = createStream(42, 'recipients');
  const b = createStream(42, 'recipients');
  assert.equal(take(100, a), take(100, b));
});

test('different seeds or names give different sequences', () => {
  const base = take(10, createStream(42, 'recipients'));
  assert.not.equal(take(10, createStream(43, 'recipients')), base);
  assert.not.equal(take(10, createStream(42, 'delivery')), base);
});

test('drawing more from one stream never shifts another', () => {
  const quiet = streamFactory(7);
  const busy = streamFactory(7);
  take(5000, busy('recipients')); // a new mechanism draws a lot from its own stream
  assert.equal(take(50, busy('delivery')), take(50, quiet('delivery')));
});

test('the order in which streams are first asked for does not matter', () => {
  const f1 = streamFactory(9);
  const f2 = streamFactory(9);
  const a1 = f1('a');
  const b1 = f1('b');
  const b2 = f2('b');
  const a2 = f2('a');
  assert.equal([a1.next(), b1.next()], [a2.next(), b2.next()]);
});

test('samplers have the expected means (10,000 draws, within 3%)', () => {
  const rng = createStream(1, 'test');
  assert.ok(Math.abs(mean(repeat(10_000, () => exponential(rng, 600))) - 600) < 18);
  // triangular(0, 3, 6) has mean (0 + 3 + 6) / 3 = 3
  assert.ok(Math.abs(mean(repeat(10_000, () => triangular(rng, 0, 3, 6))) - 3) < 0.09);
  const clipped = repeat(10_000, () => clippedNormal(rng, 0.5, 1, 0, 1));
  assert.ok(Math.min(...clipped) >= 0 && Math.max(...clipped) <= 1);
});

test.run();
