/**
 * The shape of a regression baseline (baselines/<scenario file name>): per variant × strategy the
 * aggregate summary metrics (mean, p5, p95 across seeds), the scenario it was recorded from, and
 * the tolerance a check allows.
 */

/** The statistics of each metric a baseline keeps. */
export const BASELINE_STATS = ['mean', 'p5', 'p95'] as const;
export type BaselineStat = (typeof BASELINE_STATS)[number];

/** A difference is drift when |now − baseline| > max(absolute, relative × max(|baseline|, |now|)). */
export interface Tolerance {
  readonly relative: number;
  readonly absolute: number;
}

/**
 * Tolerances: a default, and per metric (an exact metric name, or a prefix ending in `*`, e.g.
 * `failedByCode.*`). Edit them in the baseline file; re-recording keeps them.
 */
export interface ToleranceSection {
  readonly default: Tolerance;
  readonly metrics: Readonly<Record<string, Tolerance>>;
}

/** Runs are deterministic, so the default is an exact match up to floating-point noise. */
export const DEFAULT_TOLERANCE: ToleranceSection = { default: { relative: 1e-9, absolute: 0 }, metrics: {} };

export interface BaselineEntry {
  readonly variant: string;
  readonly strategy: string;
  readonly seeds: number;
  readonly metrics: Readonly<Record<string, Readonly<Record<BaselineStat, number>>>>;
}

export interface Baseline {
  /** The wabasim version that recorded it (informational; not compared). */
  readonly wabasim: string;
  /** The scenario file, relative to the directory the baseline was recorded from. */
  readonly scenario: string;
  readonly tolerance: ToleranceSection;
  readonly entries: readonly BaselineEntry[];
}

/** One value that moved beyond its tolerance (null: absent on that side). */
export interface DriftRow {
  readonly variant: string;
  readonly strategy: string;
  readonly metric: string;
  readonly stat: BaselineStat | 'seeds' | 'entry';
  readonly baseline: number | null;
  readonly now: number | null;
  readonly delta: number | null;
}

/** One metric of one variant × strategy that a check compared (its mean, p5 and p95). */
export interface CheckedMetric {
  readonly variant: string;
  readonly strategy: string;
  readonly metric: string;
}

/** The outcome of a check: how many values were compared, which metrics, and which values drifted (headline metrics first, baseline/headline.ts). */
export interface CheckResult {
  readonly compared: number;
  readonly checked: readonly CheckedMetric[];
  readonly drift: readonly DriftRow[];
}
