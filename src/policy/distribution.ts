/**
 * Numeric parameters given as a fixed value or as a distribution sampled once per run
 * (PRODUCT.md "Scenario files"), so uncertainty in estimated thresholds shows as spread across seeds.
 */
import jStat from 'jstat';
import { clippedNormal, triangular, uniform, type Rng } from '../engine/index.js';

export type Distribution =
  | { readonly uniform: readonly [number, number] }
  | { readonly triangular: readonly [number, number, number] }
  | { readonly normal: { readonly mean: number; readonly sd: number; readonly min: number; readonly max: number } }
  | { readonly beta: { readonly alpha: number; readonly beta: number } };

/** A numeric parameter: a number, or a distribution to sample once per run. */
export type NumericParam = number | Distribution;

/**
 * Returns the value of `param` for this run: the number itself, or one draw from `rng`.
 * @example sampleParam({ uniform: [0.01, 0.02] }, rng) // e.g. 0.0137
 */
export function sampleParam(param: NumericParam, rng: Rng): number {
  if (typeof param === 'number') return param;
  if ('uniform' in param) return uniform(rng, param.uniform[0], param.uniform[1]);
  if ('triangular' in param) return triangular(rng, param.triangular[0], param.triangular[1], param.triangular[2]);
  // Beta by its inverse CDF: one uniform per draw, so the stream's draw count is fixed
  if ('beta' in param) return Math.min(1, Math.max(0, jStat.beta.inv(rng.next(), param.beta.alpha, param.beta.beta)));
  const n = param.normal;
  return clippedNormal(rng, n.mean, n.sd, n.min, n.max);
}

/** The [min, max] a parameter can take: its bounds for a distribution, [v, v] for a number. */
export function paramRange(param: NumericParam): [number, number] {
  if (typeof param === 'number') return [param, param];
  if ('uniform' in param) return [param.uniform[0], param.uniform[1]];
  if ('triangular' in param) return [param.triangular[0], param.triangular[2]];
  if ('beta' in param) return [0, 1];
  return [param.normal.min, param.normal.max];
}

/** True if `value` is a distribution object (the scenario schema has already checked its shape). */
export function isDistribution(value: unknown): value is Distribution {
  return typeof value === 'object' && value !== null && !Array.isArray(value) &&
    ('uniform' in value || 'triangular' in value || 'normal' in value || 'beta' in value);
}
