import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { COMPACT_DATA_LIMIT } from '../../src/engine/index.js';
import { InFlightMessages } from '../../src/model/messages.js';
import type { RunContext } from '../../src/model/index.js';
import { readdirSync } from 'node:fs';
import { loadScenario, planVariants } from '../../src/scenario/index.js';
import { resolveStrategies, runOnce } from '../../src/run/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';
import { runWith, scenario, segment, timetable } from './helpers.js';

const kept = (): InFlightMessages => new InFlightMessages({ keepIds: true, numbers: 3, templates: 5, recipients: 1_000_000 });

test('kept ids: a slot keeps its fields until its last pending event is released, then is reused', () => {
  const m = kept();
  const a = m.open(7, 2, 42, 3, true);
  m.retain(a); // deliver
  m.retain(a); // read
  assert.is(m.withBlockReason(a, 4), a, 'a kept message stays in its slot');
  assert.equal({ ...m.load(a) }, { id: 7, number: 2, recipient: 42, template: 3, counted: true, blockReason: 4 });
  m.release(a);
  assert.is(m.live, 1);
  const b = m.open(8, 0, 1, -1, false);
  assert.is.not(b, a, 'a slot with an event pending is not handed out again');
  m.release(a);
  assert.is(m.live, 1);
  assert.is(m.open(9, 1, 5, 0, false), a, 'the freed slot is reused');
  assert.equal({ ...m.load(a) }, { id: 9, number: 1, recipient: 5, template: 0, counted: false, blockReason: 0 });
});

test('kept ids: growing past the initial size keeps every row (100,000 messages in flight)', () => {
  const m = kept();
  const slots: number[] = [];
  for (let i = 0; i < 100_000; i++) {
    const s = m.open(i + 1, i % 3, i, i % 5, i % 2 === 0);
    m.retain(s);
    slots.push(s);
  }
  assert.is(m.live, 100_000);
  assert.ok(slots.every((s, i) => { const f = m.load(s); return f.id === i + 1 && f.recipient === i && f.number === i % 3 && f.counted === (i % 2 === 0); }));
  for (const s of slots) m.release(s);
  assert.is(m.live, 0);
});

test('packed: the datum carries every field but the id, and stores nothing', () => {
  const m = new InFlightMessages({ keepIds: false, numbers: 3, templates: 5, recipients: 1_000_000 });
  assert.is(m.keepsIds, false);
  for (const [number, recipient, template, counted, reason] of [[0, 0, -1, false, 0], [2, 999_999, 4, true, 7], [1, 123_456, 0, false, 3]] as const) {
    const datum = m.withBlockReason(m.open(5, number, recipient, template, counted), reason);
    assert.ok(Number.isInteger(datum) && datum >= 0 && datum < COMPACT_DATA_LIMIT, String(datum));
    m.retain(datum);
    assert.equal({ ...m.load(datum) }, { id: -1, number, recipient, template, counted, blockReason: reason });
    m.release(datum);
  }
  assert.is(m.live, 0);
  assert.throws(() => m.withBlockReason(0, 8), /Block reason/);
});

test('packing falls back to kept ids when the fields do not fit an event datum', () => {
  assert.is(new InFlightMessages({ keepIds: false, numbers: 1000, templates: 1000, recipients: 2 ** 30 }).keepsIds, true);
});

test('an id over 32 bits is refused rather than wrapped', () => {
  assert.throws(() => kept().open(2 ** 31, 0, 0, 0, false), /Message id/);
});

test('a run keeps a message only while an event about it is pending (nothing left once every reaction is in)', () => {
  const campaign = (horizonDays: number): { live: number; pending: number; result: ReturnType<typeof runWith>['result'] } => {
    let live = -1;
    let pending = -1;
    const { result } = runWith( // traced, so message ids are kept
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

test('results are byte-identical whether message ids are kept or packed (every bundled scenario, every strategy without listeners)', async () => {
  let compared = 0;
  for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'large.json')) {
    const s = loadScenario(`scenarios/${file}`, BUILTIN_NAMES);
    const [variant] = planVariants(s, { file, strategyNames: BUILTIN_NAMES });
    for (const strategy of await resolveStrategies(s.strategies, `scenarios/${file}`)) {
      let keepsIds = true;
      const packed = JSON.stringify(runOnce(variant, strategy, 2, { atHorizon: (ctx) => void (keepsIds = ctx.messages.keepsIds) }));
      if (keepsIds) continue; // the strategy listens to statuses or inbound messages: ids are kept either way
      assert.is(JSON.stringify(runOnce(variant, strategy, 2, { keepMessageIds: true })), packed, `${file} × ${strategy.label}`);
      compared++;
    }
  }
  assert.ok(compared >= 5, `${compared} runs compared`);
});

test.run();
