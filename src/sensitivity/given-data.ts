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
 * `count` random halves of the indices 0…n − 1 (each ⌊n/2⌋ indices drawn without replacement from `rng`).
 * Why: one set of halves serves every index of an analysis, so intervals are comparable and cheap;
 * halves hold no duplicate point, which would add between-bin variance to a bin-based index (a
 * bootstrap resample's duplicates put its distribution well above the estimate).
 * @example halfSamples(6, 2, rng) // [[4, 0, 5], [1, 3, 2]]
 */
export function halfSamples(n: number, count: number, rng: Rng): number[][] {
  const m = Math.floor(n / 2);
  return Array.from({ length: count }, () => {
    const idx = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < m; i++) {
      const j = i + Math.floor(rng.next() * (n - i));
      [idx[i], idx[j]] = [idx[j], idx[i]];
    }
    return idx.slice(0, m);
  });
}

/**
 * A 95% interval for `estimate` from its values on random halves of the sample (the delete-d
 * jackknife with d = n/2, Shao & Wu 1989: the spread of the half-sample values estimates the
 * standard error of the whole-sample one): estimate ± 1.96 × their standard deviation. Halves
 * where the statistic is undefined are left out; null when fewer than two remain.
 * @example halfSampleInterval(0.8, halves, (idx) => firstOrderIndex(idx.map((i) => x[i]), idx.map((i) => y[i]), 10)) // [0.78, 0.82]
 */
export function halfSampleInterval(estimate: number, halves: readonly (readonly number[])[], statistic: (indices: readonly number[]) => number | undefined): [number, number] | null {
  const values = halves.map(statistic).filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (values.length < 2) return null;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1));
  return [estimate - 1.96 * sd, estimate + 1.96 * sd];
}
