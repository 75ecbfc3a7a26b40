import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR } from '../../src/engine/index.js';
import { addHourly, clearHourly, createHourlyRing, sumHourly } from '../../src/model/hourly-ring.js';

/** Sums of `channel` over 1, 2, 3 and 10 hours ending with hour `hour`. */
const sums = (r: ReturnType<typeof createHourlyRing<'a' | 'b'>>, hour: number, channel: 'a' | 'b'): number[] => [1, 2, 3, 10].map((h) => sumHourly(r, hour * HOUR + 1, channel, h));

test('counts land in the hour of their time; a sum covers the hours ending with the hour of now, inclusive', () => {
  const r = createHourlyRing(24, ['a', 'b'] as const);
  addHourly(r, 0, 'a'); // hour 0
  addHourly(r, HOUR - 1, 'a', 2); // still hour 0
  addHourly(r, HOUR, 'a', 4); // hour 1
  addHourly(r, 2 * HOUR + 30, 'a', 8); // hour 2
  addHourly(r, 2 * HOUR + 31, 'b', 16);
  assert.equal(sums(r, 2, 'a'), [8, 12, 15, 15]);
  assert.equal(sums(r, 1, 'a'), [4, 7, 7, 7], 'a later hour is not in an earlier window');
  assert.equal(sums(r, 2, 'b'), [16, 16, 16, 16], 'channels are apart');
});

test('a window longer than the ring is cut to the ring; a slot holding an older hour reads as zero', () => {
  const r = createHourlyRing(3, ['a', 'b'] as const);
  for (let h = 0; h < 5; h++) addHourly(r, h * HOUR, 'a', 10 ** h); // hours 0..4 go to slots 0,1,2,0,1
  assert.equal(sums(r, 4, 'a'), [10_000, 11_000, 11_100, 11_100], 'hours 2–4 only: the ring holds 3');
  assert.equal(sums(r, 6, 'a'), [0, 0, 10_000, 10_000], 'hours 4–6: slots still holding hours 3 and 4 are stale for hours 5 and 6');
  assert.equal(sums(r, 9, 'a'), [0, 0, 0, 0], 'everything stale');
});

test('entering a slot again clears every channel of it, not only the one written', () => {
  const r = createHourlyRing(2, ['a', 'b'] as const);
  addHourly(r, 0, 'a', 1);
  addHourly(r, 0, 'b', 2);
  addHourly(r, 2 * HOUR, 'a', 5); // hour 2 reuses slot 0
  assert.equal([sumHourly(r, 2 * HOUR, 'a', 1), sumHourly(r, 2 * HOUR, 'b', 1)], [5, 0]);
});

test('clearHourly empties every slot, and a count in the same hour afterwards starts from zero', () => {
  const r = createHourlyRing(24, ['a', 'b'] as const);
  addHourly(r, HOUR, 'a', 3);
  addHourly(r, 2 * HOUR, 'a', 5);
  clearHourly(r);
  assert.equal(sums(r, 2, 'a'), [0, 0, 0, 0]);
  addHourly(r, 2 * HOUR + 10, 'a', 1); // the hour last written to before the clear
  assert.equal(sums(r, 2, 'a'), [1, 1, 1, 1]);
});

test('a fractional window counts whole hours, rounded (a window in days drawn from a distribution)', () => {
  const r = createHourlyRing<'a' | 'b'>(200, ['a', 'b']);
  for (let h = 0; h < 10; h++) addHourly(r, h * HOUR + 1, 'a', 1);
  assert.equal([2.4, 2.6, 7.34 * 24, 0.4].map((hours) => sumHourly(r, 9 * HOUR + 1, 'a', hours)), [2, 3, 10, 0]);
});

test.run();
