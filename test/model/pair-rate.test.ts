/**
 * src/model/pair-rate.ts — the pair rate (MODEL.md §4; seed 002): one number → one user, one
 * message per `intervalSeconds` = 6 s sustained, bursts of `burst` = 45 borrowed from future quota;
 * a GCRA with emission interval T = 6 s and tolerance (45 − 1)·T = 264 s. Over it → 131056.
 * (In a run: delivery-limits.test.ts "pair rate in a run"; the order of checks: delivery.test.ts.)
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MINUTE, SECOND, createStream } from '../../src/engine/index.js';
import { admitPair } from '../../src/model/pair-rate.js';
import type { NumberState } from '../../src/model/state/index.js';
import { resolvePolicy } from '../../src/policy/index.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';

const p = resolvePolicy(meta202510, {}, (n) => createStream(1, n)).pairRate;
const pairNumber = (): NumberState => ({ pairTat: null }) as unknown as NumberState;
/** `count` sends from `n` to `user` at `now`: how many pass. */
const burst = (n: NumberState, user: number, now: number, count: number, rate = p): number => Array.from({ length: count }, () => admitPair(n, user, 10, now, rate)).filter(Boolean).length;

test('seed 002: a burst of 45 to one user is allowed, the 46th fails (131056)', () => {
  const n = pairNumber();
  const results = Array.from({ length: 46 }, () => admitPair(n, 0, 1, 0, p));
  assert.equal([results.filter(Boolean).length, results[45]], [45, false]);
});

test('seed 002: a burst of 20 borrows ~2 minutes: full burst capacity returns at 120 s, not before', () => {
  const burstAfter = (wait: number): number => {
    const n = pairNumber();
    burst(n, 0, 0, 20);
    return burst(n, 0, wait, 45);
  };
  assert.is(burstAfter(2 * MINUTE), 45);
  assert.is(burstAfter(2 * MINUTE - SECOND), 44);
});

test('sustained: one message per 6 s to one user passes forever', () => {
  const n = pairNumber();
  for (let i = 0; i < 1000; i++) assert.ok(admitPair(n, 7, 10, i * 6 * SECOND, p));
});

test('after a full burst the next message is allowed exactly 6 s later, and one per 6 s from then; refused attempts take no quota', () => {
  const n = pairNumber();
  assert.is(burst(n, 0, 0, 45), 45);
  const at = [1, 2, 3, 4, 5].map((s) => s * SECOND).concat(6 * SECOND - 1, 6 * SECOND, 6 * SECOND, 12 * SECOND - 1, 12 * SECOND);
  assert.equal(at.map((t) => admitPair(n, 0, 10, t, p)), [false, false, false, false, false, false, true, false, false, true]);
});

test('one message per 5 s is too fast: the 264 s tolerance absorbs 1 s a message, so 265 pass and the 266th fails (131056)', () => {
  // message i at 5i s finds TAT = 6i s: refused when 6i − 5i > 264, first at i = 265
  const n = pairNumber();
  const passed = Array.from({ length: 300 }, (_, i) => admitPair(n, 0, 10, i * 5 * SECOND, p));
  assert.is(passed.indexOf(false), 265);
});

test('the quota is per pair: a burst to one user leaves other users and other numbers their full burst', () => {
  const a = pairNumber();
  const b = pairNumber();
  assert.equal([burst(a, 0, 0, 46), burst(a, 1, 0, 46), burst(b, 0, 0, 46)], [45, 45, 45]);
});

test('interval and burst are profile parameters: burst 1 allows one message per interval, no borrowing', () => {
  const n = pairNumber();
  const strict = { intervalSeconds: 10, burst: 1 };
  assert.equal([burst(n, 0, 0, 2, strict), burst(n, 0, 10 * SECOND - 1, 1, strict), burst(n, 0, 10 * SECOND, 2, strict)], [1, 0, 1]);
});

test.run();
