import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { spread } from '../../src/run/aggregate.js';

const close = (a: number, b: number, eps = 1e-3): void => assert.ok(Math.abs(a - b) < eps, `${a} ≉ ${b}`);

test('the 95% interval of the mean uses Student t: [1, 2, 3] → 2 ± 4.303 / √3', () => {
  // t(0.975, 2) = 4.303 (any t table); sd = 1
  const s = spread([3, 1, 2]);
  assert.is(s.mean, 2);
  assert.is(s.sd, 1);
  close(s.ci95[0], 2 - 4.303 / Math.sqrt(3));
  close(s.ci95[1], 2 + 4.303 / Math.sqrt(3));
});

test('ten seeds: the interval is mean ± 2.262 · sd / √10', () => {
  // t(0.975, 9) = 2.262 (any t table)
  const values = [12, 15, 9, 11, 14, 10, 13, 8, 16, 12];
  const s = spread(values);
  const half = (2.262 * s.sd) / Math.sqrt(10);
  close(s.ci95[0], s.mean - half, 2e-3);
  close(s.ci95[1], s.mean + half, 2e-3);
});

test('one run gives no spread: sd 0 and a zero-width interval, never NaN', () => {
  assert.equal(spread([7]), { mean: 7, sd: 0, ci95: [7, 7], p5: 7, p50: 7, p95: 7, min: 7, max: 7 });
});

test('identical runs give a zero-width interval', () => {
  assert.equal(spread([4, 4, 4, 4]).ci95, [4, 4]);
});

test.run();
