/**
 * Welch's interval for the difference of two independent means, from each side's mean, standard
 * deviation and count: Student's t with the Welch–Satterthwaite degrees of freedom. Used by
 * `wabasim diff` when two results files share no seeds, so runs cannot be paired.
 */
import jStat from 'jstat';

/** One side's summary across seeds. */
export interface SampleSummary {
  readonly mean: number;
  readonly sd: number;
  readonly n: number;
}

export interface WelchDifference {
  /** `b.mean − a.mean`. */
  readonly mean: number;
  /** 95% interval of the difference; [mean, mean] when either side has fewer than two runs or no spread. */
  readonly ci95: readonly [number, number];
  /** Welch–Satterthwaite degrees of freedom (NaN when undefined). */
  readonly df: number;
}

/**
 * The difference `b − a` of two independent means with its 95% Welch interval.
 * Why: two sweeps of different seeds cannot be paired; Welch does not assume equal variances.
 * Cost O(1). Throws nothing.
 * @example welchDifference({ mean: 10, sd: 2, n: 5 }, { mean: 14, sd: 3, n: 6 }) // { mean: 4, ci95: [0.73, 7.27], df: 8.8 }
 */
export function welchDifference(a: SampleSummary, b: SampleSummary): WelchDifference {
  const d = b.mean - a.mean;
  if (a.n < 2 || b.n < 2) return { mean: d, ci95: [d, d], df: NaN };
  const va = (a.sd * a.sd) / a.n;
  const vb = (b.sd * b.sd) / b.n;
  const se2 = va + vb;
  if (se2 === 0) return { mean: d, ci95: [d, d], df: a.n + b.n - 2 };
  const df = (se2 * se2) / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = jStat.studentt.inv(0.975, df) * Math.sqrt(se2);
  return { mean: d, ci95: [d - half, d + half], df };
}
