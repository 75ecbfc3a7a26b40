import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { countAt, createUniqueCounter, expire, touch } from '../../src/model/unique-counter.js';

test('countAt reads the count expire would leave, without changing the counter', () => {
  const c = createUniqueCounter(5, 1000);
  touch(c, 0, 0);
  touch(c, 1, 100);
  touch(c, 0, 500); // user 0 again: counted until 1500
  const trace = [0, 999, 1000, 1100, 1499, 1500].map((t) => [t, countAt(c, t)]);
  assert.equal(trace, [[0, 2], [999, 2], [1000, 2], [1100, 1], [1499, 1], [1500, 0]]);
  assert.is(c.touches.head, 0, 'nothing expired by reading');
  expire(c, 1100);
  assert.is(c.count, countAt(c, 1100));
});

test.run();
