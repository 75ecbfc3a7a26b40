/**
 * The shape of `sensitivity.json` (written by `wabasim sensitivity`, or by `wabasim merge` from its
 * shards), documented field by field. Every number is deterministic: the same scenario, flags and
 * wabasim version give the same bytes, whatever `--workers` or `--shard` split computed them.
 *
 *   SensitivityResults
 *   ├─ kind, wabasim, scenarioDigest   what it is, who wrote it, which scenario echo it belongs to
 *   ├─ settings                        the flags and the design sizes (points, runs)
 *   ├─ parameters[]                    every varied parameter: path, unit, range and source per profile
 *   ├─ notVaried[]                     estimated parameters left alone, and why
 *   ├─ outcomes[], absentOutcomes[]    the headline outcomes analysed (failure codes only where present)
 *   └─ variants[]                      per variant:
 *      ├─ recommended                            the verdict at the profile's values
 *      ├─ strategies[] × outcomes{}              base value, screening (Morris), first-order indices,
 *      │                                         tornado (low- vs high-third means)
 *      └─ robustness                             the share of draws the recommendation survives, and
 *                                                which parameters flip it
 */

/** The file's `kind`: a whole analysis, or one shard of it (`--shard i/n`, joined by `wabasim merge`). */
export const SENSITIVITY_KIND = 'sensitivity';
export const SENSITIVITY_SHARD_KIND = 'sensitivity-shard';

/** The flags and design sizes of one analysis. */
export interface SensitivitySettings {
  /** Draws from the plausible ranges (screening + variance points), as asked with --draws. */
  readonly draws: number;
  /** Seeds each draw runs every strategy on; draws take the base seeds in turn (design.ts drawSeeds). */
  readonly seedsPerDraw: number;
  /** Seeds of the base run at the profile's values (the recommendation the verdict shows). */
  readonly baseSeeds: readonly number[];
  /** Seed of the design's own random stream (the points drawn). */
  readonly designSeed: number;
  /** Radial one-at-a-time base points of the screening stage (each costs parameters + 1 points). */
  readonly trajectories: number;
  /** Latin-hypercube points of the variance stage. */
  readonly samples: number;
  /** Bins per parameter of the given-data first-order index. */
  readonly bins: number;
  /** Random halves of the samples behind each index's 95% interval (given-data.ts halfSampleInterval). */
  readonly resamples: number;
  /** Parameter points run (screening + variance), and simulation runs in all (the base run included). */
  readonly points: number;
  readonly runs: number;
  /** `--only`: the parameter paths or groups the analysis was limited to (empty: every ranged parameter). */
  readonly only: readonly string[];
}

/** A parameter's plausible range in one profile. */
export interface ProfileRange {
  readonly policy: string;
  readonly label: string;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  readonly source: string;
}

/** One varied parameter: its coordinate u ∈ [0, 1] maps to low + u × (high − low) in each profile. */
export interface SensitivityParameter {
  readonly path: string;
  readonly unit: string;
  readonly description: string;
  readonly ranges: readonly ProfileRange[];
  /** Variants whose overrides set it: there it keeps the scenario's value. */
  readonly heldBy: readonly string[];
}

/** An estimated or reported parameter the analysis does not vary, and why. */
export interface NotVaried {
  readonly path: string;
  readonly label: string;
  readonly reason: string;
}

/** Morris elementary effects of one parameter (outcome units per whole range). */
export interface Screening {
  readonly path: string;
  /** Mean of |EE|: how much the outcome moves, whatever the direction. */
  readonly muStar: number;
  /** Mean of EE: the direction (+: the outcome grows toward the top of the range). */
  readonly mu: number;
  /** Standard deviation of EE: non-linearity or interaction with other parameters. */
  readonly sigma: number;
}

/** A first-order (main-effect) variance share, given-data estimate, with its 95% interval. */
export interface FirstOrder {
  readonly path: string;
  readonly index: number;
  /** Index ± 1.96 × its spread over random halves of the samples (delete-half jackknife); null when too few halves gave one. */
  readonly ci95: readonly [number, number] | null;
}

/** A tornado bar: the outcome's mean over the draws in the low and high third of the range. */
export interface TornadoBar {
  readonly path: string;
  readonly low: number;
  readonly high: number;
}

/** One headline outcome of one strategy in one variant. */
export interface OutcomeSensitivity {
  /** At the profile's values: the base run's mean over its seeds. */
  readonly base: number;
  /** Over the variance stage's draws (over the screening's when there are none). */
  readonly mean: number;
  readonly sd: number;
  /** Every varied parameter, largest μ* first. */
  readonly screening: readonly Screening[];
  /** The few that matter — the top TOP_FIRST_ORDER by μ*, and the top by first-order index whose interval excludes 0 — largest index first; empty when the outcome never varies. */
  readonly firstOrder: readonly FirstOrder[];
  /** Sum of the first-order indices of every parameter: 1 − it is what interactions (and estimation noise) explain. */
  readonly firstOrderSum: number;
  /** Up to TORNADO_BARS parameters (the top by μ* and by first-order index), widest swing |high − low| first. */
  readonly tornado: readonly TornadoBar[];
}

