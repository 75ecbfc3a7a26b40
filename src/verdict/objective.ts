/**
 * What "best" means for a scenario (PRODUCT.md "Verdict, objective, paired comparisons"): one
 * summary metric to maximise or minimise, subject to a ceiling on the share of runs in which a
 * number was restricted (and, optionally, permanently banned). A scenario without `objective`
 * gets the question most plans ask: reach the most users without being restricted in more than
 * 5% of runs.
 */
import { numericMetrics } from '../run/aggregate.js';
import type { RunResult } from '../run/results.js';
import { RATIO_METRICS } from '../thresholds/metric-names.js';

export interface Objective {
  /** A run-summary metric, nested ones flattened with a dot (e.g. `uniqueUsersReached`, `failedByCode.131049`). */
  readonly metric: string;
  readonly direction: 'maximise' | 'minimise';
  /** Largest acceptable share of runs with any number restricted (summary `restricted`), 0–1. */
  readonly maxRestrictionRisk: number;
  /** Largest acceptable share of runs with a number permanently banned or disabled (summary `banned`), 0–1. */
  readonly maxBanRisk: number;
}

/** Reach the most users, restricted in at most 5% of runs, never banned beyond that. */
export const DEFAULT_OBJECTIVE: Objective = { metric: 'uniqueUsersReached', direction: 'maximise', maxRestrictionRisk: 0.05, maxBanRisk: 0.05 };

/** The scenario's objective as written (schema-checked), or undefined. */
export interface ObjectiveSpec {
  readonly maximise?: string;
  readonly minimise?: string;
  readonly maxRestrictionRisk?: number;
  readonly maxBanRisk?: number;
}

/**
 * The objective of a scenario echo (results.json `scenario`), defaults filled in. An echo from an
 * older version, or one without the key, gets DEFAULT_OBJECTIVE.
 * @example objectiveOf({ objective: { minimise: 'failed' } }).direction // 'minimise'
 */
export function objectiveOf(scenario: unknown): Objective {
  const spec = scenario && typeof scenario === 'object' ? ((scenario as { objective?: ObjectiveSpec }).objective ?? {}) : {};
  const restriction = typeof spec.maxRestrictionRisk === 'number' ? spec.maxRestrictionRisk : DEFAULT_OBJECTIVE.maxRestrictionRisk;
  return {
    metric: spec.minimise ?? spec.maximise ?? DEFAULT_OBJECTIVE.metric,
    direction: spec.minimise !== undefined ? 'minimise' : 'maximise',
    maxRestrictionRisk: restriction,
    maxBanRisk: typeof spec.maxBanRisk === 'number' ? spec.maxBanRisk : Math.min(restriction, DEFAULT_OBJECTIVE.maxBanRisk),
  };
}

/**
 * The objective's metric in one run (a count absent from the summary, like an error code that
 * never occurred, is 0; a cost ratio without a denominator — cost per reached user when nobody
 * was reached — is ∞, so it never reads as the cheapest).
 */
export function metricOf(run: RunResult, metric: string): number {
  return numericMetrics(run.summary)[metric] ?? ((RATIO_METRICS as readonly string[]).includes(metric) ? Infinity : 0);
}

/** +1 when a larger value is better, −1 when a smaller one is. */
export function sense(objective: Objective): 1 | -1 {
  return objective.direction === 'maximise' ? 1 : -1;
}

/**
 * A share as a percentage to a tenth, the way risk limits are written.
 * @example percent(0.05) // '5%'
 */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/**
 * One line in plain words.
 * @example describeObjective(DEFAULT_OBJECTIVE) // 'maximise uniqueUsersReached, with a number restricted in at most 5% of runs'
 */
export function describeObjective(o: Objective): string {
  const ban = o.maxBanRisk < o.maxRestrictionRisk ? ` and banned in at most ${percent(o.maxBanRisk)}` : '';
  return `${o.direction} ${o.metric}, with a number restricted in at most ${percent(o.maxRestrictionRisk)} of runs${ban}`;
}
