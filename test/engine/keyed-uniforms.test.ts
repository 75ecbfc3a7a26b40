/**
 * src/engine/keyed-uniforms.ts — common random numbers: uniforms addressed by (a, b). The model
 * draws every user's reactions from it, so its numbers must be uniform and independent across
 * users and within a user's sequence, and fixed by (key, a, b) alone.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createStream, KeyedUniforms, keyedUniforms } from '../../src/engine/index.js';

const N = 100_000;

test('the same (a, b) gives the same sequence whenever it is asked for, and another key another one', () => {
  const u = new KeyedUniforms(99);
  const first = [u.seek(42, 3).next(), u.next(), u.next()];
  u.seek(7, 0).next();
  assert.equal([u.seek(42, 3).next(), u.next(), u.next()], first);
  assert.not.equal([new KeyedUniforms(100).seek(42, 3).next()], [first[0]]);
  assert.is(keyedUniforms(createStream(1, 'reactions')).seek(1, 1).next(), keyedUniforms(createStream(1, 'reactions')).seek(1, 1).next());
});

test('uniform: every draw position over many users has mean ½ and puts 2% below 0.02 (±4 standard errors)', () => {
  const u = new KeyedUniforms(12345);
  for (let pos = 0; pos < 14; pos++) {
    let sum = 0;
    let low = 0;
    for (let a = 0; a < N; a++) {
      u.seek(a, pos % 3);
      let x = 0;
      for (let i = 0; i <= pos; i++) x = u.next();
      sum += x;
      if (x < 0.02) low++;
      assert.ok(x >= 0 && x < 1);
    }
    assert.ok(Math.abs(sum / N - 0.5) < 4 * Math.sqrt(1 / 12 / N), `mean at ${pos}: ${sum / N}`);
    assert.ok(Math.abs(low / N - 0.02) < 4 * Math.sqrt((0.02 * 0.98) / N), `share below 0.02 at ${pos}: ${low / N}`);
  }
});

test('independent: no correlation between draws of one sequence, between neighbouring users, or between a user\'s k-th and (k+1)-th sequences', () => {
  const u = new KeyedUniforms(777);
  const corr = (pairs: (a: number) => [number, number]): number => {
    let sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
    for (let a = 0; a < N; a++) {
      const [x, y] = pairs(a);
      sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
    }
    const cov = sxy / N - (sx / N) * (sy / N);
    return cov / Math.sqrt((sxx / N - (sx / N) ** 2) * (syy / N - (sy / N) ** 2));
  };
  const bound = 4 / Math.sqrt(N);
  const within = corr((a) => { u.seek(a, 0); const x = u.next(); u.next(); return [x, u.next()]; });
  const users = corr((a) => [u.seek(a, 0).next(), u.seek(a + 1, 0).next()]);
  const messages = corr((a) => [u.seek(a, 0).next(), u.seek(a, 1).next()]);
  for (const [name, r] of [['within', within], ['users', users], ['messages', messages]] as const) assert.ok(Math.abs(r) < bound, `${name}: ${r}`);
});

test.run();
