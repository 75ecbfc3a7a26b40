import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR } from '../../src/engine/index.js';
import { createPool, tryCount } from '../../src/model/tiers.js';
import { expire } from '../../src/model/unique-counter.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';
import { resolvePolicy } from '../../src/policy/index.js';
import { createStream } from '../../src/engine/index.js';

const policy = resolvePolicy(meta202510, {}, (n) => createStream(1, n));
const tiers = [{ name: 'TIER_3', limit: 3 }];

test('the limit counts unique users: a repeat to a counted user costs nothing', () => {
  const pool = createPool(0, 'p', 10, 0, policy);
  assert.equal([0, 1, 2, 0, 1].map((u) => tryCount(pool, u, 0, tiers)), [true, true, true, true, true]);
  assert.is(tryCount(pool, 3, 10, tiers), false);
  assert.is(pool.window.count, 3);
});

test('capacity frees exactly 24 h after a user was last messaged (moving window, not calendar day)', () => {
  const pool = createPool(0, 'p', 10, 0, policy);
  tryCount(pool, 0, 0, tiers);
  tryCount(pool, 1, 1 * HOUR, tiers);
  tryCount(pool, 2, 2 * HOUR, tiers);
  assert.is(tryCount(pool, 3, 24 * HOUR - 1, tiers), false);
  assert.is(tryCount(pool, 3, 24 * HOUR, tiers), true); // user 0 left the window
  assert.is(tryCount(pool, 4, 24 * HOUR + 1, tiers), false);
});

test('a user messaged again inside the window stays counted for a full window after that', () => {
  const pool = createPool(0, 'p', 10, 0, policy);
  tryCount(pool, 0, 0, tiers);
  tryCount(pool, 1, 0, tiers);
  tryCount(pool, 2, 0, tiers);
  tryCount(pool, 0, 23 * HOUR, tiers); // free, but refreshes user 0
  expire(pool.window, 30 * HOUR);
  assert.is(pool.window.count, 1);
  assert.is(tryCount(pool, 5, 30 * HOUR, tiers), true);
  assert.is(tryCount(pool, 6, 30 * HOUR, tiers), true);
  assert.is(tryCount(pool, 7, 30 * HOUR, tiers), false);
});

test('an unlimited tier never refuses', () => {
  const pool = createPool(0, 'p', 5000, 0, policy);
  const unlimited = [{ name: 'TIER_UNLIMITED', limit: null }];
  for (let u = 0; u < 5000; u++) assert.ok(tryCount(pool, u, u, unlimited));
});

test.run();
