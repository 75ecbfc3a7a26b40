/**
 * The plausible ranges the inference searches (its priors), log-uniform: a block rate of 0.1% and
 * one of 1% are equally likely before the log is read. They are not model numbers (the model's are
 * policy-profile parameters, src/policy/); they bound the search, and the report shows them.
 */

/** A parameter's prior: log-uniform on [min, max]. */
export interface LogUniformPrior {
  readonly name: 'blockProbability' | 'reportProbability';
  readonly min: number;
  readonly max: number;
}

/**
 * Block probability per delivered template: 0.05%–10%. Community estimate (MODEL.md §2 and the
 * quality thresholds table, from seed 003_bb4d35adda67ac79.txt: "block rate under 1% safe; above
 * 2% → RED"; 0.5% HIGH, 1.5% LOW): the range runs a decade below the safe rate and five times
 * above the RED rate, where a number cannot keep sending.
 */
export const BLOCK_PRIOR: LogUniformPrior = { name: 'blockProbability', min: 0.0005, max: 0.1 };

/**
 * Report (spam report, with a block) probability per delivered template: 0.005%–1%. Community
 * estimate: reports are a small fraction of blocks (seed 003_bb4d35adda67ac79.txt; MODEL.md §2
 * "reports severe"); the scenario default is 0.05% (src/scenario/schema.ts), the range spans it a
 * decade each way and up to half the RED block rate.
 */
export const REPORT_PRIOR: LogUniformPrior = { name: 'reportProbability', min: 0.00005, max: 0.01 };

/** The priors sampled, in order. */
export const PRIORS: readonly LogUniformPrior[] = [BLOCK_PRIOR, REPORT_PRIOR];

/**
 * Position of `x` on the prior's (log) scale, 0 at min and 1 at max.
 * @example onScale(BLOCK_PRIOR, 0.0005) // 0
 */
export function onScale(p: LogUniformPrior, x: number): number {
  return (Math.log(x) - Math.log(p.min)) / (Math.log(p.max) - Math.log(p.min));
}

/**
 * The value at position `u` (0–1) of the prior's (log) scale: a uniform `u` gives a log-uniform draw.
 * @example fromScale(BLOCK_PRIOR, 1) // 0.1
 */
export function fromScale(p: LogUniformPrior, u: number): number {
  return Math.exp(Math.log(p.min) + u * (Math.log(p.max) - Math.log(p.min)));
}
