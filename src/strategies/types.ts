/**
 * Strategy plumbing: a strategy module exports a `StrategyDefinition`; the built-ins sit in a
 * registry. Strategies see only the observable API (src/model/observable.ts).
 */
import type { Strategy } from '../model/observable.js';

/** One strategy parameter, for `wabasim list strategies` and validation. */
export interface StrategyParamDoc {
  readonly type: 'number' | 'integer' | 'boolean';
  readonly default: number | boolean;
  readonly min?: number;
  readonly max?: number;
  readonly description: string;
}

export interface StrategyDefinition {
  readonly name: string;
  /** One line: what the strategy does. */
  readonly description: string;
  /** Where its rules come from (seed file or URL). */
  readonly source: string;
  readonly params: Readonly<Record<string, StrategyParamDoc>>;
  /** Creates a fresh strategy instance for one run with resolved parameters. */
  create(params: Readonly<Record<string, number | boolean>>): Strategy;
}

export type { Strategy };
