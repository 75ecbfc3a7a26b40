/**
 * Common random numbers (src/engine/keyed-uniforms.ts, model/recipients.ts reactionDraws): on one
 * seed, a user's reaction to their k-th template is the same whichever strategy sent it and
 * whenever — what makes paired comparisons of strategies tight (README "Paired comparisons").
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TraceRecord } from '../../src/model/index.js';
import { runWith, scenario, segment, timetable } from './helpers.js';

const s = scenario({
  horizonDays: 3,
  portfolio: { startTier: 'TIER_10K', numbers: [{ id: 'a' }] },
  audience: { segments: [segment({ id: 'clean', size: 4000, blockProbability: 0.05, reportProbability: 0.01, replyProbability: 0.1, stopProbability: 0.02 })] },
});

/** Who did what, as sorted "kind:recipient" strings. */
const reactions = (trace: readonly TraceRecord[]): string[] =>
  trace.filter((r) => ['read', 'reply', 'block', 'report', 'stop'].includes(r.kind)).map((r) => `${r.kind}:${String(r.recipient)}`).sort();

test('the same users react the same way when another strategy sends to them in another order and at other times', () => {
  const forward = runWith(s, timetable([{ day: 0, hour: 0, number: 'a', count: 2000, first: 0 }]), 4);
  const reversed = runWith(s, timetable([{ day: 0, hour: 7, number: 'a', count: 1000, first: 1000 }, { day: 1, hour: 2, number: 'a', count: 1000, first: 0 }]), 4);
  assert.is(forward.result.summary.delivered, 2000);
  assert.is(reversed.result.summary.delivered, 2000);
  const a = reactions(forward.trace);
  assert.ok(a.filter((x) => x.startsWith('block:')).length > 50, 'enough blocks to compare');
  assert.equal(reactions(reversed.trace), a);
});

test('another seed draws other reactions', () => {
  const one = runWith(s, timetable([{ day: 0, hour: 0, number: 'a', count: 2000, first: 0 }]), 4);
  const other = runWith(s, timetable([{ day: 0, hour: 0, number: 'a', count: 2000, first: 0 }]), 5);
  assert.not.equal(reactions(other.trace), reactions(one.trace));
});

test('a second message to a user draws afresh (not a copy of the first reaction)', () => {
  const twice = runWith(s, timetable([{ day: 0, hour: 0, number: 'a', count: 2000, first: 0 }, { day: 0, hour: 30, number: 'a', count: 2000, first: 0 }]), 4);
  const once = runWith(s, timetable([{ day: 0, hour: 0, number: 'a', count: 2000, first: 0 }]), 4);
  const replies = (t: readonly TraceRecord[]): number => t.filter((r) => r.kind === 'reply').length;
  assert.ok(replies(twice.trace) > replies(once.trace) * 1.3, `${replies(twice.trace)} vs ${replies(once.trace)}`);
});

test.run();
