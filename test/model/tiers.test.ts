import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR } from '../../src/engine/index.js';
import { admitToLimit, createPool, settleLimit } from '../../src/model/tiers.js';
import { expire } from '../../src/model/unique-counter.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';
import { resolvePolicy, type TierDef } from '../../src/policy/index.js';
import { createStream } from '../../src/engine/index.js';
import type { LimitPool } from '../../src/model/state/index.js';

const policy = resolvePolicy(meta202510, {}, (n) => createStream(1, n));
const tiers = [{ name: 'TIER_3', limit: 3 }];

/** A business-initiated message to `user` at `now`, delivered at once when admitted. */
function tryCount(pool: LimitPool, user: number, now: number, t: readonly TierDef[]): boolean {
  if (!admitToLimit(pool, user, now, t)) return false;
  settleLimit(pool, user, now, true, t);
  return true;
}

test('a send that fails before delivery (131049) uses no limit slot: Meta counts the users it delivers to', () => {
  const pool = createPool(0, 'p', 10, 0, policy);
  assert.ok(admitToLimit(pool, 0, 0, tiers));
  assert.ok(admitToLimit(pool, 1, 0, tiers));
  assert.ok(admitToLimit(pool, 2, 0, tiers));
  assert.is(admitToLimit(pool, 3, 0, tiers), false, 'three slots held by messages in flight');
  settleLimit(pool, 1, 1000, false, tiers); // user 1's message failed with 131049
  assert.is(pool.window.count, 0);
  assert.ok(admitToLimit(pool, 3, 1000, tiers), 'the failed send freed its slot');
  settleLimit(pool, 0, 2000, true, tiers);
  assert.is(pool.window.count, 1, 'a delivery counts the user');
  assert.is(admitToLimit(pool, 4, 2000, tiers), false);
});

test('a slot held for a user with two messages in flight is freed only when both have failed', () => {
  const pool = createPool(0, 'p', 10, 0, policy);
  admitToLimit(pool, 0, 0, tiers);
  admitToLimit(pool, 0, 0, tiers);
  settleLimit(pool, 0, 10, false, tiers);
  assert.is(pool.reserved, 1);
  settleLimit(pool, 0, 20, false, tiers);
  assert.is(pool.reserved, 0);
});

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
