/**
 * Checking a scenario's `thresholds` without running anything (`validate` and `run` alike): each
 * key and condition parses, each metric is one of the run summary's, and each scope names a
 * variant and a strategy the scenario runs. Every problem is an issue with the file, the JSON
 * pointer (`/thresholds/<key>` or `/thresholds/<key>/<i>`), what was expected and what was found.
 */
import { escapePointer, thresholdMsg, UserInputError, type Issue } from '../errors/index.js';
import type { Scenario } from '../scenario/schema.js';
import { parseCondition, type Condition } from './condition.js';
import { parseThresholdKey, SCOPE_KEYS, type Scope } from './key.js';
import { isMetricName, METRIC_GROUPS, metricNames, type MetricGroup } from './metric-names.js';

/** One threshold of a scenario: a metric, where it applies, and its conditions. */
export interface Threshold {
  /** The key as written, e.g. `restricted{strategy:tier-aware}`. */
  readonly key: string;
  readonly metric: string;
  readonly scope: Scope;
  readonly conditions: readonly Condition[];
}

/** What scopes may name: variant names, and strategy labels (undefined when a module's name is known only once imported). */
export interface ScopeNames {
  readonly variants: readonly string[];
  readonly strategies: readonly string[] | undefined;
}

/** The variant name of a scenario without variants (src/scenario/validate.ts planVariants). */
const BASE_VARIANT = 'base';

/**
 * Reads `thresholds` (schema-valid: an object of lists of strings) into thresholds and issues;
 * `at` is the pointer of the object (`/thresholds` in a scenario, `/scenario/thresholds` in
 * results.json). Scopes are checked against `names` where given.
 * Why: one reading for validate, run and report, so they agree on what a threshold means.
 * Cost O(thresholds × conditions) plus the metric name hints.
 * @example parseThresholds({ 'delivered': ['mean>0'] }, 's.json', '/thresholds').issues // []
 */
export function parseThresholds(thresholds: Readonly<Record<string, readonly string[]>>, file: string, at: string, names?: ScopeNames): { thresholds: Threshold[]; issues: Issue[] } {
  const out: Threshold[] = [];
  const issues: Issue[] = [];
  for (const [key, texts] of Object.entries(thresholds)) {
    const pointer = `${at}/${escapePointer(key)}`;
    const parsed = parseThresholdKey(key);
    if ('problem' in parsed) {
      issues.push(thresholdMsg.badKey(file, pointer, key, parsed.problem));
      continue;
    }
    const before = issues.length;
    metricIssue(parsed.metric, file, pointer, issues);
    if (names) scopeIssues(parsed.scope, names, file, pointer, issues);
    const conditions: Condition[] = [];
    texts.forEach((text, i) => {
      const c = parseCondition(text);
      if ('problem' in c) issues.push(thresholdMsg.badCondition(file, `${pointer}/${i}`, text, c.problem));
      else conditions.push(c);
    });
    if (issues.length === before) out.push({ key, metric: parsed.metric, scope: parsed.scope, conditions });
  }
  return { thresholds: out, issues };
}

/**
 * The issues of a schema-valid scenario's `thresholds` (none when it has none).
 * @example thresholdIssues(scenario, 'scenarios/default.json') // []
 */
export function thresholdIssues(s: Scenario, file: string): Issue[] {
  if (!s.thresholds) return [];
  return parseThresholds(s.thresholds, file, '/thresholds', scopeNames(s)).issues;
}

/**
 * What a scenario's scopes may name: its variant names ('base' without variants) and the labels
 * of its strategies (`label`, else a built-in's name); undefined strategies when a module path
 * has no label, since the module's name is known only once `run` imports it (run checks then).
 * @example scopeNames(scenario).variants // ['clean list (0.5% blocks)', 'cold list (2% blocks)']
 */
export function scopeNames(s: Scenario): ScopeNames {
  const variants = s.variants?.length ? s.variants.map((v) => v.name) : [BASE_VARIANT];
  const labels = s.strategies.map((ref) => (typeof ref === 'string' ? (MODULE.test(ref) ? undefined : ref) : (ref.label ?? (MODULE.test(ref.name) ? undefined : ref.name))));
  return { variants, strategies: labels.every((l): l is string => l !== undefined) ? labels : undefined };
}

/** A strategy reference that names a module (src/run/strategy-module.ts MODULE_PATH). */
const MODULE = /\.(?:m?js|m?ts)$/;

function metricIssue(metric: string, file: string, pointer: string, issues: Issue[]): void {
  if (isMetricName(metric)) return;
  const dot = metric.indexOf('.');
  const group = dot < 0 ? undefined : metric.slice(0, dot);
  if (group !== undefined && Object.prototype.hasOwnProperty.call(METRIC_GROUPS, group)) {
    issues.push(thresholdMsg.unknownMetricKey(file, pointer, group, METRIC_GROUPS[group as MetricGroup], metric, metricNames()));
  } else issues.push(thresholdMsg.unknownMetric(file, pointer, metric, metricNames()));
}

function scopeIssues(scope: Scope, names: ScopeNames, file: string, pointer: string, issues: Issue[]): void {
  for (const kind of SCOPE_KEYS) {
    const value = scope[kind];
    const known = kind === 'variant' ? names.variants : names.strategies;
    if (value !== undefined && known !== undefined && !known.includes(value)) issues.push(thresholdMsg.unknownScope(file, pointer, kind, known, value));
  }
}

/**
 * Checks the scopes of `thresholds` against the variants and strategy labels a sweep resolved
 * (strategy modules imported), before any run: `validate` cannot know an unlabelled module's name.
 * @throws {UserInputError} naming each scope that matches nothing
 * @example checkThresholdScopes(scenario.thresholds, file, { variants: ['base'], strategies: ['blast', 'my-sender'] })
 */
export function checkThresholdScopes(thresholds: Readonly<Record<string, readonly string[]>>, file: string, names: Required<ScopeNames>): void {
  const { issues } = parseThresholds(thresholds, file, '/thresholds', names);
  if (issues.length) throw new UserInputError(issues);
}
