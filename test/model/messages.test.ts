import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MessageTable } from '../../src/model/messages.js';

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

test.run();
