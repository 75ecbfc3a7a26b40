/**
 * Sampling helpers over an injected `Rng`. There is no Math.random fallback: a seed fixes every draw.
 */
import type { Rng } from './rng.js';

/** True with probability `p` (0 ≤ p ≤ 1). */
export function bernoulli(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/** Exponential variate with the given mean (same unit as the mean); mean 0 gives 0. */
export function exponential(rng: Rng, mean: number): number {
  return -Math.log(1 - rng.next()) * mean;
}

/** Uniform variate in [min, max). */
export function uniform(rng: Rng, min: number, max: number): number {
  return min + (max - min) * rng.next();
}

/** Triangular variate on [min, max] with the given mode (inverse-CDF method). */
export function triangular(rng: Rng, min: number, mode: number, max: number): number {
  if (max === min) return min;
  const u = rng.next();
  const f = (mode - min) / (max - min);
  return u < f ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
}

/** Standard normal variate (Box–Muller, two uniform draws per call so the draw count is fixed). */
export function standardNormal(rng: Rng): number {
  const u1 = 1 - rng.next();
  const u2 = rng.next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Normal variate clipped to [min, max] (clipping, not rejection, so the draw count is fixed). */
export function clippedNormal(rng: Rng, mean: number, sd: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, mean + sd * standardNormal(rng)));
}

/** Log-normal variate with the given median and log-space standard deviation `sigma`. */
export function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * standardNormal(rng));
}

/** Index drawn from non-negative `weights` (need not sum to 1); -1 when all weights are 0. */
export function pickWeighted(rng: Rng, weights: readonly number[]): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]; // an index loop: for…of allocated an iterator per call here
  if (total <= 0) return -1;
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}
