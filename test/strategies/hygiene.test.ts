import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES } from '../../src/model/codes.js';
import { createUnansweredCounter, hygiene } from '../../src/strategies/index.js';
import { DAY, fake, HOUR, type Call } from './fake-api.js';

/** Delivers a status for each accepted send as it happens (delivered a second later, optionally read). */
function deliverAll(f: ReturnType<typeof fake>, from: number, read: (to: number) => boolean): void {
  for (const s of f.sends().slice(from)) {
    if (!s.response?.ok) continue;
    const id = s.response.messageId;
    f.at(s.t + 1000, (api, st) => st.onStatus?.(api, { messageId: id, status: 'delivered', from: 'a', to: s.to!, at: api.now() }));
    if (read(s.to!)) f.at(s.t + 2000, (api, st) => st.onStatus?.(api, { messageId: id, status: 'read', from: 'a', to: s.to!, at: api.now() }));
  }
}

test('never a message to a recipient after their STOP, in this campaign or a later one', () => {
  const f = fake(hygiene, {}, { campaigns: [{ id: 'one', count: 20 }, { id: 'two', count: 20, startAt: 2 * DAY }] });
  f.runUntil(DAY);
  f.at(DAY + HOUR, (api, s) => {
    s.onInbound?.(api, { from: 3, to: 'a', kind: 'stop', at: api.now() });
    s.onInbound?.(api, { from: 7, to: 'a', kind: 'stop', at: api.now() });
  });
  f.runUntil(4 * DAY);
  const late = f.sends().filter((s: Call) => s.t > DAY + HOUR);
  assert.is(late.length, 18);
  assert.equal(late.filter((s) => s.to === 3 || s.to === 7), []);
});

test('a STOP mid-campaign removes the recipient from the rest of it', () => {
  const f = fake(hygiene, {}, { campaigns: [{ id: 'one', count: 100, dailyTarget: 10 }] });
  f.at(0, (api, s) => s.onInbound?.(api, { from: 50, to: 'a', kind: 'stop', at: 0 }));
  f.runUntil(11 * DAY);
  assert.is(f.sends().length, 99);
  assert.not.ok(f.sends().some((s) => s.to === 50));
});

test('a recipient whose message failed with 131026 (blocked) is dropped from later sends', () => {
  const f = fake(hygiene, {}, { campaigns: [{ id: 'one', count: 5 }, { id: 'two', count: 5, startAt: 2 * DAY }] });
  f.runUntil(DAY);
  const to2 = f.sends().find((s) => s.to === 2)!;
  f.at(DAY, (api, s) => to2.response?.ok && s.onStatus?.(api, { messageId: to2.response.messageId, status: 'failed', code: ERROR_CODES.undeliverable, from: 'a', to: 2, at: api.now() }));
  f.runUntil(4 * DAY);
  assert.equal(f.sends().filter((s) => s.t >= 2 * DAY).map((s) => s.to), [0, 1, 3, 4]);
});

test('unengaged recipients (3 delivered, none read) are skipped; readers are not', () => {
  const campaigns = [0, 1, 2, 3].map((k) => ({ id: `c${k}`, count: 4, startAt: k * DAY }));
  const f = fake(hygiene, {}, { campaigns });
  let seen = 0;
  for (let d = 1; d <= 4; d++) {
    f.runUntil(d * DAY - 1);
    deliverAll(f, seen, (to) => to < 2);
    seen = f.sends().length;
  }
  f.runUntil(5 * DAY);
  const fourth = f.sends().filter((s) => s.t >= 3 * DAY).map((s) => s.to);
  assert.equal(fourth, [0, 1]);
});

test('it pauses a number while its own unanswered counter is at pauseAt; replies keep it sending', () => {
  const run = (reply: boolean): number[] => {
    const f = fake(hygiene, { pauseAt: 5 }, { campaigns: [{ id: 'c', count: 1000, dailyTarget: 10 }] });
    for (const d of [1, 2]) {
      const seen = f.sends().length;
      f.runUntil(d * DAY - 1);
      deliverAll(f, seen, () => false);
      if (reply) for (const s of f.sends().slice(seen)) f.at(s.t + HOUR, (api, st) => st.onInbound?.(api, { from: s.to!, to: 'a', kind: 'reply', at: api.now() }));
    }
    f.runUntil(4 * DAY);
    return [0, 1, 2, 3].map((d) => f.sends().filter((s) => s.t >= d * DAY && s.t < (d + 1) * DAY).length);
  };
  const silent = run(false);
  assert.equal(silent.slice(0, 2), [10, 10]);
  assert.ok(silent[2] >= 4 && silent[2] < 10, `day 2: ${silent[2]} (the counter reaches 5 as day 0's messages pass 48 h)`);
  assert.is(silent[3], 0);
  assert.equal(run(true), [10, 10, 10, 10]);
});

test('the unanswered counter: 48 hours to answer, 30 days on the counter', () => {
  const c = createUnansweredCounter(48 * HOUR, 30 * DAY);
  c.delivered('a', 1, 0);
  c.delivered('a', 2, 0);
  c.delivered('a', 3, 0);
  c.answered(1, 10 * HOUR);
  c.answered(2, 50 * HOUR);
  assert.is(c.count('a', 47 * HOUR), 0);
  assert.is(c.count('a', 48 * HOUR), 2);
  assert.is(c.count('b', 48 * HOUR), 0);
  assert.is(c.count('a', 48 * HOUR + 30 * DAY - 1), 2);
  assert.is(c.count('a', 48 * HOUR + 30 * DAY), 0);
});

test.run();
