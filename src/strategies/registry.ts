/** The built-in strategies, by name (`wabasim list strategies` shows them in this order). */
import { backoff } from './backoff.js';
import { blast } from './blast.js';
import { engagedFirst } from './engaged-first.js';
import { hygiene } from './hygiene.js';
import { multiNumber } from './multi-number.js';
import { pacingAware } from './pacing-aware.js';
import { tierAware } from './tier-aware.js';
import type { StrategyDefinition } from './types.js';
import { warmup } from './warmup.js';

/** Every built-in, each in its own file with its sources. */
export const BUILTIN_STRATEGIES: readonly StrategyDefinition[] = [blast, warmup, tierAware, pacingAware, multiNumber, backoff, hygiene, engagedFirst];

/** Their names, for scenario validation. */
export const BUILTIN_NAMES: readonly string[] = BUILTIN_STRATEGIES.map((s) => s.name);

/**
 * The built-in named `name`, or undefined.
 * @example builtinStrategy('warmup')?.params.startPerDay.default // 20
 */
export function builtinStrategy(name: string): StrategyDefinition | undefined {
  return BUILTIN_STRATEGIES.find((s) => s.name === name);
}
