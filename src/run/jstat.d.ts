/** The pieces of jstat (no published types) wabasim uses: Student's t quantile (aggregate.ts, verdict/paired.ts) and the binomial CDF (calibration facts). */
declare module 'jstat' {
  const jStat: {
    readonly studentt: { inv(p: number, dof: number): number };
    readonly binomial: { cdf(k: number, n: number, p: number): number };
    /** Beta and gamma quantiles: the beta sampler (policy/distribution.ts) and calibration intervals (src/calibrate/). */
    readonly beta: { inv(p: number, alpha: number, beta: number): number };
    readonly gamma: { inv(p: number, shape: number, scale: number): number };
    readonly normal: { inv(p: number, mean: number, sd: number): number; cdf(x: number, mean: number, sd: number): number };
  };
  export default jStat;
}
