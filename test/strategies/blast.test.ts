import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES } from '../../src/model/codes.js';
import { blast } from '../../src/strategies/index.js';
import { fake, refused } from './fake-api.js';

test('blast sends the whole campaign from its start, perSecond a second', () => {
  const f = fake(blast, { perSecond: 3 }, { campaigns: [{ id: 'c', count: 7, startAt: 5000 }] });
  f.runUntil(60_000);
  assert.equal(f.sends().map((s) => [s.t, s.to]), [[5000, 0], [5000, 1], [5000, 2], [6000, 3], [6000, 4], [6000, 5], [7000, 6]]);
});

test('blast retries a refused send at once, `retries` times', () => {
  const f = fake(blast, { retries: 2 }, { campaigns: [{ id: 'c', count: 1 }], respond: () => refused(ERROR_CODES.pairRate) });
  f.runUntil(60_000);
  assert.equal(f.sends().map((s) => [s.t, s.to]), [[0, 0], [0, 0], [0, 0]]);
});

test.run();
