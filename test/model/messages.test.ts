import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MessageTable } from '../../src/model/messages.js';
import type { RunContext } from '../../src/model/index.js';
import { runWith, scenario, segment, timetable } from './helpers.js';

test('a slot keeps its fields until its last pending event is released, then is reused', () => {
  const m = new MessageTable();
  const a = m.open(7, 2, 42, 3, true);
  m.retain(a); // deliver
  m.retain(a); // read
  m.setBlockReason(a, 4);
  assert.equal([m.id(a), m.number(a), m.recipient(a), m.template(a), m.counted(a), m.blockReason(a)], [7, 2, 42, 3, true, 4]);
  m.release(a);
  assert.is(m.live, 1);
  const b = m.open(8, 0, 1, -1, false);
  assert.is.not(b, a, 'a slot with an event pending is not handed out again');
  m.release(a);
  assert.is(m.live, 1);
  assert.is(m.open(9, 1, 5, 0, false), a, 'the freed slot is reused');
  assert.equal([m.id(a), m.recipient(a), m.template(a), m.counted(a), m.blockReason(a)], [9, 5, 0, false, 0]);
});

test('growing past the initial size keeps every row (100,000 messages in flight)', () => {
  const m = new MessageTable();
  const slots: number[] = [];
  for (let i = 0; i < 100_000; i++) {
    const s = m.open(i + 1, i % 3, i, i % 5, i % 2 === 0);
    m.retain(s);
    slots.push(s);
  }
  assert.is(m.live, 100_000);
  assert.ok(slots.every((s, i) => m.id(s) === i + 1 && m.recipient(s) === i && m.number(s) === i % 3 && m.counted(s) === (i % 2 === 0)));
  for (const s of slots) m.release(s);
  assert.is(m.live, 0);
});

test('an id over 32 bits is refused rather than wrapped', () => {
  assert.throws(() => new MessageTable().open(2 ** 31, 0, 0, 0, false), /Message id/);
});

test('a run keeps a message only while an event about it is pending (nothing left once every reaction is in)', () => {
  const campaign = (horizonDays: number): { live: number; pending: number; result: ReturnType<typeof runWith>['result'] } => {
    let live = -1;
    let pending = -1;
    const { result } = runWith(
      scenario({
        horizonDays,
        audience: { segments: [segment({ id: 'clean', size: 1_000, readProbability: 0.9, replyProbability: 0.3, blockProbability: 0.02, reportProbability: 0.005, stopProbability: 0.01, readDelay: { exponential: { mean: 600 } }, replyDelay: { exponential: { mean: 3600 } } })] },
      }),
      timetable([{ day: 0, hour: 0, number: 'a', count: 240 }]), // under the starting TIER_250 limit
      1,
      (ctx: RunContext) => {
        live = ctx.messages.live;
        pending = ctx.sim.pending;
      },
    );
    return { live, pending, result };
  };
  const midway = campaign(1 / 48); // 30 minutes: replies and reads still to come
  assert.ok(midway.live > 0 && midway.live <= midway.pending, `${midway.live} messages held, ${midway.pending} events pending`);
  const done = campaign(10);
  assert.is(done.result.summary.accepted, 240);
  assert.ok(done.result.summary.read > 180 && done.result.summary.replies > 40, JSON.stringify(done.result.summary));
  assert.is(done.live, 0);
});

test.run();
