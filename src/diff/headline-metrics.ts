/**
 * The headline metrics `wabasim diff` compares and `--csv` writes: reach, failures (with every
 * failure code present), enforcement signals and drops. Names as src/run/aggregate.ts flattens them.
 */

/** The scalar headline metrics, in the order they are printed; `failedByCode.*` follow `failed`. */
export const HEADLINE_SCALARS = ['delivered', 'uniqueUsersReached', 'failed', 'blocks', 'reports', 'restricted', 'banned', 'dropped'] as const;

/**
 * The headline metrics among `present` (metric names of some aggregates): the scalars, with the
 * failure codes present inserted after `failed`, in first-seen order.
 * Why: failure codes differ per scenario; a table of every possible code would be mostly zeros.
 * Cost O(names).
 * @example headlineMetrics(['delivered', 'failedByCode.131049', 'read']) // ['delivered', 'uniqueUsersReached', 'failed', 'failedByCode.131049', 'blocks', …]
 */
export function headlineMetrics(present: readonly string[]): string[] {
  const codes = [...new Set(present.filter((n) => n.startsWith('failedByCode.')))];
  const cost = HEADLINE_COST.filter((n) => present.includes(n)); // results written before pricing have none
  return [...HEADLINE_SCALARS.flatMap((name) => (name === 'failed' ? [name, ...codes] : [name])), ...cost];
}

/** The cost headline metrics (README "Cost"), after the scalars, when the results have them. */
export const HEADLINE_COST = ['cost', 'costPerReachedUser'] as const;
