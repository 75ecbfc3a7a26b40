/** The built-in strategies, by name. */
import { blast } from './blast.js';
import type { StrategyDefinition } from './types.js';

export const BUILTIN_STRATEGIES: readonly StrategyDefinition[] = [blast];

export const BUILTIN_NAMES: readonly string[] = BUILTIN_STRATEGIES.map((s) => s.name);

/** The built-in named `name`, or undefined. */
export function builtinStrategy(name: string): StrategyDefinition | undefined {
  return BUILTIN_STRATEGIES.find((s) => s.name === name);
}
