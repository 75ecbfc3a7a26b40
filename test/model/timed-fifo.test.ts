import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createTimedFifo, fifoDue, fifoLength, fifoPush, fifoShift, type TimedFifo } from '../../src/model/timed-fifo.js';

/** Takes every entry due at `t` from the front, as (time, value) pairs. */
function drain(f: TimedFifo, t: number): [number, number][] {
  const out: [number, number][] = [];
  while (fifoDue(f, t)) {
    out.push([f.times[f.head], f.values[f.head]]);
    fifoShift(f);
  }
  return out;
}

test('entries leave from the front once their time is at most t (fifoDue, fifoShift)', () => {
  const f = createTimedFifo(4);
  assert.is(fifoDue(f, Infinity), false, 'an empty FIFO has nothing due');
  fifoPush(f, 100, 1);
  fifoPush(f, 200, 2);
  fifoPush(f, 200, 3);
  fifoPush(f, 300, 4);
  assert.equal([fifoLength(f), drain(f, 99)], [4, []]);
  assert.equal(drain(f, 200), [[100, 1], [200, 2], [200, 3]], 'due at exactly its time; equal times keep their order');
  assert.equal([fifoLength(f), drain(f, 1000), fifoLength(f)], [1, [[300, 4]], 0]);
});

test('a full FIFO with most entries live doubles its arrays, keeping the order', () => {
  const f = createTimedFifo(4);
  for (let i = 0; i < 9; i++) fifoPush(f, i * 10, i);
  assert.equal([f.times.length, f.values.length, f.head, f.tail], [16, 16, 0, 9], '4 → 8 at the 5th push, 8 → 16 at the 9th');
  assert.equal(drain(f, Infinity), Array.from({ length: 9 }, (_, i) => [i * 10, i]));
});

test('a full FIFO with fewer than half its entries live compacts to the front instead of growing', () => {
  const f = createTimedFifo(4);
  for (let i = 0; i < 4; i++) fifoPush(f, i, i);
  drain(f, 2); // three gone, one live
  fifoPush(f, 9, 9);
  assert.equal([f.times.length, f.head, f.tail], [4, 0, 2]);
  assert.equal(drain(f, Infinity), [[3, 3], [9, 9]]);
});

test('order is kept across any mix of growth, compaction and removal (100,000 entries against a plain array)', () => {
  const f = createTimedFifo(2);
  const model: [number, number][] = [];
  const taken: [number, number][] = [];
  let t = 0;
  for (let i = 0; i < 100_000; i++) {
    t += i % 3; // non-decreasing times
    fifoPush(f, t, i);
    model.push([t, i]);
    if (i % 7 === 0) taken.push(...drain(f, t - 50));
  }
  taken.push(...drain(f, Infinity));
  assert.is(taken.length, model.length);
  assert.ok(taken.every(([tt, v], k) => tt === model[k][0] && v === model[k][1]), 'same entries, same order');
  assert.ok(f.times.length < 100_000, `the arrays stay bounded by the live entries (${f.times.length})`);
});

test.run();
