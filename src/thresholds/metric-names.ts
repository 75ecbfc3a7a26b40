/**
 * The metrics a threshold may name: every numeric metric of a run summary (src/model/summary.ts),
 * nested records flattened with a dot as src/run/aggregate.ts does (`failedByCode.131049`). A
 * group's keys are listed where they are known before a run (error codes, block reasons, quality
 * ratings, enforcement kinds, tier names), so a typo is an error rather than a metric that is
 * always 0. test/thresholds/metric-names.test.ts checks this list against RunSummary, both at
 * compile time and on a real run's summary.
 *
 * Imports only leaf modules of the model (codes, the observable API, the enforcement kinds): the
 * scenario's semantic checks use this file, and the model imports the scenario's types.
 */
import { ERROR_CODES } from '../model/codes.js';
import { QUALITY_RATINGS } from '../model/observable.js';
import { ENFORCEMENT_KINDS } from '../model/state/enforcement.js';
import { PROFILES } from '../policy/index.js';
import { scenarioSchema } from '../scenario/schema.js';

/** The summary's own numbers (counts unless the summary says otherwise; restricted and banned are 1 or 0 per run). */
export const SCALAR_METRICS = [
  'attempted', 'accepted', 'delivered', 'failed', 'pendingAtHorizon', 'uniqueUsersReached', 'read', 'replies', 'inbound',
  'blocks', 'reports', 'stops', 'webhooks', 'aggressiveRetries', 'graphRequests', 'held', 'released', 'dropped',
  'templatePauses', 'templatesDisabled', 'peakUniqueInWindow', 'unansweredPeak', 'trustScorePeak', 'restricted', 'banned', 'cost',
] as const;

/**
 * Ratios of the summary that are null in a run where their denominator is 0 (cost per reached
 * user when nobody was reached): aggregated over the runs that have them, and a run without one
 * counts as never (∞) in a threshold or the verdict, not 0 — a cost of 0 would read as the cheapest.
 */
export const RATIO_METRICS = ['costPerDelivered', 'costPerReachedUser', 'costPerReply'] as const;

const BLOCK_REASONS = Object.keys(scenarioSchema.properties.audience.properties.segments.items.properties.blockReasons.properties);
const TIER_NAMES = [...new Set(Object.values(PROFILES).flatMap((p) => p.params.limits.tiers.value.map((t) => t.name)))];

/** The summary's records of numbers, each with the keys it may hold: `group.key` names one metric. */
export const METRIC_GROUPS = {
  failedByCode: Object.values(ERROR_CODES).map(String),
  blocksByReason: BLOCK_REASONS,
  pacingVerdicts: ['released', 'paused', 'noFeedback'],
  perThousandDelivered: ['blocks', 'reports', 'restrictions'],
  qualityHoursTotal: [...QUALITY_RATINGS],
  restrictionHours: [...ENFORCEMENT_KINDS],
  daysToTier: TIER_NAMES,
  costByCategory: ['marketing', 'utility', 'authentication'],
} as const satisfies Readonly<Record<string, readonly string[]>>;

export type MetricGroup = keyof typeof METRIC_GROUPS;

/**
 * Groups whose metric exists only in the runs where something happened (a tier reached): a run
 * without it counts as never, ∞ days — not 0, which would read as "at once". Every other metric
 * missing from a run (a failure code that did not occur) counts as 0 there, as in aggregate.ts.
 */
export const CONDITIONAL_GROUPS: readonly MetricGroup[] = ['daysToTier'];

/**
 * Every metric name a threshold may use, scalars first, then each group's keys.
 * Why: "did you mean" hints and the README's list. Cost O(names).
 * @example metricNames().includes('failedByCode.131049') // true
 */
export function metricNames(): string[] {
  return [...SCALAR_METRICS, ...RATIO_METRICS, ...Object.entries(METRIC_GROUPS).flatMap(([group, keys]) => keys.map((k) => `${group}.${k}`))];
}

/**
 * Whether `name` is a metric of the run summary.
 * @example isMetricName('uniqueUsersReached') // true
 * @example isMetricName('failedByCode.131094') // false (no such code)
 */
export function isMetricName(name: string): boolean {
  if ((SCALAR_METRICS as readonly string[]).includes(name) || (RATIO_METRICS as readonly string[]).includes(name)) return true;
  const dot = name.indexOf('.');
  if (dot < 0) return false;
  const group = name.slice(0, dot);
  return Object.prototype.hasOwnProperty.call(METRIC_GROUPS, group) && (METRIC_GROUPS[group as MetricGroup] as readonly string[]).includes(name.slice(dot + 1));
}

/**
 * Whether a run without metric `name` counts it as never (∞) rather than 0 (CONDITIONAL_GROUPS).
 * @example isConditionalMetric('daysToTier.TIER_2K') // true
 */
export function isConditionalMetric(name: string): boolean {
  return CONDITIONAL_GROUPS.some((g) => name.startsWith(`${g}.`)) || (RATIO_METRICS as readonly string[]).includes(name);
}