export interface StrategySensitivity {
  readonly strategy: string;
  readonly outcomes: Readonly<Record<string, OutcomeSensitivity>>;
}

/** A parameter that changes the recommendation: when only it changes, and by where in its range. */
export interface FlipDriver {
  readonly path: string;
  /** Radial pairs (draws differing in this parameter alone) whose recommendations differ, of all its pairs. */
  readonly pairFlips: number;
  readonly pairs: number;
  /** Of those draws, the ones in the low, middle and high third of its range, and how many recommend another strategy. */
  readonly thirds: readonly { readonly draws: number; readonly flips: number }[];
}

/** How the recommendation fares over the plausible ranges. */
export interface Robustness {
  /** The recommendation of the base run (the scenario's seeds at the profile's values); null: no strategy within the risk limits. */
  readonly recommended: string | null;
  /**
   * Of the base run's seeds, those on which the recommendation is also best alone (at the
   * profile's values): what chance alone leaves it, for comparison with `stays` / `draws`.
   */
  readonly seedsWon: number;
  readonly seeds: number;
  /** Independent draws over the plausible ranges the shares are over: the Latin-hypercube samples (every point when there are none). */
  readonly draws: number;
  /** Draws whose recommendation is the same. */
  readonly stays: number;
  /** What the draws recommend instead: strategy (or "none") → draws, largest first. */
  readonly instead: readonly { readonly strategy: string; readonly draws: number }[];
  /** Parameters by how often they flip it, most first (at most FLIP_DRIVERS). */
  readonly drivers: readonly FlipDriver[];
}

export interface VariantSensitivity {
  readonly name: string;
  readonly policy: string;
  /** The base run's recommendation (as `wabasim run` shows it); null when none meets the risk limits. */
  readonly recommended: string | null;
  readonly strategies: readonly StrategySensitivity[];
  readonly robustness: Robustness;
}

/** sensitivity.json. */
export interface SensitivityResults {
  readonly kind: typeof SENSITIVITY_KIND;
  readonly wabasim: string;
  /** SHA-256 of the scenario echo (results.json `scenario`) the base run would write: a report includes this file only beside those results. */
  readonly scenarioDigest: string;
  readonly scenario: { readonly name: string };
  /** The objective the recommendations follow (verdict/objective.ts), in words. */
  readonly objective: string;
  readonly settings: SensitivitySettings;
  readonly parameters: readonly SensitivityParameter[];
  readonly notVaried: readonly NotVaried[];
  readonly outcomes: readonly string[];
  /** Failure codes that never occurred in any run (nothing to analyse). */
  readonly absentOutcomes: readonly string[];
  readonly variants: readonly VariantSensitivity[];
}

/** One draw in one variant, as a shard stores it: the recommendation, and per strategy the outcome values. */
export interface DrawRecord {
  readonly recommended: string | null;
  /** values[strategy][outcome]: mean over the draw's seeds, in `strategies` × CANDIDATE_OUTCOMES order. */
  readonly values: readonly (readonly number[])[];
}

/** The base run in one variant: its recommendation, the seeds on which it is best alone, and the outcome means. */
export interface BaseRecord {
  readonly recommended: string | null;
  readonly seedsWon: number;
  readonly values: readonly (readonly number[])[];
}

/** What the runs of an analysis (or a shard of it) produced, before any statistic. */
export interface RawSensitivity {
  /** Point index → its records, one per variant. */
  readonly points: readonly { readonly index: number; readonly variants: readonly DrawRecord[] }[];
  /** Present in the whole analysis and in shard 1. */
  readonly base?: readonly BaseRecord[];
}

/** A shard's file (`--shard i/n`): the analysis frame, its slice of the points, and digests for `wabasim merge`. */
export interface SensitivityShard {
  readonly kind: typeof SENSITIVITY_SHARD_KIND;
  readonly wabasim: string;
  /** Everything but `variants` is as in the whole analysis; merge recomputes the statistics from the raw runs. */
  readonly frame: SensitivityFrame;
  readonly raw: RawSensitivity;
  readonly shard: {
    readonly index: number;
    readonly count: number;
    /** SHA-256 of the frame and the shard count: the same in every shard of one analysis. */
    readonly planDigest: string;
    /** SHA-256 of planDigest, index and raw: changes when any of them is edited. */
    readonly digest: string;
  };
}

/** Everything an analysis knows before its runs: enough to rebuild the design and finish it. */
export interface SensitivityFrame {
  readonly scenarioDigest: string;
  readonly scenario: { readonly name: string };
  readonly objective: string;
  readonly settings: SensitivitySettings;
  readonly parameters: readonly SensitivityParameter[];
  readonly notVaried: readonly NotVaried[];
  readonly variants: readonly { readonly name: string; readonly policy: string }[];
  readonly strategies: readonly string[];
  /** The outcomes every record holds, in order. */
  readonly candidates: readonly string[];
}
