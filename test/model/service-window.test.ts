/**
 * src/model/service-window.ts — the customer-service window (MODEL.md §4; Meta "Customer service
 * windows", documented): a user's message opens a window of `serviceWindow.hours` (24) with the
 * number written to, open up to and closed at its exact end.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, createStream } from '../../src/engine/index.js';
import type { RunContext } from '../../src/model/index.js';
import { inServiceWindow, openServiceWindow } from '../../src/model/service-window.js';
import type { NumberState } from '../../src/model/state/index.js';
import { resolvePolicy } from '../../src/policy/index.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';
import { runWith, scenario, script, segment, type Seen, type Step } from './helpers.js';

const policy = resolvePolicy(meta202510, {}, (n) => createStream(1, n));

/** Two numbers of 10 users each, and a clock: just what the window reads and writes. */
function world(hours = policy.serviceWindow.hours): { ctx: RunContext; numbers: NumberState[]; at(t: number): void } {
  const numbers = [0, 1].map((index) => ({ index, windowUntil: new Float64Array(10) }) as unknown as NumberState);
  const sim = { now: 0 };
  const ctx = { sim, world: { numbers, policy: { ...policy, serviceWindow: { hours } } } } as unknown as RunContext;
  return { ctx, numbers, at: (t) => void (sim.now = t) };
}

test('the window is open for serviceWindow.hours = 24 h from the message, and closed at its exact end', () => {
  const { ctx, numbers, at } = world();
  const open = 5 * HOUR;
  assert.is(inServiceWindow(numbers[0], 3, 0), false, 'no window before any message');
  at(open);
  openServiceWindow(ctx, 0, 3);
  assert.equal([open, open + 24 * HOUR - 1, open + 24 * HOUR, open + 30 * HOUR].map((t) => inServiceWindow(numbers[0], 3, t)), [true, true, false, false]);
});

test('the window belongs to one user and the number written to', () => {
  const { ctx, numbers, at } = world();
  at(HOUR);
  openServiceWindow(ctx, 0, 3);
  assert.equal([inServiceWindow(numbers[0], 3, HOUR), inServiceWindow(numbers[0], 4, HOUR), inServiceWindow(numbers[1], 3, HOUR)], [true, false, false]);
});

test('a later message restarts the window from that message', () => {
  const { ctx, numbers, at } = world();
  openServiceWindow(ctx, 0, 3);
  at(20 * HOUR);
  openServiceWindow(ctx, 0, 3);
  assert.equal([inServiceWindow(numbers[0], 3, 24 * HOUR), inServiceWindow(numbers[0], 3, 44 * HOUR - 1), inServiceWindow(numbers[0], 3, 44 * HOUR)], [true, true, false]);
});

test('the length is the profile parameter: serviceWindow.hours = 48 keeps it open 48 h', () => {
  const { ctx, numbers } = world(48);
  openServiceWindow(ctx, 0, 3);
  assert.equal([inServiceWindow(numbers[0], 3, 48 * HOUR - 1), inServiceWindow(numbers[0], 3, 48 * HOUR)], [true, false]);
});

test('in a run, a scenario override of serviceWindow.hours moves the end of free-form replies', () => {
  const s = scenario({
    horizonDays: 4,
    overrides: { 'serviceWindow.hours': 48 },
    audience: { segments: [segment({ id: 'l', size: 10, blockProbability: 0, readProbability: 0, replyProbability: 1, replyDelay: { exponential: { mean: 60 } } })] },
  });
  const seen: Seen[] = [];
  const react = (m: { at: number; from: number }): Step[] => [{ at: m.at + 48 * HOUR - 1, to: m.from }, { at: m.at + 48 * HOUR, to: m.from }];
  runWith(s, script([{ at: HOUR, to: 0, template: 'promo' }], seen, react));
  assert.equal(seen.map((x) => x.outcome), ['accepted', 'reply', 'accepted', 131047]);
});

test.run();
