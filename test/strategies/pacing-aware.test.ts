import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ERROR_CODES } from '../../src/model/codes.js';
import type { SenderApi, Webhook } from '../../src/model/observable.js';
import { pacingAware, type Strategy } from '../../src/strategies/index.js';
import { DAY, fake, HOUR, refused, type Call } from './fake-api.js';

const MIN = 60_000;

/** Sends grouped into bursts separated by at least `gap` ms: [start time, count]. */
function batches(sends: readonly Call[], gap = 10 * MIN): [number, number][] {
  const out: [number, number][] = [];
  let last = -Infinity;
  for (const s of sends) {
    if (s.t - last >= gap) out.push([s.t, 0]);
    out[out.length - 1][1]++;
    last = s.t;
  }
  return out;
}

/** Delivers message_template_status_update `event` for the template. */
const templateStatus = (event: string) => (api: SenderApi, s: Strategy): void => {
  const w: Webhook = { kind: 'message_template_status_update', template: 'promo', event, at: api.now() };
  s.onWebhook?.(api, w);
};

test('a marketing template ramps 200, 400, 800 … to the lowest indices, 60 minutes apart, up to the daily target', () => {
  const f = fake(pacingAware, {}, { campaigns: [{ id: 'c', count: 100_000, dailyTarget: 3000 }] });
  f.runUntil(DAY - 1);
  const b = batches(f.sends());
  assert.equal(b.map(([, n]) => n), [200, 400, 800, 1600]);
  assert.equal(f.sends().map((s) => s.to), Array.from({ length: 3000 }, (_, i) => i));
  for (let k = 1; k < b.length; k++) {
    const prevEnd = f.sends().filter((s) => s.t < b[k][0]).at(-1)!.t;
    assert.ok(b[k][0] - prevEnd >= 60 * MIN, `batch ${k} waited ${(b[k][0] - prevEnd) / MIN} min`);
  }
  f.runUntil(DAY + 1);
  assert.is(f.sends().filter((s) => s.t >= DAY).length > 0, true, 'the next day continues');
});

test('held_for_quality_assessment: no new sends until the wait passes', () => {
  let n = 0;
  const f = fake(pacingAware, {}, {
    campaigns: [{ id: 'c', count: 10_000 }],
    respond: () => (++n === 50 ? { ok: true, messageId: n, messageStatus: 'held_for_quality_assessment' } : undefined),
  });
  f.runUntil(2 * HOUR);
  const sends = f.sends();
  assert.is(sends.filter((s) => s.t < 60 * MIN).length, 50);
  assert.ok(sends[50].t - sends[49].t >= 60 * MIN);
  assert.is(batches(sends)[1][1], 200, 'the batch after a hold does not grow');
});

test('held: a message_template_status_update for the template resumes early', () => {
  let n = 0;
  const f = fake(pacingAware, {}, {
    campaigns: [{ id: 'c', count: 10_000 }],
    respond: () => (++n === 10 ? { ok: true, messageId: n, messageStatus: 'held_for_quality_assessment' } : undefined),
  });
  f.at(20 * MIN, templateStatus('REINSTATED'));
  f.runUntil(30 * MIN);
  assert.is(f.sends()[10].t, 20 * MIN);
});

test('PAUSED: not one send of the template until REINSTATED, then the ramp starts again at the first batch', () => {
  let paused = false;
  const f = fake(pacingAware, {}, { campaigns: [{ id: 'c', count: 100_000 }], respond: () => (paused ? refused(ERROR_CODES.templatePaused) : undefined) });
  f.at(90 * MIN, (api, s) => {
    paused = true;
    templateStatus('PAUSED')(api, s);
  });
  f.at(6 * HOUR, (api, s) => {
    paused = false;
    templateStatus('REINSTATED')(api, s);
  });
  f.runUntil(8 * HOUR);
  const sends = f.sends();
  assert.equal(sends.filter((s) => s.t >= 90 * MIN && s.t < 6 * HOUR), []);
  const after = batches(sends.filter((s) => s.t >= 6 * HOUR));
  assert.equal(after[0], [6 * HOUR, 200]);
});

test('132015 without the webhook: one probe per wait, never a loop', () => {
  const f = fake(pacingAware, {}, { campaigns: [{ id: 'c', count: 1000 }], respond: () => refused(ERROR_CODES.templatePaused) });
  f.runUntil(5 * HOUR);
  assert.equal(f.sends().map((s) => s.t), [0, 1, 2, 3, 4, 5].map((h) => h * 60 * MIN));
});

test('DISABLED ends the campaign', () => {
  const f = fake(pacingAware, {}, { campaigns: [{ id: 'c', count: 100_000 }] });
  f.at(30 * MIN, templateStatus('DISABLED'));
  f.runUntil(3 * DAY);
  assert.is(f.sends().filter((s) => s.t > 30 * MIN).length, 0);
});

test('a utility template is not ramped: the daily target in one batch', () => {
  const f = fake(pacingAware, {}, { templates: [{ id: 'promo', category: 'utility' }], campaigns: [{ id: 'c', count: 1000, dailyTarget: 500 }] });
  f.runUntil(DAY + HOUR);
  assert.equal(batches(f.sends()).map(([t, n]) => [t, n]), [[0, 500], [DAY, 500]]);
});

test.run();
