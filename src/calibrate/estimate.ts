/**
 * The estimators of `wabasim calibrate`: proportions as Beta posteriors (Jeffreys prior,
 * Beta(½, ½)), rates as Gamma posteriors (Jeffreys prior for a Poisson rate), delays fitted as
 * the scenario format's exponential or log-normal forms by maximum likelihood from sufficient
 * statistics (so a reader keeps four numbers per delay kind, never the delays). Each carries n and
 * a 95% interval. Pure functions; no randomness.
 */
import jStat from 'jstat';

/** A proportion's posterior: Beta(alpha, beta) from `k` successes in `n` trials, Jeffreys prior. */
export interface Proportion {
  readonly kind: 'proportion';
  readonly n: number;
  readonly k: number;
  readonly alpha: number;
  readonly beta: number;
  readonly mean: number;
  readonly lo95: number;
  readonly hi95: number;
}

/** A Poisson rate's posterior: Gamma(count + ½, 1 / exposure). */
export interface Rate {
  readonly kind: 'rate';
  /** Events counted. */
  readonly n: number;
  /** Exposure (e.g. recipient-days). */
  readonly exposure: number;
  readonly mean: number;
  readonly sd: number;
  readonly lo95: number;
  readonly hi95: number;
}

/** Sufficient statistics of a sample of positive delays (seconds). */
export interface DelayStats {
  n: number;
  /** Σ x */
  sum: number;
  /** Σ ln x */
  sumLog: number;
  /** Σ (ln x)² */
  sumLog2: number;
}

export function emptyDelayStats(): DelayStats {
  return { n: 0, sum: 0, sumLog: 0, sumLog2: 0 };
}

/**
 * Smallest delay kept, seconds: webhook timestamps are whole seconds, so a delay under a second
 * reads as 0; half a second stands for it (the log of 0 is not finite).
 */
export const MIN_DELAY_SECONDS = 0.5;

export function addDelay(s: DelayStats, seconds: number): void {
  const x = Math.max(MIN_DELAY_SECONDS, seconds);
  const l = Math.log(x);
  s.n++;
  s.sum += x;
  s.sumLog += l;
  s.sumLog2 += l * l;
}

export function mergeDelayStats(into: DelayStats, from: DelayStats): void {
  into.n += from.n;
  into.sum += from.sum;
  into.sumLog += from.sumLog;
  into.sumLog2 += from.sumLog2;
}

/** A delay fit in both of the scenario format's forms, and which one the data prefer (AIC). */
export interface DelayFit {
  readonly kind: 'delay';
  readonly n: number;
  /** The form to write: the one with the lower AIC (exponential on a tie or n < 3). */
  readonly best: 'exponential' | 'lognormal';
  readonly exponential: { readonly mean: number; readonly lo95: number; readonly hi95: number; readonly logLik: number };
  readonly lognormal: {
    readonly median: number;
    readonly medianLo95: number;
    readonly medianHi95: number;
    readonly sigma: number;
    readonly sigmaLo95: number;
    readonly sigmaHi95: number;
    readonly logLik: number;
  };
}

const Z95 = 1.959963984540054;

/**
 * A proportion from `k` of `n`: Beta(k + ½, n − k + ½) (Jeffreys), its mean and central 95% interval.
 * @example proportion(80, 100).mean // ≈ 0.797
 */
export function proportion(k: number, n: number): Proportion {
  const kk = Math.max(0, Math.min(k, n));
  const alpha = kk + 0.5;
  const beta = n - kk + 0.5;
  return { kind: 'proportion', n, k: kk, alpha, beta, mean: alpha / (alpha + beta), lo95: jStat.beta.inv(0.025, alpha, beta), hi95: jStat.beta.inv(0.975, alpha, beta) };
}

/**
 * A Poisson rate from `count` events over `exposure`: Gamma(count + ½, 1 / exposure) (Jeffreys).
 * @example rate(30, 3000).mean // ≈ 0.0102
 */
export function rate(count: number, exposure: number): Rate {
  if (!(exposure > 0)) return { kind: 'rate', n: count, exposure: 0, mean: 0, sd: 0, lo95: 0, hi95: 0 };
  const shape = count + 0.5;
  return { kind: 'rate', n: count, exposure, mean: shape / exposure, sd: Math.sqrt(shape) / exposure, lo95: jStat.gamma.inv(0.025, shape, 1 / exposure), hi95: jStat.gamma.inv(0.975, shape, 1 / exposure) };
}

