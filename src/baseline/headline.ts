/** The order a baseline diff is read in: what changed in the sweep's shape, then the headline outcomes, then the rest. */
import type { DriftRow } from './types.js';

/**
 * The outcomes a reader of a diff looks at first, in this order: what was delivered and to how
 * many, what failed, whether a number was restricted or banned, the recipients' reactions, and
 * what template pacing dropped, and what it cost. Every other metric follows in name order.
 */
export const HEADLINE_METRICS = ['delivered', 'uniqueUsersReached', 'failed', 'restricted', 'banned', 'blocks', 'reports', 'dropped', 'cost', 'costPerReachedUser'] as const;

/**
 * The rank of `metric` in a diff: headline metrics by their place in HEADLINE_METRICS, every
 * other one after them (ties broken by name by the caller).
 * @example metricRank('uniqueUsersReached') // 1
 * @example metricRank('webhooks') // 10
 */
export function metricRank(metric: string): number {
  const i = (HEADLINE_METRICS as readonly string[]).indexOf(metric);
  return i < 0 ? HEADLINE_METRICS.length : i;
}

const STRUCTURAL: Readonly<Record<string, number>> = { entry: 0, seeds: 1 };

/**
 * `drift` in reading order: variant × strategy pairs present on one side only, then seed-count
 * changes, then metric by metric — headline metrics first (HEADLINE_METRICS), the rest by name —
 * each metric's rows keeping their variant × strategy order and mean, p5, p95 within it.
 * Why: the table `baseline check` prints stops after 60 rows; what matters most comes first.
 * @example orderDrift(rows)[0].metric // 'delivered' when it drifted (and no pair went missing)
 */
export function orderDrift(drift: readonly DriftRow[]): DriftRow[] {
  const rank = (d: DriftRow): number => (d.stat in STRUCTURAL ? STRUCTURAL[d.stat] - 2 : metricRank(d.metric));
  return [...drift].sort((a, b) => rank(a) - rank(b) || (rank(a) === HEADLINE_METRICS.length ? (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0) : 0));
}
