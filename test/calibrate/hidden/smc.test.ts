import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createStream, standardNormal } from '../../../src/engine/index.js';
import { phi, sampleAbc } from '../../../src/calibrate/hidden/smc.js';

/** A toy model with a known posterior: x = θ + N(0, 0.05²), θ uniform on [0, 1], x observed 0.3 → θ | x ≈ N(0.3, 0.05²). */
async function toy(generations: number, seed: number) {
  const noise = createStream(seed, 'toy:noise');
  const s = await sampleAbc({
    n: 300,
    dims: 1,
    generations,
    acceptShare: 0.2,
    minKept: 10,
    rng: createStream(seed, 'toy:draws'),
    simulate: async (u) => [u[0] + 0.05 * standardNormal(noise)],
    distanceFrom: () => (row) => Math.abs(row[0] - 0.3),
  });
  const mean = s.kept.reduce((a, i, k) => a + s.weights[k] * s.u[i][0], 0);
  const sd = Math.sqrt(s.kept.reduce((a, i, k) => a + s.weights[k] * (s.u[i][0] - mean) ** 2, 0));
  return { s, mean, sd };
}

test('SMC-ABC recovers a known posterior (mean 0.3, sd 0.05) with weights that sum to 1, tighter than rejection', async () => {
  const smc = await toy(3, 1);
  const rejection = await toy(1, 1);
  assert.ok(Math.abs(smc.s.weights.reduce((a, b) => a + b, 0) - 1) < 1e-9);
  assert.ok(Math.abs(smc.mean - 0.3) < 0.03, `mean ${smc.mean}`);
  assert.ok(smc.sd > 0.03 && smc.sd < 0.09, `sd ${smc.sd}`);
  assert.ok(smc.s.tolerance < rejection.s.tolerance, `SMC tolerance ${smc.s.tolerance} below rejection's ${rejection.s.tolerance}`);
  assert.is(smc.s.u.length, 300, 'the budget is spent exactly');
});

test('phi is the standard normal CDF', () => {
  assert.ok(Math.abs(phi(0) - 0.5) < 1e-7);
  assert.ok(Math.abs(phi(1.959964) - 0.975) < 1e-6);
  assert.ok(Math.abs(phi(-1) - 0.158655) < 1e-6);
});

test.run();
