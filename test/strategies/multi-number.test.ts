import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { QualityRating, SenderApi } from '../../src/model/observable.js';
import { multiNumber, type Strategy } from '../../src/strategies/index.js';
import { DAY, fake, HOUR } from './fake-api.js';

/** Delivers a phone_number_quality_update rating `number` as `rating`. */
const rated = (number: string, rating: QualityRating) => (api: SenderApi, s: Strategy): void =>
  s.onWebhook?.(api, { kind: 'phone_number_quality_update', number, event: 'QUALITY_UPDATED', currentLimit: 'TIER_2K', currentQualityRating: rating, at: api.now() });

test('sends go round-robin over every number of the portfolio', () => {
  const f = fake(multiNumber, {}, { numbers: ['a', 'b', 'c'], campaigns: [{ id: 'c', count: 9 }] });
  f.runUntil(DAY);
  assert.equal(f.sends().map((s) => s.from), ['a', 'b', 'c', 'a', 'b', 'c', 'a', 'b', 'c']);
  assert.equal(f.sends().map((s) => s.to), [0, 1, 2, 3, 4, 5, 6, 7, 8]);
});

test('a number that went RED sends nothing until it is GREEN again; the others carry the load', () => {
  const f = fake(multiNumber, { poll: false }, { numbers: ['a', 'b', 'c'], campaigns: [{ id: 'c', count: 100_000, dailyTarget: 3000 }] });
  f.at(10 * HOUR, rated('b', 'RED'));
  f.at(DAY + 11 * HOUR, rated('b', 'YELLOW'));
  f.at(DAY + 12 * HOUR, rated('b', 'GREEN'));
  f.runUntil(2 * DAY);
  const fromB = f.sends().filter((s) => s.from === 'b');
  assert.equal(fromB.filter((s) => s.t >= 10 * HOUR && s.t < DAY + 12 * HOUR), []);
  assert.ok(fromB.some((s) => s.t >= DAY + 12 * HOUR), 'b is back after GREEN');
  assert.is(f.sends().filter((s) => s.t < DAY).length, 3000, 'the daily volume holds');
});

test('a YELLOW quality_rating read from the phone number isolates it from the window opening', () => {
  const f = fake(multiNumber, {}, { numbers: ['a', 'b'], campaigns: [{ id: 'c', count: 100 }], phone: (id) => ({ quality_rating: id === 'a' ? 'YELLOW' : 'GREEN' }) });
  f.runUntil(DAY);
  assert.equal([...new Set(f.sends().map((s) => s.from))], ['b']);
});

test('every number isolated: nothing goes out (and nothing is skipped)', () => {
  const f = fake(multiNumber, { poll: false }, { numbers: ['a', 'b'], campaigns: [{ id: 'c', count: 1000, dailyTarget: 100 }] });
  f.at(12 * HOUR, rated('a', 'RED'));
  f.at(12 * HOUR, rated('b', 'YELLOW'));
  f.at(DAY, rated('a', 'GREEN'));
  f.runUntil(2 * DAY);
  const sends = f.sends();
  assert.equal(sends.filter((s) => s.t >= 12 * HOUR && s.t < DAY), []);
  assert.equal(sends.map((s) => s.to), Array.from({ length: sends.length }, (_, i) => i), 'no recipient skipped');
});

test('an account_update restriction isolates a number until it ends', () => {
  const f = fake(multiNumber, { poll: false }, { numbers: ['a', 'b'], campaigns: [{ id: 'c', count: 1000, dailyTarget: 100 }] });
  f.at(0, (api, s) => s.onWebhook?.(api, { kind: 'account_update', number: 'a', event: 'ACCOUNT_RESTRICTION', until: DAY + 12 * HOUR, at: 0 }));
  f.runUntil(3 * DAY);
  const fromA = f.sends().filter((s) => s.from === 'a').map((s) => s.t);
  assert.ok(fromA.length > 0 && fromA.every((t) => t >= DAY + 12 * HOUR));
});

test.run();
