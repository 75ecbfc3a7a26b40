/** Latin hypercube samples of the unit cube (McKay, Beckman & Conover 1979). */
import type { Rng } from '../engine/index.js';

/**
 * `n` points in [0, 1)^k such that, in every dimension, each of the n equal slices holds exactly
 * one point (a random permutation of the slices per dimension, a uniform position inside each).
 * Why: a stratified sample; every parameter's range is covered evenly even with few draws, and
 * with a bin count that divides n, each bin of a given-data estimate holds the same number of points.
 * Cost: n × k draws; dimension by dimension, so the first dimensions do not depend on k.
 * @example latinHypercube(4, 2, rng) // [[0.61, 0.12], [0.05, 0.93], [0.37, 0.70], [0.88, 0.41]]
 */
export function latinHypercube(n: number, k: number, rng: Rng): number[][] {
  const points = Array.from({ length: n }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    const slices = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const m = Math.floor(rng.next() * (i + 1));
      [slices[i], slices[m]] = [slices[m], slices[i]];
    }
    for (let i = 0; i < n; i++) points[i][j] = (slices[i] + rng.next()) / n;
  }
  return points;
}
