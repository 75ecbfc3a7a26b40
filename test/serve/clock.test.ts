import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createClock, parseClock } from '../../src/serve/clock.js';

test('parseClock reads manual and speed:N, and nothing else', () => {
  assert.equal(parseClock('manual'), { kind: 'manual' });
  assert.equal(parseClock('speed:60'), { kind: 'speed', factor: 60 });
  assert.equal(parseClock('speed:0.5'), { kind: 'speed', factor: 0.5 });
  for (const bad of ['speed:0', 'speed:', 'speed:-1', 'fast', 'speed:1e3', '']) assert.is(parseClock(bad), undefined, bad);
});

test('a manual clock moves only when advanced', () => {
  let wall = 0;
  const c = createClock({ kind: 'manual' }, () => wall);
  wall = 10_000;
  assert.is(c.target(), 0);
  c.advance(1500);
  assert.is(c.target(), 1500);
  c.catchUp(1000);
  assert.is(c.target(), 1500);
  c.catchUp(4000);
  assert.is(c.target(), 4000);
});

test('a speed clock runs N simulated seconds per wall second, plus advances', () => {
  let wall = 100;
  const c = createClock({ kind: 'speed', factor: 60 }, () => wall);
  wall = 1100; // one wall second later
  assert.is(c.target(), 60_000);
  c.advance(1000);
  assert.is(c.target(), 61_000);
});

test.run();
