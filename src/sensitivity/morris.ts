/**
 * Morris elementary effects (Morris 1991; μ* from Campolongo, Cariboni & Saltelli 2007) on a
 * radial one-at-a-time design (Campolongo, Saltelli & Cariboni 2011): from a base point, each
 * parameter in turn is moved to another value, the others held. With parameters scaled to [0, 1]
 * over their range, an elementary effect is the outcome's change per whole range.
 */

/** One radial pair for one parameter: the outcome at the base point and after the step, and the step in [0, 1] units. */
export interface RadialPair {
  readonly base: number;
  readonly moved: number;
  readonly step: number;
}

export interface ElementaryEffects {
  /** Mean of |EE|. */
  readonly muStar: number;
  /** Mean of EE. */
  readonly mu: number;
  /** Sample standard deviation of EE (0 with one pair). */
  readonly sigma: number;
}

/**
 * μ*, μ and σ of a parameter's elementary effects EE = (moved − base) / step.
 * Why: μ* ranks parameters by influence (it does not cancel out when the effect changes sign),
 * σ flags non-linear effects and interactions; r pairs cost r extra runs per parameter.
 * @throws {Error} with no pair or a zero step (a design bug)
 * @example elementaryEffects([{ base: 1, moved: 3, step: 0.5 }, { base: 2, moved: 1, step: -0.5 }]) // { muStar: 3, mu: 3, sigma: 1.414… }
 */
export function elementaryEffects(pairs: readonly RadialPair[]): ElementaryEffects {
  if (pairs.length === 0) throw new Error('elementary effects need at least one pair');
  const ee = pairs.map((p) => {
    if (p.step === 0) throw new Error('an elementary effect needs a step');
    return (p.moved - p.base) / p.step;
  });
  const mu = ee.reduce((s, x) => s + x, 0) / ee.length;
  const muStar = ee.reduce((s, x) => s + Math.abs(x), 0) / ee.length;
  const sigma = ee.length > 1 ? Math.sqrt(ee.reduce((s, x) => s + (x - mu) ** 2, 0) / (ee.length - 1)) : 0;
  return { muStar, mu, sigma };
}
