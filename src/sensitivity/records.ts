/**
 * From runs to the records an analysis keeps: per draw and variant, the recommendation and each
 * strategy's headline outcomes (means over the draw's seeds). The headline outcomes are those
 * PRODUCT.md names — delivered, unique users reached, the share of runs restricted, failures at
 * the messaging limit, by the marketing cap (131049) and by a paused template (132015) — plus the
 * objective's own metric when it is another.
 */
import type { RunResult } from '../run/results.js';
import { metricOf, recommendStrategy, type Objective } from '../verdict/index.js';
import type { DrawRecord } from './types.js';

/** The headline outcomes, in report order; failure codes are analysed where they occur. */
export const HEADLINE_OUTCOMES = ['uniqueUsersReached', 'delivered', 'restricted', 'failedByCode.limit_reached', 'failedByCode.131049', 'failedByCode.132015'] as const;

/** Outcomes analysed only when some run has them (a failure code that never occurred has nothing to say). */
export function onlyWherePresent(outcome: string): boolean {
  return outcome.startsWith('failedByCode.');
}

/**
 * The outcomes every record holds: the headline ones, then the objective's metric if it is another.
 * @example candidateOutcomes({ metric: 'replies', … }) // [...HEADLINE_OUTCOMES, 'replies']
 */
export function candidateOutcomes(objective: Objective): string[] {
  const list: string[] = [...HEADLINE_OUTCOMES];
  if (!list.includes(objective.metric)) list.push(objective.metric);
  return list;
}

/**
 * The record of one draw (or the base point) in one variant from its `runs` (every strategy on
 * the draw's seeds): the recommendation, and per strategy (in `strategies` order) the mean of each
 * outcome over its runs — `restricted`, 0 or 1 per run, becomes the share of runs restricted.
 * @example drawRecord(runs, ['blast', 'tier-aware'], ['delivered'], DEFAULT_OBJECTIVE) // { recommended: 'tier-aware', values: [[264], [9800]] }
 */
export function drawRecord(runs: readonly RunResult[], strategies: readonly string[], outcomes: readonly string[], objective: Objective): DrawRecord {
  return {
    recommended: recommendStrategy(runs, objective) ?? null,
    values: strategies.map((s) => {
      const mine = runs.filter((r) => r.strategy === s);
      return outcomes.map((o) => mine.reduce((sum, r) => sum + metricOf(r, o), 0) / Math.max(1, mine.length));
    }),
  };
}
