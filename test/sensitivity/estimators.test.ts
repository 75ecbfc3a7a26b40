/**
 * The estimators of `wabasim sensitivity` on functions whose indices are known analytically:
 * a linear model (elementary effects are its coefficients, first-order shares β²/Σβ²) and the
 * Ishigami function (Ishigami & Homma 1990; indices from Sobol' & Levitan 1999, also in SALib's
 * test suite: S1 = 0.3139, S2 = 0.4424, S3 = 0, with x3 acting only through its interaction with x1).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createStream } from '../../src/engine/index.js';
import { buildDesign, designSizes, elementaryEffects, firstOrderIndex, latinHypercube, halfSampleInterval, halfSamples, thirdMeans, drawSeeds } from '../../src/sensitivity/index.js';

const A = 7;
const B = 0.1;
/** Ishigami on the unit cube (each x mapped to [−π, π]). */
const ishigami = (u: readonly number[]): number => {
  const [x1, x2, x3] = u.map((v) => -Math.PI + 2 * Math.PI * v);
  return Math.sin(x1) + A * Math.sin(x2) ** 2 + B * x3 ** 4 * Math.sin(x1);
};
const V = A ** 2 / 8 + (B * Math.PI ** 4) / 5 + (B ** 2 * Math.PI ** 8) / 18 + 0.5;
const S1 = (0.5 * (1 + (B * Math.PI ** 4) / 5) ** 2) / V;
const S2 = A ** 2 / 8 / V;

test('the analytic Ishigami indices used below are the published ones', () => {
  assert.ok(Math.abs(S1 - 0.3139) < 1e-4 && Math.abs(S2 - 0.4424) < 1e-4);
});

test('a Latin hypercube puts exactly one point in each of the n slices of every dimension', () => {
  const pts = latinHypercube(50, 4, createStream(3, 'lhs'));
  for (let j = 0; j < 4; j++) assert.equal(pts.map((p) => Math.floor(p[j] * 50)).sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i));
});

test('a radial design moves one coordinate per point, by at least a third of the range, and every point stays in the cube', () => {
  const d = buildDesign(5, { trajectories: 4, samples: 12 }, createStream(1, 'design'));
  assert.is(d.points.length, 4 * 6 + 12);
  for (const t of d.trajectories) {
    t.moved.forEach((m, i) => {
      const diff = d.points[m].map((x, j) => x - d.points[t.base][j]);
      assert.equal(diff.map((x, j) => (j === i ? 0 : x)), [0, 0, 0, 0, 0]);
      assert.ok(Math.abs(t.steps[i]) >= 1 / 3 - 1e-12 && Math.abs(t.steps[i]) <= 2 / 3 + 1e-12, `step ${t.steps[i]}`);
      assert.ok(Math.abs(diff[i] - t.steps[i]) < 1e-12);
    });
  }
  assert.ok(d.points.every((p) => p.every((x) => x >= 0 && x < 1)));
  assert.equal(d.groups.slice(0, 7), [0, 0, 0, 0, 0, 0, 1]);
  assert.equal(d.groups.slice(24, 27), [4, 5, 6]);
  assert.equal(drawSeeds(3, 2, 10, 1), [7, 8]);
  assert.equal(drawSeeds(6, 2, 10, 1), [3, 4]);
  assert.equal(designSizes(420, 106), { trajectories: 2, samples: 206 });
  assert.equal(designSizes(10, 106), { trajectories: 1, samples: 0 }, 'at least one trajectory');
  assert.equal(designSizes(30, 4), { trajectories: 3, samples: 15 });
});

