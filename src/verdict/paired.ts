/**
 * Paired differences across common seeds. Runs of two strategies (or two variants) with the same
 * seed share the audience, the sampled parameters and every user's reactions (README "Paired
 * comparisons"), so the difference seed by seed removes what the two have in common and its
 * interval is much tighter than the difference of two independent means.
 */
import jStat from 'jstat';
import { mean, sampleStandardDeviation } from 'simple-statistics';
import type { RunResult } from '../run/results.js';

export interface PairedDifference {
  /** Common seeds the difference is over. */
  readonly n: number;
  readonly mean: number;
  /** 95% confidence interval of the mean difference (Student's t over the seeds); [mean, mean] for one seed. */
  readonly ci95: readonly [number, number];
}

/**
 * The mean of `value(a) − value(b)` over the seeds both lists have, with its 95% interval;
 * undefined when they share no seed.
 * @example pairedDifference(tierAware, blast, (r) => r.summary.delivered) // { n: 10, mean: 9500, ci95: [9380, 9620] }
 */
export function pairedDifference(a: readonly RunResult[], b: readonly RunResult[], value: (run: RunResult) => number): PairedDifference | undefined {
  const bySeed = new Map(b.map((r) => [r.seed, r]));
  const diffs: number[] = [];
  for (const run of a) {
    const other = bySeed.get(run.seed);
    if (other) diffs.push(value(run) - value(other));
  }
  if (diffs.length === 0) return undefined;
  const m = mean(diffs);
  const half = diffs.length > 1 ? jStat.studentt.inv(0.975, diffs.length - 1) * (sampleStandardDeviation(diffs) / Math.sqrt(diffs.length)) : 0;
  return { n: diffs.length, mean: m, ci95: [m - half, m + half] };
}

/** True when the interval excludes 0 (the difference holds at the 95% level), false with one seed. */
export function separated(d: PairedDifference): boolean {
  return d.n > 1 && (d.ci95[0] > 0 || d.ci95[1] < 0);
}
