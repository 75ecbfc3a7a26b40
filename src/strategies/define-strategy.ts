/**
 * Declaring a strategy's parameters as data and getting typed values in `create`. The
 * declarations are plain StrategyParamDoc objects (so `wabasim list strategies` and the checks in
 * src/run/strategies.ts read them as before); their literal types give `create` its parameter
 * type, so a built-in reads `p.perSecond` as a number and `p.poll` as a boolean, never
 * `Number(params.x)`.
 */
import type { StrategyDefinition, StrategyParamDocs } from './types.js';

/** A number parameter declaration. */
export interface NumberParamDoc {
  readonly type: 'number' | 'integer';
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly description: string;
}

/** A boolean parameter declaration. */
export interface BooleanParamDoc {
  readonly type: 'boolean';
  readonly default: boolean;
  readonly description: string;
}

/**
 * A number parameter taking any value in [min, max].
 * Why: the built-ins declare parameters through these builders, so every declaration has the
 * same fields in the same order (`wabasim list strategies --json` prints them).
 * @example numberParam(0.9, 0.01, 1, 'Share of the messaging limit used per day') // { type: 'number', default: 0.9, min: 0.01, max: 1, description: … }
 */
export function numberParam(defaultValue: number, min: number, max: number, description: string): NumberParamDoc & { readonly type: 'number' } {
  return { type: 'number', default: defaultValue, min, max, description };
}

/**
 * A number parameter taking whole values in [min, max] (the scenario check rejects fractions).
 * @example integerParam(20, 1, 1000, 'Sends per second') // { type: 'integer', default: 20, min: 1, max: 1000, description: … }
 */
export function integerParam(defaultValue: number, min: number, max: number, description: string): NumberParamDoc & { readonly type: 'integer' } {
  return { type: 'integer', default: defaultValue, min, max, description };
}

/**
 * A boolean parameter (a switch).
 * @example booleanParam(true, 'GET the phone number when each window opens') // { type: 'boolean', default: true, description: … }
 */
export function booleanParam(defaultValue: boolean, description: string): BooleanParamDoc {
  return { type: 'boolean', default: defaultValue, description };
}

/**
 * Returns `definition` as it is, typed so that `create` receives the values of the declared
 * `params` (numbers for number and integer parameters, booleans for boolean ones).
 * Why: the declarations are the one source of a parameter's name, type and default; the type of
 * `create`'s argument is derived from them, so a renamed or retyped parameter fails to compile
 * where it is read. src/run/strategies.ts checks scenario values against the same declarations
 * before `create` is called, which is what makes the typing true at run time.
 * @example defineStrategy({ name: 'x', description: '…', source: '…', params: { perSecond: integerParam(20, 1, 1000, 'Sends per second') }, create: (p) => strategyFor(p.perSecond) })
 */
export function defineStrategy<const P extends StrategyParamDocs>(definition: StrategyDefinition<P>): StrategyDefinition<P> {
  return definition;
}
