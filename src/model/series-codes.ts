/**
 * The numeric codes of categorical per-number series in results.json: `quality.<id>` (a rating)
 * and `status.<id>` (a status). A code is the state's index in its list, so the lists defined
 * with their types (observable.ts QUALITY_RATINGS, state NUMBER_STATUSES) are the only source.
 */
import { QUALITY_RATINGS } from './observable.js';
import { NUMBER_STATUSES } from './state/index.js';

/** Each state's code: its index in `states`. */
function codesOf<S extends string>(states: readonly S[]): Readonly<Record<S, number>> {
  return Object.fromEntries(states.map((s, i) => [s, i])) as Record<S, number>;
}

/** Codes of the `quality.<id>` series: UNKNOWN 0, GREEN 1, YELLOW 2, RED 3. */
export const QUALITY_CODES = codesOf(QUALITY_RATINGS);
/** Codes of the `status.<id>` series: CONNECTED 0, FLAGGED 1, RESTRICTED 2, PENDING_REVIEW 3, DISCONNECTED 4, BANNED 5. */
export const STATUS_CODES = codesOf(NUMBER_STATUSES);
