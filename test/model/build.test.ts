import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { TraceRecord } from '../../src/model/index.js';
import { runWith, scenario, timetable } from './helpers.js';

/** The tier each pool starts at (the run's `tier` START records). */
const starts = (trace: readonly TraceRecord[]): [string, string][] => trace.filter((r) => r.kind === 'tier' && r.event === 'START').map((r) => [String(r.pool), String(r.tier)]);

test('migration (Meta "Messaging limits": an existing portfolio took the highest limit of any of its numbers, documented): a TIER_250 portfolio with a number bringing TIER_10K starts at TIER_10K', () => {
  const s = scenario({ horizonDays: 1, portfolio: { startTier: 'TIER_250', numbers: [{ id: 'a' }, { id: 'b', messagingLimitTier: 'TIER_10K' }, { id: 'c', messagingLimitTier: 'TIER_2K' }] } });
  const { trace } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 3000 }]));
  assert.equal(starts(trace), [['portfolio', 'TIER_10K']]);
  const refused = trace.filter((r) => r.kind === 'rejected' && r.code === 'limit_reached');
  assert.is(refused.length, 0, '3,000 users fit the 10K limit number a shares');
});

test('a number\'s own tier below the portfolio\'s does not lower it', () => {
  const s = scenario({ horizonDays: 1, portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'a', messagingLimitTier: 'TIER_2K' }] } });
  assert.equal(starts(runWith(s, timetable([])).trace), [['portfolio', 'TIER_100K']]);
});

test('number scope (legacy): each number\'s pool starts at its own tier, the others at the start tier', () => {
  const s = scenario({ horizonDays: 1, policy: 'meta-legacy-2025', portfolio: { startTier: 'TIER_250', numbers: [{ id: 'a' }, { id: 'b', messagingLimitTier: 'TIER_10K' }] } });
  assert.equal(starts(runWith(s, timetable([])).trace), [['a', 'TIER_250'], ['b', 'TIER_10K']]);
});

test.run();