/**
 * Maximum-likelihood fits of an exponential (mean) and a log-normal (median = e^μ, sigma) to the
 * delays behind `s`, with 95% intervals: the exponential mean's exact one (Σx / Gamma(n, 1)
 * quantiles), the log-normal median's from the t-like normal interval of μ, sigma's from the
 * chi-square interval of the variance. Undefined when there is no delay.
 */
export function fitDelay(s: DelayStats): DelayFit | undefined {
  const n = s.n;
  if (n === 0) return undefined;
  const mean = s.sum / n;
  const expLogLik = -n * Math.log(mean) - n;
  const expLo = s.sum / jStat.gamma.inv(0.975, n, 1);
  const expHi = s.sum / jStat.gamma.inv(0.025, n, 1);
  const mu = s.sumLog / n;
  const variance = Math.max(0, s.sumLog2 / n - mu * mu);
  const sigma = Math.sqrt(variance);
  const sd = n > 1 ? Math.sqrt((variance * n) / (n - 1)) : 0;
  const lnLogLik = sigma > 0 ? -s.sumLog - n * Math.log(sigma) - (n / 2) * Math.log(2 * Math.PI) - n / 2 : -Infinity;
  const half = n > 1 ? (Z95 * sd) / Math.sqrt(n) : Infinity;
  const sigmaLo = n > 1 ? sd * Math.sqrt((n - 1) / chiSquareInv(0.975, n - 1)) : 0;
  const sigmaHi = n > 1 ? sd * Math.sqrt((n - 1) / chiSquareInv(0.025, n - 1)) : Infinity;
  // AIC = 2k − 2 ln L: the log-normal has one parameter more
  const best = n >= 3 && 4 - 2 * lnLogLik < 2 - 2 * expLogLik ? 'lognormal' : 'exponential';
  return {
    kind: 'delay',
    n,
    best,
    exponential: { mean, lo95: expLo, hi95: expHi, logLik: expLogLik },
    lognormal: { median: Math.exp(mu), medianLo95: Math.exp(mu - half), medianHi95: Math.exp(mu + half), sigma: sd, sigmaLo95: sigmaLo, sigmaHi95: sigmaHi, logLik: lnLogLik },
  };
}

function chiSquareInv(p: number, dof: number): number {
  return 2 * jStat.gamma.inv(p, dof / 2, 1);
}

/** The fitted delay as the scenario format writes it (seconds). */
export function delaySpec(fit: DelayFit): { exponential: { mean: number } } | { lognormal: { median: number; sigma: number } } {
  const cap = 366 * 86_400; // the schema's bound on a delay parameter
  if (fit.best === 'exponential') return { exponential: { mean: round(Math.min(cap, fit.exponential.mean), 4) } };
  return { lognormal: { median: round(Math.min(cap, fit.lognormal.median), 4), sigma: round(Math.min(10, fit.lognormal.sigma), 4) } };
}

/** The fitted distribution's `q` quantile (seconds), for the censoring window. */
export function delayQuantile(fit: DelayFit, q: number): number {
  if (fit.best === 'exponential') return -Math.log(1 - q) * fit.exponential.mean;
  return fit.lognormal.median * Math.exp(fit.lognormal.sigma * normalInv(q));
}

/** The fitted density at `seconds` (per second). */
export function delayDensity(fit: DelayFit, form: 'exponential' | 'lognormal', seconds: number): number {
  if (form === 'exponential') return Math.exp(-seconds / fit.exponential.mean) / fit.exponential.mean;
  const { median, sigma } = fit.lognormal;
  if (!(sigma > 0) || seconds <= 0) return 0;
  const z = (Math.log(seconds) - Math.log(median)) / sigma;
  return Math.exp(-0.5 * z * z) / (seconds * sigma * Math.sqrt(2 * Math.PI));
}

/** The fitted CDF at `seconds`. */
export function delayCdf(fit: DelayFit, form: 'exponential' | 'lognormal', seconds: number): number {
  if (seconds <= 0) return 0;
  if (form === 'exponential') return 1 - Math.exp(-seconds / fit.exponential.mean);
  const { median, sigma } = fit.lognormal;
  if (!(sigma > 0)) return seconds >= median ? 1 : 0;
  return jStat.normal.cdf((Math.log(seconds) - Math.log(median)) / sigma, 0, 1);
}

function normalInv(q: number): number {
  return jStat.normal.inv(q, 0, 1);
}

/** `x` rounded to `digits` significant digits (for written files: no 0.30000000000000004). */
export function round(x: number, digits = 4): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(digits));
}
