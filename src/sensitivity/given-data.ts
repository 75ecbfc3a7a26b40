/**
 * First-order (main-effect) Sobol indices from given data (Plischke, Borgonovo & Smith 2013):
 * S_i = Var(E[Y | X_i]) / Var(Y), estimated from one sample of independent draws by cutting X_i's
 * range into bins and comparing the bins' means. One sample serves every parameter, so the cost
 * does not grow with the number of parameters — the reason wabasim uses it for ~100 estimates.
 */
import type { Rng } from '../engine/index.js';

/**
 * The bias-corrected share of `y`'s variance explained by the bin of `x` (each x in [0, 1], cut in
 * `bins` equal bins): ε² = (SSB − (m − 1) · SSW / (n − m)) / SST (Kelley 1935), where m is the number
 * of non-empty bins. The raw between-bin share overstates S_i by about (m − 1) / n even for a
 * parameter with no effect; ε² removes that, so it can come out slightly below 0.
 * Returns undefined when y never varies or there are no more points than bins.
 * Cost: O(n).
 * @example firstOrderIndex([0.1, 0.2, 0.6, 0.9], [1, 1, 3, 3], 2) // 1
 */
export function firstOrderIndex(x: readonly number[], y: readonly number[], bins: number): number | undefined {
  const n = y.length;
  const sum = new Float64Array(bins);
  const count = new Float64Array(bins);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const b = Math.min(bins - 1, Math.floor(x[i] * bins));
    sum[b] += y[i];
    count[b]++;
    total += y[i];
  }
  const mean = total / n;
  let sst = 0;
  for (let i = 0; i < n; i++) sst += (y[i] - mean) ** 2;
  let ssb = 0;
  let m = 0;
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    m++;
    ssb += count[b] * (sum[b] / count[b] - mean) ** 2;
  }
  if (sst <= 1e-12 * Math.max(1, mean * mean) * n || n <= m) return undefined;
  const ssw = sst - ssb;
  return (ssb - ((m - 1) * ssw) / (n - m)) / sst;
}

/**
 * The mean of `y` over the points whose `x` falls in the low, middle and high third of [0, 1]
 * (NaN for an empty third).
 * Why: the tornado's bars — where the outcome lands, on average over everything else, when the
 * parameter is at the low or the high end of its plausible range.
 * @example thirdMeans([0.1, 0.5, 0.9], [1, 2, 3]) // [1, 2, 3]
 */
export function thirdMeans(x: readonly number[], y: readonly number[]): [number, number, number] {
  const sum = [0, 0, 0];
  const count = [0, 0, 0];
  for (let i = 0; i < y.length; i++) {
    const t = Math.min(2, Math.floor(x[i] * 3));
    sum[t] += y[i];
    count[t]++;
  }
  return [sum[0] / count[0], sum[1] / count[1], sum[2] / count[2]];
}

/**
 * `resamples` bootstrap samples of the indices 0…n − 1 (drawn with replacement from `rng`).
 * Why: one set of resamples serves every index of an analysis, so intervals are comparable and cheap.
 * @example bootstrapSamples(3, 2, rng) // [[2, 0, 0], [1, 1, 2]]
 */
export function bootstrapSamples(n: number, resamples: number, rng: Rng): number[][] {
  return Array.from({ length: resamples }, () => Array.from({ length: n }, () => Math.floor(rng.next() * n)));
}

/**
 * The 2.5% and 97.5% quantiles of `statistic` over `samples` (percentile bootstrap); resamples
 * where the statistic is undefined are left out. [NaN, NaN] when none is defined.
 * @example percentileInterval(samples, (idx) => firstOrderIndex(idx.map((i) => x[i]), idx.map((i) => y[i]), 10))
 */
export function percentileInterval(samples: readonly (readonly number[])[], statistic: (indices: readonly number[]) => number | undefined): [number, number] {
  const values = samples.map(statistic).filter((v): v is number => v !== undefined && Number.isFinite(v)).sort((a, b) => a - b);
  if (values.length === 0) return [NaN, NaN];
  const at = (q: number): number => values[Math.min(values.length - 1, Math.max(0, Math.round(q * (values.length - 1))))];
  return [at(0.025), at(0.975)];
}
