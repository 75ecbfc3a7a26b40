/**
 * The names results.json gives a run's numeric metrics (model/summary.ts RunSummary, nested
 * records flattened as `family.key`, run/aggregate.ts numericMetrics): what a scenario's
 * `objective` and `thresholds` may name. A leaf module, so scenario checks can import it; the
 * model checks at compile time that every name is a field of RunSummary.
 */

/** Numeric fields of a run summary. */
export const SCALAR_METRICS = [
  'attempted', 'accepted', 'delivered', 'failed', 'pendingAtHorizon', 'uniqueUsersReached', 'read', 'replies', 'inbound',
  'blocks', 'reports', 'stops', 'webhooks', 'aggressiveRetries', 'graphRequests', 'held', 'released', 'dropped',
  'templatePauses', 'templatesDisabled', 'peakUniqueInWindow', 'unansweredPeak', 'trustScorePeak', 'restricted', 'banned',
] as const;

/** Record fields whose entries are metrics named `family.key` (e.g. `failedByCode.131049`); a key absent from a run counts as 0. */
export const METRIC_FAMILIES = ['failedByCode', 'blocksByReason', 'pacingVerdicts', 'daysToTier', 'qualityHoursTotal', 'restrictionHours', 'perThousandDelivered'] as const;

/**
 * True when `name` is a metric results.json can hold: a scalar, or `family.key` with any key.
 * @example isMetricName('failedByCode.132015') // true
 * @example isMetricName('uniqueUsers') // false
 */
export function isMetricName(name: string): boolean {
  if ((SCALAR_METRICS as readonly string[]).includes(name)) return true;
  const dot = name.indexOf('.');
  return dot > 0 && dot < name.length - 1 && (METRIC_FAMILIES as readonly string[]).includes(name.slice(0, dot));
}

/** Every name a user could mean, for "did you mean" (families shown as `family.…`). */
export function metricNameList(): string[] {
  return [...SCALAR_METRICS, ...METRIC_FAMILIES.map((f) => `${f}.`)];
}
