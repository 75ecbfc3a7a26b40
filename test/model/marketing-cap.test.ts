/**
 * src/model/marketing-cap.ts — the per-user marketing cap (MODEL.md §4; seed 000 cluster 3; BSP caps,
 * reported): 2 marketing messages per user per 24 h from one business without a reply, 4 from all
 * businesses (other brands' volume drawn per delivery, Poisson); a user capped by other brands stays
 * saturated for `saturationHours` (24); a send within `retryWindowHours` (1) of a 131049 is an
 * aggressive retry. (In a run: delivery.test.ts, delivery-limits.test.ts.)
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR, MINUTE, createStream, keyedUniforms } from '../../src/engine/index.js';
import { createMarketingState, isRetryAfterCap, marketingCapped, noteReply } from '../../src/model/marketing-cap.js';
import type { MarketingState } from '../../src/model/state/index.js';
import { resolvePolicy } from '../../src/policy/index.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';

const p = resolvePolicy(meta202510, {}, (n) => createStream(1, n)).marketingCap;
/** A marketing delivery to `user` at `now`, no other brands: true when it fails with 131049. */
const capped = (m: MarketingState, user: number, now: number, othersPerDay = 0, rng = keyedUniforms(createStream(1, 'm'))): boolean => marketingCapped(m, user, now, othersPerDay, p, rng);

test('per business: the third marketing message in 24 h without a reply fails (131049); 24 h after the first, one more goes', () => {
  const m = createMarketingState(1);
  assert.equal([0, MINUTE, 2 * MINUTE].map((t) => capped(m, 0, t)), [false, false, true]);
  assert.is(capped(m, 0, 24 * HOUR - 1), true, 'both still within the last 24 h');
  assert.is(capped(m, 0, 24 * HOUR + 1), false, 'the first one left the moving 24 h');
  assert.is(capped(m, 0, 24 * HOUR + 2), true);
});

test('a reply (noteReply) allows one more marketing message', () => {
  const m = createMarketingState(1);
  capped(m, 0, 0);
  capped(m, 0, MINUTE);
  assert.is(capped(m, 0, 2 * MINUTE), true);
  noteReply(m, 0, 3 * MINUTE);
  assert.is(capped(m, 0, 4 * MINUTE), false);
});

test('a reply allows one more marketing message in the window, not a fresh count (MODEL.md §4)', () => {
  const m = createMarketingState(1);
  capped(m, 0, 0);
  capped(m, 0, MINUTE);
  noteReply(m, 0, 3 * MINUTE);
  assert.equal([4, 5].map((min) => capped(m, 0, min * MINUTE)), [false, true]);
});

test('the cap is per user: another user still gets their two', () => {
  const m = createMarketingState(2);
  assert.equal([capped(m, 0, 0), capped(m, 0, 1), capped(m, 0, 2), capped(m, 1, 3), capped(m, 1, 4), capped(m, 1, 5)], [false, false, true, false, false, true]);
});

test('cross-brand saturation: with no own messages a user is capped when other brands sent 4 or more, P(N ≥ 4) for N ~ Poisson(2) = 0.1429', () => {
  // reference: 1 − e^−2 (1 + 2 + 2 + 4/3) = 0.142877; 20,000 users: sd 0.0025, bounds ±4 sd
  const users = 20_000;
  const m = createMarketingState(users);
  const rng = keyedUniforms(createStream(7, 'marketing'));
  let n = 0;
  for (let u = 0; u < users; u++) if (capped(m, u, 0, 2, rng)) n++;
  assert.ok(Math.abs(n / users - 0.142877) < 0.01, `${n / users}`);
});

test('own and other brands add up to the cap of 4: after one own message, capped when others sent 3 or more, P(N ≥ 3) = 0.3233', () => {
  // reference: 1 − 5 e^−2 = 0.323324; 20,000 users: sd 0.0033, bounds ±4 sd
  const users = 20_000;
  const m = createMarketingState(users);
  const rng = keyedUniforms(createStream(7, 'marketing'));
  let n = 0;
  for (let u = 0; u < users; u++) {
    capped(m, u, 0, 0, rng);
    if (capped(m, u, HOUR, 2, rng)) n++;
  }
  assert.ok(Math.abs(n / users - 0.323324) < 0.0135, `${n / users}`);
});

test('a user saturated by other brands stays capped for saturationHours = 24 h, so a retry cannot win a fresh draw', () => {
  const m = createMarketingState(1);
  const rng = keyedUniforms(createStream(1, 'm'));
  assert.is(capped(m, 0, 0, 50, rng), true, '50 a day from other brands: saturated');
  // even with no cross-brand traffic, the user stays saturated until the period ends
  for (let t = MINUTE; t < p.saturationHours * HOUR; t += HOUR) assert.is(capped(m, 0, t, 0, rng), true);
  assert.is(capped(m, 0, p.saturationHours * HOUR, 0, rng), false);
});

test('a user capped by this business alone is not saturated: capped only while the own messages are in the last 24 h', () => {
  const m = createMarketingState(1);
  capped(m, 0, 0);
  capped(m, 0, 12 * HOUR);
  assert.is(capped(m, 0, 12 * HOUR + 1), true);
  assert.is(capped(m, 0, 24 * HOUR + 1), false, 'one own message in the last day: not 24 h from the 131049');
});

test('a marketing send within retryWindowHours = 1 h of a 131049 is an aggressive retry (seed 000); at 1 h, or the next day, it is not', () => {
  const m = createMarketingState(1);
  m.last131049[0] = 0;
  assert.equal([5 * MINUTE, HOUR - 1, HOUR, 24 * HOUR].map((t) => isRetryAfterCap(m, 0, t, p)), [true, true, false, false]);
});

test('every refused resend renews the 131049, so a retry loop stays a retry loop', () => {
  const m = createMarketingState(1);
  const rng = keyedUniforms(createStream(1, 'm'));
  capped(m, 0, 0, 50, rng); // saturated at 0
  capped(m, 0, 50 * MINUTE, 0, rng); // refused again (saturated)
  assert.is(isRetryAfterCap(m, 0, 100 * MINUTE, p), true, '50 min after the latest 131049');
});

test.run();
