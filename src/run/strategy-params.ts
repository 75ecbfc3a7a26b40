/**
 * Strategy parameters beyond numbers (issue 22 item 3): checking a declaration a module exports
 * (`declarationProblem`) and a scenario's value against its declaration (`valueProblems`), with
 * the JSON pointer of each problem below the parameter. Kinds: number, integer, boolean, string
 * (optional `enum`), number[] and string[] (optional `minItems`/`maxItems`; elements bounded by
 * `min`/`max` or `enum`), object (a declared `shape` of scalar fields, all required, no others).
 */
import { SHAPE_FIELD_TYPES, STRATEGY_PARAM_TYPES, type ShapeField, type StrategyParamDoc } from '../strategies/index.js';

/** One problem of a value: where below the parameter (a JSON pointer suffix, '' for the value itself), what was expected, what was found. */
export interface ValueProblem {
  readonly at: string;
  readonly expected: string;
  readonly found: unknown;
  /** Set for a number outside [min, max] (reported as out of range). */
  readonly range?: { readonly min: number; readonly max: number };
}

/** The expected-text of a declaration, e.g. `a string, one of "a", "b"` or `a list of integers in [1, 10]`. */
export function describeParam(doc: Pick<StrategyParamDoc, 'type' | 'enum' | 'min' | 'max' | 'minItems' | 'maxItems' | 'shape'>): string {
  const oneOf = (e: readonly string[] | undefined): string => (e ? `, one of ${e.map((s) => JSON.stringify(s)).join(', ')}` : '');
  const bounds = (): string => (doc.min !== undefined || doc.max !== undefined ? ` in [${doc.min ?? '-∞'}, ${doc.max ?? '∞'}]` : '');
  const items = (): string => (doc.minItems !== undefined || doc.maxItems !== undefined ? ` (${doc.minItems ?? 0} to ${doc.maxItems ?? 'any number of'} items)` : '');
  switch (doc.type) {
    case 'string':
      return `a string${oneOf(doc.enum)}`;
    case 'number[]':
      return `a list of numbers${bounds()}${items()}`;
    case 'string[]':
      return `a list of strings${oneOf(doc.enum)}${items()}`;
    case 'object':
      return `an object { ${Object.entries(doc.shape ?? {})
        .map(([k, f]) => `${k}: ${f.type}`)
        .join(', ')} }`;
    default:
      return `a value of type ${doc.type}`;
  }
}

/**
 * The problems of `value` against the declaration `doc` (none: []).
 * @example valueProblems({ type: 'string', enum: ['a', 'b'], default: 'a', description: '' }, 'c') // [{ at: '', expected: 'a string, one of "a", "b"', found: 'c' }]
 */
export function valueProblems(doc: StrategyParamDoc, value: unknown): ValueProblem[] {
  const whole = describeParam(doc);
  switch (doc.type) {
    case 'number':
    case 'integer':
    case 'boolean':
    case 'string':
      return scalarProblems(doc as Pick<ShapeField, 'type' | 'min' | 'max' | 'enum'>, value, '', whole);
    case 'number[]':
    case 'string[]': {
      if (!Array.isArray(value)) return [{ at: '', expected: whole, found: value }];
      if ((doc.minItems !== undefined && value.length < doc.minItems) || (doc.maxItems !== undefined && value.length > doc.maxItems)) return [{ at: '', expected: whole, found: `${value.length} items` }];
      const element = { ...doc, type: doc.type === 'number[]' ? ('number' as const) : ('string' as const) };
      return value.flatMap((v, i) => scalarProblems(element, v, `/${i}`, describeParam(element)));
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return [{ at: '', expected: whole, found: value }];
      const shape = doc.shape ?? {};
      const out: ValueProblem[] = [];
      for (const key of Object.keys(value)) if (!(key in shape)) out.push({ at: `/${escape(key)}`, expected: `one of the declared fields (${Object.keys(shape).join(', ') || 'none'})`, found: key });
      for (const [key, field] of Object.entries(shape)) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) out.push({ at: `/${escape(key)}`, expected: `${describeParam(field)} (a required field)`, found: undefined });
        else out.push(...scalarProblems(field, v, `/${escape(key)}`, describeParam(field)));
      }
      return out;
    }
  }
}

/** The problems of a scalar value against a number, integer, boolean or string declaration. */
function scalarProblems(doc: Pick<ShapeField, 'type' | 'min' | 'max' | 'enum'>, value: unknown, at: string, expected: string): ValueProblem[] {
  if (doc.type === 'boolean') return typeof value === 'boolean' ? [] : [{ at, expected, found: value }];
  if (doc.type === 'string') {
    if (typeof value !== 'string') return [{ at, expected, found: value }];
    return doc.enum && !doc.enum.includes(value) ? [{ at, expected, found: value }] : [];
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || (doc.type === 'integer' && !Number.isInteger(value))) return [{ at, expected, found: value }];
  if (value < (doc.min ?? -Infinity) || value > (doc.max ?? Infinity)) return [{ at, expected, found: value, range: { min: doc.min ?? -Number.MAX_VALUE, max: doc.max ?? Number.MAX_VALUE } }];
  return [];
}

/** A key as one JSON-pointer token (RFC 6901). */
function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * What keeps `value` (a declaration a user module exports) from being a StrategyParamDoc, or ''.
 * @example declarationProblem({ type: 'text', default: '' }) // 'has type "text" (expected one of "number", …)'
 */
export function declarationProblem(value: unknown): string {
  if (typeof value !== 'object' || value === null) return 'is not an object { type, default, min?, max?, enum?, shape?, description? }';
  const p = value as Record<string, unknown>;
  if (!(STRATEGY_PARAM_TYPES as readonly unknown[]).includes(p.type)) return `has type ${JSON.stringify(p.type)} (expected one of ${STRATEGY_PARAM_TYPES.map((t) => JSON.stringify(t)).join(', ')})`;
  for (const bound of ['min', 'max', 'minItems', 'maxItems'] as const) if (p[bound] !== undefined && typeof p[bound] !== 'number') return `has a ${bound} that is not a number`;
  if (p.enum !== undefined && !(Array.isArray(p.enum) && p.enum.length > 0 && p.enum.every((e) => typeof e === 'string'))) return 'has an enum that is not a non-empty list of strings';
  if (p.description !== undefined && typeof p.description !== 'string') return 'has a description that is not a string';
  if (p.type === 'object') {
    if (typeof p.shape !== 'object' || p.shape === null || Array.isArray(p.shape)) return 'is an object parameter without a shape ({ field: { type } })';
    for (const [key, f] of Object.entries(p.shape as Record<string, unknown>)) {
      const field = f as Record<string, unknown> | null;
      if (typeof field !== 'object' || field === null || !(SHAPE_FIELD_TYPES as readonly unknown[]).includes(field.type)) return `has a shape field ${JSON.stringify(key)} whose type is not one of ${SHAPE_FIELD_TYPES.join(', ')}`;
    }
  }
  const problems = valueProblems({ ...(p as unknown as StrategyParamDoc), description: '' }, p.default);
  if (problems.length) return `has a default that is not ${describeParam(p as unknown as StrategyParamDoc)}${problems[0].at ? ` (at ${problems[0].at})` : ''}`;
  return '';
}
