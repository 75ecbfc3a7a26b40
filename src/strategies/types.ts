/**
 * Strategy plumbing: a strategy module exports a `StrategyDefinition`; the built-ins sit in a
 * registry. Strategies see only the observable API (src/model/observable.ts).
 */
import type { Strategy } from '../model/observable.js';

/**
 * The kinds of strategy parameter: `integer` and `number` reach `create` as numbers, `boolean` as
 * a boolean, `string` as a string (one of `enum` when declared), `number[]` and `string[]` as
 * lists, `object` as a small object of the declared `shape`.
 */
export const STRATEGY_PARAM_TYPES = ['number', 'integer', 'boolean', 'string', 'number[]', 'string[]', 'object'] as const;
export type StrategyParamType = (typeof STRATEGY_PARAM_TYPES)[number];

/** The types a field of an `object` parameter's shape may have. */
export const SHAPE_FIELD_TYPES = ['number', 'integer', 'boolean', 'string'] as const;

/** One field of an `object` parameter: its type and, for numbers, bounds; for strings, the allowed values. */
export interface ShapeField {
  readonly type: (typeof SHAPE_FIELD_TYPES)[number];
  readonly min?: number;
  readonly max?: number;
  readonly enum?: readonly string[];
  readonly description?: string;
}

/** Any value a strategy parameter may take (what a scenario's `params` hold, JSON). */
export type StrategyParamValueAny = number | boolean | string | readonly number[] | readonly string[] | Readonly<Record<string, number | boolean | string>>;

/**
 * One strategy parameter, for `wabasim list strategies` and validation. `min`/`max` bound a
 * number (or each element of a `number[]`); `enum` lists the allowed values of a `string` (or of
 * each element of a `string[]`); `minItems`/`maxItems` bound a list's length; `shape` declares an
 * `object`'s fields (all required, no others).
 */
export interface StrategyParamDoc {
  readonly type: StrategyParamType;
  readonly default: StrategyParamValueAny;
  readonly min?: number;
  readonly max?: number;
  readonly enum?: readonly string[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly shape?: Readonly<Record<string, ShapeField>>;
  readonly description: string;
}

/** Parameter declarations by name. */
export type StrategyParamDocs = Readonly<Record<string, StrategyParamDoc>>;

/** The value of a shape field of type `T`. */
type FieldValue<F> = F extends { readonly type: 'boolean' } ? boolean : F extends { readonly type: 'string'; readonly enum: readonly (infer E)[] } ? E : F extends { readonly type: 'string' } ? string : number;

/**
 * The value a parameter declared as `D` takes: boolean for 'boolean', string for 'string' (the
 * union of `enum` when declared), lists for 'number[]' and 'string[]', an object of the `shape`
 * for 'object', number otherwise.
 */
export type StrategyParamValue<D> = D extends { readonly type: 'boolean' }
  ? boolean
  : D extends { readonly type: 'string'; readonly enum: readonly (infer E)[] }
    ? E
    : D extends { readonly type: 'string' }
      ? string
      : D extends { readonly type: 'number[]' }
        ? readonly number[]
        : D extends { readonly type: 'string[]'; readonly enum: readonly (infer E)[] }
          ? readonly E[]
          : D extends { readonly type: 'string[]' }
            ? readonly string[]
            : D extends { readonly type: 'object'; readonly shape: infer S }
              ? { readonly [K in keyof S]: FieldValue<S[K]> }
              : D extends { readonly type: 'object' }
                ? Readonly<Record<string, number | boolean | string>>
                : D extends { readonly type: 'number' | 'integer' }
                  ? number
                  : StrategyParamValueAny;

/**
 * The resolved values `create` receives, typed from the declarations `P`: with `P` written out
 * (see defineStrategy), `{ perSecond: number; poll: boolean; mode: 'a' | 'b'; … }`; for any
 * declarations, a record of parameter values.
 */
export type StrategyParamValues<P extends StrategyParamDocs = StrategyParamDocs> = { readonly [K in keyof P]: StrategyParamValue<P[K]> };

/**
 * A strategy: what it does, where its rules come from, its parameters, and how to make an
 * instance. `P` types the declarations and, through them, what `create` receives. This is the
 * shape the built-ins and src/run/ hold (source and params filled in); a user module exports a
 * UserStrategyDefinition, where both are optional.
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

/**
 * What a user strategy module exports as `default` (or `strategy`), as README "Writing a
 * strategy" documents it: `source` (default: the module's path) and `params` (default: none) may
 * be left out.
 */
export interface UserStrategyDefinition<P extends StrategyParamDocs = StrategyParamDocs> {
  readonly name: string;
  /** One line: what the strategy does. */
  readonly description: string;
  /** Where its rules come from (seed file or URL); default: the module's path. */
  readonly source?: string;
  /** Parameter declarations; default: none. */
  readonly params?: P;
  /** Creates a fresh strategy instance for one run with resolved parameters (checked against `params`). */
  create(params: StrategyParamValues<P>): Strategy;
}

export type { Strategy };
