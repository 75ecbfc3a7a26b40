/**
 * src/model/graph-api.ts — the Graph API app-level budget (MODEL.md §4; seed 002, documented):
 * 5,000 requests per rolling hour for a WABA with a registered number, 200 without; over it → 429;
 * upstream overload → 503 with `graphApi.overloadProbability` (reported). A strategy spends it by
 * polling GET phone number.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, MINUTE } from '../../src/engine/index.js';
import type { StrategyDefinition } from '../../src/strategies/index.js';
import { runWith, scenario } from './helpers.js';

/** A poller: at each [time, count] it GETs number 'a' `count` times; `out` gets, per batch, [time, ok, 429s, 503s]. */
function poller(plan: readonly (readonly [number, number])[], out: [number, number, number, number][]): StrategyDefinition {
  return {
    name: 'poller',
    description: 'test',
    source: 'test',
    params: {},
    create: () => {
      out.length = 0;
      return {
        onCampaignStart: (api) => plan.forEach(([at], i) => api.wakeAt(at, String(i))),
        onWake(api, tag) {
          const [at, count] = plan[Number(tag)];
          const row: [number, number, number, number] = [at, 0, 0, 0];
          for (let i = 0; i < count; i++) {
            const r = api.getPhoneNumber('a');
            if (r.ok) row[1]++;
            else if (r.code === 429) row[2]++;
            else if (r.code === 503) row[3]++;
          }
          out.push(row);
        },
      };
    },
  };
}

/** Polls on a one-number portfolio (registered or not, with an overload probability); returns the batches and the run summary's graphRequests. */
function poll(plan: readonly (readonly [number, number])[], registered = true, overloadProbability = 0, seed = 1): { rows: [number, number, number, number][]; requests: number } {
  const rows: [number, number, number, number][] = [];
  const s = scenario({ horizonDays: 1, overrides: { 'graphApi.overloadProbability': overloadProbability }, portfolio: { numbers: [{ id: 'a', registered }] } });
  const { result } = runWith(s, poller(plan, rows), seed);
  return { rows, requests: result.summary.graphRequests };
}

test('a WABA with a registered number has 5,000 requests an hour: the 5,001st gets 429, and the budget is back exactly an hour later', () => {
  const { rows, requests } = poll([[0, 5001], [HOUR - 1, 1], [HOUR, 5001]]);
  assert.equal(rows, [[0, 5000, 1, 0], [HOUR - 1, 0, 1, 0], [HOUR, 5000, 1, 0]]);
  assert.is(requests, 10_003, 'every request is counted, refused or not');
});

test('without a registered number the budget is 200 an hour', () => {
  assert.equal(poll([[0, 201], [HOUR, 201]], false).rows, [[0, 200, 1, 0], [HOUR, 200, 1, 0]]);
});

test('the hour is rolling, not a calendar hour: requests free one hour after each was made', () => {
  const { rows } = poll([[0, 120], [30 * MINUTE, 100], [45 * MINUTE, 1], [HOUR, 150], [90 * MINUTE, 150]], false);
  // at 01:00 the 120 of 00:00 free (80 from 00:30 still held): 120 more; at 01:30 the 100 of 00:30 free
  assert.equal(rows, [[0, 120, 0, 0], [30 * MINUTE, 80, 20, 0], [45 * MINUTE, 0, 1, 0], [HOUR, 120, 30, 0], [90 * MINUTE, 80, 70, 0]]);
});

test('overloadProbability = 1: every request answers 503', () => {
  assert.equal(poll([[0, 50], [HOUR, 50]], true, 1).rows, [[0, 0, 0, 50], [HOUR, 0, 0, 50]]);
});

test('a 503 spends none of the budget: with overloadProbability = 0.3 exactly 200 requests succeed before the first 429, and about 30% answer 503', () => {
  const { rows } = poll([[0, 1000]], false, 0.3, 4);
  const [[, ok, tooMany, overloaded]] = rows;
  assert.is(ok, 200);
  assert.is(ok + tooMany + overloaded, 1000);
  // until the 200th success each request is a 503 with probability 0.3: about 86 (sd 8) of the ~286 before it
  const share = overloaded / (ok + overloaded);
  assert.ok(share > 0.2 && share < 0.4, `${overloaded} 503s before the budget ran out`);
});

test.run();