test('elementary effects of a linear model are its coefficients (μ = β, μ* = |β|, σ = 0)', () => {
  const beta = [3, -2, 0, 0.5];
  const f = (u: readonly number[]): number => beta.reduce((s, b, i) => s + b * u[i], 1);
  const d = buildDesign(4, { trajectories: 6, samples: 0 }, createStream(2, 'design'));
  const y = d.points.map(f);
  beta.forEach((b, i) => {
    const ee = elementaryEffects(d.trajectories.map((t) => ({ base: y[t.base], moved: y[t.moved[i]], step: t.steps[i] })));
    assert.ok(Math.abs(ee.mu - b) < 1e-9 && Math.abs(ee.muStar - Math.abs(b)) < 1e-9 && ee.sigma < 1e-9, `parameter ${i}: ${JSON.stringify(ee)}`);
  });
});

test('Morris ranks Ishigami x2 and x1 above x3, yet sees x3 (it acts through x1, so its σ is large); a first-order index cannot', () => {
  const d = buildDesign(3, { trajectories: 40, samples: 0 }, createStream(4, 'design'));
  const y = d.points.map(ishigami);
  const ee = [0, 1, 2].map((i) => elementaryEffects(d.trajectories.map((t) => ({ base: y[t.base], moved: y[t.moved[i]], step: t.steps[i] }))));
  assert.ok(ee[2].muStar > 1, `x3 μ* ${ee[2].muStar}`);
  assert.ok(ee[2].sigma > ee[2].muStar * 0.5, 'x3 acts only through an interaction');
  assert.ok(Math.abs(ee[2].mu) < ee[2].muStar / 2, 'x3 changes sign with sin(x1)');
});

test('given-data first-order indices reproduce Ishigami: S1 = 0.314, S2 = 0.442, S3 = 0 (within 0.03)', () => {
  const pts = latinHypercube(8000, 3, createStream(5, 'lhs'));
  const y = pts.map(ishigami);
  const s = [0, 1, 2].map((i) => firstOrderIndex(pts.map((p) => p[i]), y, 20)!);
  assert.ok(Math.abs(s[0] - S1) < 0.03, `S1 ${s[0]}`);
  assert.ok(Math.abs(s[1] - S2) < 0.03, `S2 ${s[1]}`);
  assert.ok(Math.abs(s[2]) < 0.03, `S3 ${s[2]}`);
});

test('given-data indices of a linear model are β² / Σβ² (within 0.04, about 3 sd at 5,000 points), and an inert parameter gets about 0 (the bias correction works)', () => {
  const pts = latinHypercube(5000, 3, createStream(6, 'lhs'));
  const y = pts.map((p) => p[0] + 2 * p[1]);
  const s = [0, 1, 2].map((i) => firstOrderIndex(pts.map((p) => p[i]), y, 10)!);
  assert.ok(Math.abs(s[0] - 0.2) < 0.04 && Math.abs(s[1] - 0.8) < 0.04, JSON.stringify(s));
  assert.ok(Math.abs(s[2]) < 0.01, `inert ${s[2]}`);
  assert.is(firstOrderIndex([0.1, 0.6], [2, 2], 2), undefined, 'an outcome that never varies has no index');
  const halves = halfSamples(5000, 100, createStream(7, 'halves'));
  assert.ok(halves.every((h) => h.length === 2500 && new Set(h).size === 2500), 'halves without duplicates');
  // 10 bins see a step function of x2: Var(E[Y | bin]) is (1 − 1/10²) of Var(E[Y | x2]), so the interval sits near 0.792
  const [lo, hi] = halfSampleInterval(s[1], halves, (idx) => firstOrderIndex(idx.map((k) => pts[k][1]), idx.map((k) => y[k]), 10))!;
  assert.ok(lo < 0.792 && 0.792 < hi && hi - lo < 0.05, `interval ${lo}–${hi}`);
  const [lo0, hi0] = halfSampleInterval(s[2], halves, (idx) => firstOrderIndex(idx.map((k) => pts[k][2]), idx.map((k) => y[k]), 10))!;
  assert.ok(lo0 < 0 && 0 < hi0 && hi0 - lo0 < 0.02, `the inert parameter's interval holds 0: ${lo0}–${hi0}`);
  assert.equal(thirdMeans([0.1, 0.2, 0.5, 0.9], [1, 3, 5, 7]), [2, 5, 7]);
});

test.run();
