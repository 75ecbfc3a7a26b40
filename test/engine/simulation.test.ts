import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { COMPACT_DATA_LIMIT, COMPACT_KINDS, Simulation, type HandlerRegistry } from '../../src/engine/index.js';

type Ev = { readonly type: 'ping'; readonly n: number } | { readonly type: 'pong'; readonly n: number };

function traceRun(until: number): [number, string, number][] {
  const sim = new Simulation<Ev>();
  const trace: [number, string, number][] = [];
  const handlers: HandlerRegistry<Ev, Simulation<Ev>> = {
    ping: (e, s) => {
      trace.push([s.now, e.type, e.n]);
      s.scheduleIn(300, { type: 'pong', n: e.n });
    },
    pong: (e, s) => {
      trace.push([s.now, e.type, e.n]);
      if (e.n < 3) s.scheduleIn(700, { type: 'ping', n: e.n + 1 });
    },
  };
  sim.schedule(0, { type: 'ping', n: 1 });
  sim.run(until, handlers, sim);
  return trace;
}

test('handlers run in time order and the clock follows the events (trace)', () => {
  assert.equal(traceRun(10_000), [
    [0, 'ping', 1],
    [300, 'pong', 1],
    [1000, 'ping', 2],
    [1300, 'pong', 2],
    [2000, 'ping', 3],
    [2300, 'pong', 3],
  ]);
});

test('run stops at the horizon: events after it stay pending and the clock ends at it', () => {
  const sim = new Simulation<Ev>();
  const seen: number[] = [];
  sim.schedule(100, { type: 'ping', n: 1 });
  sim.schedule(5000, { type: 'ping', n: 2 });
  sim.run(1000, { ping: (e) => void seen.push(e.n), pong: () => undefined }, null);
  assert.equal(seen, [1]);
  assert.is(sim.now, 1000);
  assert.is(sim.pending, 1);
});

test('an event at exactly the horizon runs', () => {
  assert.equal(traceRun(2300).length, 6);
  assert.equal(traceRun(2299).length, 5);
});

test('equal times dispatch by priority, then by scheduling order', () => {
  const sim = new Simulation<Ev>();
  const seen: number[] = [];
  sim.schedule(10, { type: 'ping', n: 1 }, 1);
  sim.schedule(10, { type: 'ping', n: 2 }, 0);
  sim.schedule(10, { type: 'ping', n: 3 }, 0);
  sim.run(10, { ping: (e) => void seen.push(e.n), pong: () => undefined }, null);
  assert.equal(seen, [2, 3, 1]);
});

test('a cancelled event does not run', () => {
  const sim = new Simulation<Ev>();
  const seen: number[] = [];
  const h = sim.schedule(10, { type: 'ping', n: 1 });
  sim.schedule(20, { type: 'ping', n: 2 });
  sim.cancel(h);
  sim.run(100, { ping: (e) => void seen.push(e.n), pong: () => undefined }, null);
  assert.equal(seen, [2]);
});

test('scheduling in the past or with a negative delay is refused', () => {
  const sim = new Simulation<Ev>();
  sim.run(50, { ping: () => undefined, pong: () => undefined }, null);
  assert.throws(() => sim.schedule(10, { type: 'ping', n: 1 }), /in the past/);
  assert.throws(() => sim.scheduleIn(-1, { type: 'ping', n: 1 }), /Negative delay -1/);
});

test('compact events run in the same order as tagged ones and reach their handler by kind with their datum', () => {
  const sim = new Simulation<Ev>();
  const seen: string[] = [];
  const compact = [(d: number) => void seen.push(`zero:${d}`), (d: number) => void seen.push(`one:${d}`)];
  sim.schedule(10, { type: 'ping', n: 1 });
  sim.scheduleCompactIn(10, 1, 12345);
  sim.scheduleCompactIn(5, 0, 0);
  sim.scheduleCompactIn(10, 0, COMPACT_DATA_LIMIT - 1, -1);
  sim.run(100, { ping: (e) => void seen.push(`ping:${e.n}`), pong: () => undefined }, null, compact);
  assert.equal(seen, ['zero:0', `zero:${COMPACT_DATA_LIMIT - 1}`, 'ping:1', 'one:12345']);
  assert.is(sim.dispatched, 4);
});

test('a compact event outside the kind or data range is refused', () => {
  const sim = new Simulation<Ev>();
  assert.throws(() => sim.scheduleCompactIn(1, COMPACT_KINDS, 0), /kind/);
  assert.throws(() => sim.scheduleCompactIn(1, 0, COMPACT_DATA_LIMIT), /data/);
  assert.throws(() => sim.scheduleCompactIn(1, 0, -1), /data/);
  assert.throws(() => sim.scheduleCompactIn(-1, 0, 0), /Negative delay/);
});

test.run();
