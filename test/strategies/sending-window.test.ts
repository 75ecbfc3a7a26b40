import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createStream, DAY, HOUR } from '../../src/engine/index.js';
import { spreadTimes, windowDay, windowOf } from '../../src/strategies/index.js';

const W = { startHour: 9, hours: 8 };

test('windows open at the start hour of each day; the current one is the first not yet closed', () => {
  assert.equal(windowOf(1, W), { start: DAY + 9 * HOUR, end: DAY + 17 * HOUR });
  assert.equal([0, 9 * HOUR, 17 * HOUR - 1, 17 * HOUR, DAY + 20 * HOUR].map((t) => windowDay(t, W)), [0, 0, 0, 1, 2]);
  assert.is(windowDay(DAY + HOUR, { startHour: 22, hours: 4 }), 0, 'a window past midnight is still open');
});

test('spreadTimes: one time per equal stratum, sorted, inside the span, fixed by the seed', () => {
  const times = spreadTimes(createStream(1, 'strategy'), 0, 1000, 10);
  assert.is(times.length, 10);
  times.forEach((t, i) => assert.ok(t >= i * 100 && t < (i + 1) * 100, `${t}`));
  assert.equal(spreadTimes(createStream(1, 'strategy'), 0, 1000, 10), times);
  assert.equal(spreadTimes(createStream(1, 'strategy'), 0, 1000, 0), []);
  assert.equal(spreadTimes(createStream(1, 'strategy'), 5, 5, 3), []);
});

test.run();
