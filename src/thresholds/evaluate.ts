/**
 * Judging a sweep's results against the thresholds its scenario declares (echoed in results.json):
 *
 *   results.scenario.thresholds ──parse──▶ thresholds
 *   results.runs ──group by variant × strategy──▶ per group, each metric's value in each run
 *   each threshold × condition × group its scope matches ──aggregate, compare──▶ a check
 *
 * A metric missing from a run counts as 0 there (a failure code that did not occur), except a
 * conditional one (days to a tier), which counts as never (∞). A scoped threshold that matches no
 * group of the results (left out with `--strategy`) is skipped, and says so.
 */
import { msg, thresholdMsg, UserInputError } from '../errors/index.js';
import { numericMetrics } from '../run/aggregate.js';
import type { Results } from '../run/results.js';
import { parseThresholds, type Threshold } from './check.js';
import { aggregateValues, aggregationLabel, holds } from './condition.js';
import { scopeText, type Scope } from './key.js';
import { isConditionalMetric } from './metric-names.js';

/** One condition of one threshold judged on one variant × strategy. */
export interface ThresholdCheck {
  /** The threshold's key as written, e.g. `restricted{strategy:tier-aware}`. */
  readonly key: string;
  readonly metric: string;
  readonly scope: Scope;
  /** The condition as written, trimmed, e.g. `rate==0`, and its aggregation, e.g. `rate`, `p(95)`. */
  readonly condition: string;
  readonly aggregation: string;
  readonly variant: string;
  readonly strategy: string;
  readonly passed: boolean;
  /** The aggregated value the condition compared (Infinity, null in JSON: a tier some run never reached). */
  readonly observed: number;
  /** Runs of the variant × strategy, those where the metric was not 0, and those where a conditional metric never happened. */
  readonly runs: number;
  readonly nonZero: number;
  readonly never: number;
}

/** A scoped threshold condition that matched no variant × strategy of the results. */
export interface SkippedThreshold {
  readonly key: string;
  readonly condition: string;
  readonly reason: string;
}

/** Every check of a sweep; `passed` when none failed (skipped ones do not fail). */
export interface ThresholdOutcome {
  readonly passed: boolean;
  readonly checks: readonly ThresholdCheck[];
  readonly skipped: readonly SkippedThreshold[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The thresholds echoed in `results` (none when the scenario declared none).
 * @throws {UserInputError} when the echo is not a thresholds object, or one does not parse (a results file edited by hand)
 * @example thresholdsOf(results, 'reports/default/results.json').length
 */
export function thresholdsOf(results: Results, file: string): Threshold[] {
  const raw = isObj(results.scenario) ? results.scenario.thresholds : undefined;
  if (raw === undefined) return [];
  if (!isObj(raw) || !Object.values(raw).every((v) => Array.isArray(v) && v.every((c) => typeof c === 'string'))) {
    throw new UserInputError([msg.notResults(file, '/scenario/thresholds', 'an object of lists of threshold conditions', raw)]);
  }
  const { thresholds, issues } = parseThresholds(raw as Record<string, string[]>, file, '/scenario/thresholds');
  if (issues.length) throw new UserInputError(issues);
  return thresholds;
}

/**
 * Judges every threshold of `results` (see the file comment).
 * Why: `run` and `report` exit 1 when one fails, print which, and write them as JUnit test cases.
 * Cost O(runs × metrics) to flatten the summaries, then O(checks × runs log runs).
 * @throws {UserInputError} as thresholdsOf
 * @example evaluateThresholds(results, 'results.json').passed // true when no check failed
 */
export function evaluateThresholds(results: Results, file: string): ThresholdOutcome {
  const thresholds = thresholdsOf(results, file);
  if (thresholds.length === 0) return { passed: true, checks: [], skipped: [] };
  const groups = groupRuns(results);
  const checks: ThresholdCheck[] = [];
  const skipped: SkippedThreshold[] = [];
  for (const t of thresholds) {
    const matching = groups.filter((g) => (t.scope.variant === undefined || t.scope.variant === g.variant) && (t.scope.strategy === undefined || t.scope.strategy === g.strategy));
    if (matching.length === 0) {
      const reason = thresholdMsg.skipped(scopeText(t.scope), groups.map((g) => `${g.variant} × ${g.strategy}`));
      for (const c of t.conditions) skipped.push({ key: t.key, condition: c.text, reason });
      continue;
    }
    for (const g of matching) {
      const absent = isConditionalMetric(t.metric) ? Infinity : 0;
      const values = g.metrics.map((m) => m[t.metric] ?? absent);
      const nonZero = values.filter((v) => v !== 0).length;
      const never = values.filter((v) => v === Infinity).length;
      for (const c of t.conditions) {
        const observed = aggregateValues(c.aggregation, values);
        checks.push({ key: t.key, metric: t.metric, scope: t.scope, condition: c.text, aggregation: aggregationLabel(c.aggregation), variant: g.variant, strategy: g.strategy, passed: holds(c, observed), observed, runs: values.length, nonZero, never });
      }
    }
  }
  return { passed: checks.every((c) => c.passed), checks, skipped };
}

/** The runs' flattened metrics per variant × strategy, in the order of the aggregates. */
function groupRuns(results: Results): { variant: string; strategy: string; metrics: Record<string, number>[] }[] {
  const byKey = new Map<string, Record<string, number>[]>();
  for (const run of results.runs) {
    const key = JSON.stringify([run.variant, run.strategy]);
    const list = byKey.get(key) ?? [];
    list.push(numericMetrics(run.summary));
    byKey.set(key, list);
  }
  return results.aggregates.map((a) => ({ variant: a.variant, strategy: a.strategy, metrics: byKey.get(JSON.stringify([a.variant, a.strategy])) ?? [] })).filter((g) => g.metrics.length > 0);
}
