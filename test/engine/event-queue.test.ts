import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { EventQueue } from '../../src/engine/index.js';

function drain<P>(q: EventQueue<P>): [number, P | number][] {
  const out: [number, P | number][] = [];
  for (let p = q.pop(); p !== undefined; p = q.pop()) out.push([q.lastTime, p]);
  return out;
}

test('pops in time order, then priority, then insertion order', () => {
  const q = new EventQueue<string>();
  q.push(20, 0, 'c');
  q.push(10, 5, 'b-low-priority');
  q.push(10, 0, 'a1');
  q.push(10, 0, 'a2');
  q.push(5, 0, 'first');
  assert.equal(drain(q), [[5, 'first'], [10, 'a1'], [10, 'a2'], [10, 'b-low-priority'], [20, 'c']]);
});

test('a cancelled entry is never returned', () => {
  const q = new EventQueue<string>();
  q.push(1, 0, 'keep');
  const h = q.push(2, 0, 'drop');
  q.push(3, 0, 'keep too');
  q.cancel(h);
  assert.equal(drain(q).map(([, p]) => p), ['keep', 'keep too']);
});

test('ties stay in insertion order across heap growth (5,000 equal keys)', () => {
  const q = new EventQueue<number>();
  for (let i = 0; i < 5000; i++) q.push(7, 0, i);
  const order = drain(q).map(([, p]) => p);
  assert.equal(order, Array.from({ length: 5000 }, (_, i) => i));
});

test('matches a sort on (time, priority, seq) for a random workload', () => {
  const q = new EventQueue<number>();
  const keys: [number, number, number][] = [];
  let x = 12345;
  const rand = (): number => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < 3000; i++) {
    const t = Math.floor(rand() * 200);
    const p = Math.floor(rand() * 3);
    keys.push([t, p, i]);
    q.push(t, p, i);
  }
  keys.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
  assert.equal(drain(q).map(([, p]) => p), keys.map((k) => k[2]));
});

test('negative and positive priorities order correctly, and a cancelled entry deep in the heap is skipped', () => {
  const q = new EventQueue<string>();
  const handles: number[] = [];
  for (let i = 0; i < 100; i++) handles.push(q.push(50, 0, `n${i}`));
  q.push(50, -3, 'urgent');
  q.push(50, 10, 'bookkeeping');
  q.cancel(handles[42]);
  const order = drain(q).map(([, p]) => p);
  assert.is(order[0], 'urgent');
  assert.is(order[order.length - 1], 'bookkeeping');
  assert.not.ok(order.includes('n42'));
  assert.is(order.length, 101);
});

test('rejects a priority it cannot pack', () => {
  const q = new EventQueue<string>();
  assert.throws(() => q.push(1, 100_000, 'x'), /priority/);
  assert.throws(() => q.push(1, 0.5, 'x'), /priority/);
});

test('integer values and objects share one order, and values come back as numbers', () => {
  const q = new EventQueue<string>();
  q.push(10, 0, 'object at 10');
  q.pushValue(5, 0, 7);
  q.pushValue(10, 0, 2 ** 31 + 3);
  q.push(10, -1, 'urgent at 10');
  assert.equal(drain(q), [[5, 7], [10, 'urgent at 10'], [10, 'object at 10'], [10, 2 ** 31 + 3]]);
  assert.throws(() => q.pushValue(1, 0, -1), /non-negative integer/);
  assert.throws(() => q.pushValue(1, 0, 0.5), /non-negative integer/);
});

test('object slots are reused after pop and after a cancelled entry surfaces', () => {
  const q = new EventQueue<{ n: number }>();
  for (let round = 0; round < 3; round++) {
    const handles = Array.from({ length: 1000 }, (_, i) => q.push(round * 10 + (i % 7), 0, { n: i }));
    for (let i = 0; i < 1000; i += 2) q.cancel(handles[i]);
    assert.is(drain(q).length, 500);
  }
  assert.is((q as unknown as { objects: unknown[] }).objects.length, 1000);
});

test('interleaved pushes and pops over days (front, buckets and far heap) pop in (time, priority, seq) order', () => {
  const q = new EventQueue<number>();
  let x = 987654321;
  const rand = (): number => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pending: [number, number, number][] = [];
  const popped: number[] = [];
  const expected: number[] = [];
  let now = 0;
  let id = 0;
  for (let step = 0; step < 20_000; step++) {
    if (pending.length === 0 || rand() < 0.55) {
      // delays from 0 ms to ~3 days, many ties on time, priorities -1..1
      const scale = [0, 5, 1000, 600_000, 3_600_000, 259_200_000][Math.floor(rand() * 6)];
      const t = now + Math.floor(rand() * scale);
      const p = Math.floor(rand() * 3) - 1;
      pending.push([t, p, id]);
      if (rand() < 0.5) q.push(t, p, id);
      else q.pushValue(t, p, id);
      id++;
    } else {
      pending.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2]);
      const [t, , i] = pending.shift()!;
      expected.push(i);
      popped.push(q.pop() as number);
      assert.is(q.lastTime, t);
      now = t;
    }
  }
  assert.equal(popped, expected);
  assert.is(q.size, pending.length);
});

test('crowded and sparse windows: 1,000 entries in one window, 50,000 over an hour, each popped in order once', () => {
  const q = new EventQueue<number>();
  let x = 42;
  const rand = (): number => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const entries: [number, number][] = [];
  for (let i = 0; i < 51_000; i++) {
    const t = i < 1_000 ? 5_000 + Math.floor(rand() * 100) : 1_000 + Math.floor(rand() * 3_600_000);
    entries.push([t, i]);
    q.pushValue(t, 0, i);
  }
  entries.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [t, i] of entries) {
    assert.is(q.pop(), i);
    assert.is(q.lastTime, t);
  }
  assert.is(q.pop(), undefined);
});

test('peeking past a gap and then inserting before the next entry keeps the order (the clock stops at a horizon)', () => {
  const q = new EventQueue<string>();
  q.push(10_000_000, 0, 'late');
  assert.is(q.peekTime(), 10_000_000);
  q.push(5, 0, 'early');
  q.push(9_000_000_000, 0, 'very late');
  q.push(10_000_000, -1, 'late but urgent');
  assert.equal(drain(q), [[5, 'early'], [10_000_000, 'late but urgent'], [10_000_000, 'late'], [9_000_000_000, 'very late']]);
});

test('times near the largest double still come back (no window arithmetic overflow)', () => {
  const q = new EventQueue<string>();
  q.push(1.7e308, 0, 'huge');
  q.push(1e300, 0, 'big');
  q.push(1, 0, 'small');
  assert.equal(drain(q), [[1, 'small'], [1e300, 'big'], [1.7e308, 'huge']]);
});

test('rejects a non-finite time', () => {
  const q = new EventQueue<string>();
  assert.throws(() => q.push(Infinity, 0, 'x'), /Non-finite/);
});

test.run();
