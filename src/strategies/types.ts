/**
 * Strategy plumbing: a strategy module exports a `StrategyDefinition`; the built-ins sit in a
 * registry. Strategies see only the observable API (src/model/observable.ts).
 */
import type { Strategy } from '../model/observable.js';

/** The kinds of strategy parameter; `integer` and `number` both reach `create` as numbers. */
export const STRATEGY_PARAM_TYPES = ['number', 'integer', 'boolean'] as const;
export type StrategyParamType = (typeof STRATEGY_PARAM_TYPES)[number];

/** One strategy parameter, for `wabasim list strategies` and validation. */
export interface StrategyParamDoc {
  readonly type: StrategyParamType;
  readonly default: number | boolean;
  readonly min?: number;
  readonly max?: number;
  readonly description: string;
}

/** Parameter declarations by name. */
export type StrategyParamDocs = Readonly<Record<string, StrategyParamDoc>>;

/** The value a parameter of type `T` takes: boolean for 'boolean', number otherwise. */
export type StrategyParamValue<T extends StrategyParamType> = T extends 'boolean' ? boolean : number;

/**
 * The resolved values `create` receives, typed from the declarations `P`: with `P` written out
 * (see defineStrategy), `{ perSecond: number; poll: boolean; … }`; for any declarations, a
 * record of numbers and booleans.
 */
export type StrategyParamValues<P extends StrategyParamDocs = StrategyParamDocs> = { readonly [K in keyof P]: StrategyParamValue<P[K]['type']> };

/**
 * A strategy: what it does, where its rules come from, its parameters, and how to make an
 * instance. `P` types the declarations and, through them, what `create` receives; without it the
 * shape is the one user modules export (params as any declarations, values numbers or booleans).
 */
export interface StrategyDefinition<P extends StrategyParamDocs = StrategyParamDocs> {
  readonly name: string;
  /** One line: what the strategy does. */
  readonly description: string;
  /** Where its rules come from (seed file or URL). */
  readonly source: string;
  readonly params: P;
  /** Creates a fresh strategy instance for one run with resolved parameters (checked against `params`). */
  create(params: StrategyParamValues<P>): Strategy;
}

export type { Strategy };
