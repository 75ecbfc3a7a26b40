/**
 * One threshold condition, `AGG OP NUMBER` (k6's syntax): what it is, how it is read from text (a
 * small scanner, no eval) and how it judges the values of one metric across a sweep's runs.
 *
 *   AGG    mean | min | max | p(N) (N in [0, 100], the N-th percentile across runs) | rate (the
 *          share of runs where the metric is not 0, in [0, 1])
 *   OP     < | <= | > | >= | == | !=
 *   NUMBER a decimal number, e.g. 30000, 0.05, -1, 1e6
 */
import { max, mean, min, quantileSorted } from 'simple-statistics';
import { closestWord } from '../errors/closest-word.js';

/** The aggregations written by name (p(N) is the other one). */
export const NAMED_AGGREGATIONS = ['mean', 'min', 'max', 'rate'] as const;

/** Comparison operators, longest first (so `<=` is read before `<`). */
export const OPERATORS = ['<=', '>=', '==', '!=', '<', '>'] as const;
export type Operator = (typeof OPERATORS)[number];

/** How the values across runs are reduced to one number. */
export type Aggregation = { readonly kind: (typeof NAMED_AGGREGATIONS)[number] } | { readonly kind: 'p'; readonly percentile: number };

/** A parsed condition; `text` is the condition as written, trimmed. */
export interface Condition {
  readonly text: string;
  readonly aggregation: Aggregation;
  readonly operator: Operator;
  readonly value: number;
}

/** Names users bring from k6 and elsewhere, with what to write instead. */
const HINTS: Readonly<Record<string, string>> = {
  avg: 'mean (k6\'s avg)',
  med: 'p(50)',
  median: 'p(50)',
  count: 'rate, the share of runs where the metric is not 0',
  percentile: 'p(N)',
};

const COMPARE: Readonly<Record<Operator, (a: number, b: number) => boolean>> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads `text` as a condition, or says what is wrong with it (a fragment for the message's
 * "found" part).
 * Why: thresholds are data in a scenario file; no expression is ever evaluated.
 * @example parseCondition('p(95) <= 100') // { text: 'p(95) <= 100', aggregation: { kind: 'p', percentile: 95 }, operator: '<=', value: 100 }
 * @example parseCondition('avg<3') // { problem: 'unknown aggregation "avg" (write mean (k6\'s avg))' }
 */
export function parseCondition(text: string): Condition | { readonly problem: string } {
  const s = text.trim();
  if (s === '') return { problem: 'an empty condition' };
  const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(s)?.[0];
  if (!name) return { problem: 'it does not start with an aggregation (mean, min, max, p(N) or rate)' };
  let at = name.length;
  let aggregation: Aggregation;
  if (name === 'p') {
    const m = /^\s*\(\s*([^)]*?)\s*\)/.exec(s.slice(at));
    if (!m) return { problem: 'p needs a percentile in parentheses, e.g. p(95)' };
    const n = Number(m[1]);
    if (!NUMBER.test(m[1]) || !(n >= 0 && n <= 100)) return { problem: `p(${m[1]}): the percentile must be a number in [0, 100]` };
    aggregation = { kind: 'p', percentile: n };
    at += m[0].length;
  } else if ((NAMED_AGGREGATIONS as readonly string[]).includes(name)) {
    aggregation = { kind: name as (typeof NAMED_AGGREGATIONS)[number] };
    if (/^\s*\(/.test(s.slice(at))) return { problem: `${name} takes no parentheses (only p(N) does)` };
  } else {
    const percentile = /^p(\d+)$/i.exec(name)?.[1];
    const hint = percentile !== undefined ? `p(${percentile})` : (HINTS[name.toLowerCase()] ?? closestWord(name.toLowerCase(), [...NAMED_AGGREGATIONS, 'p'], 2));
    return { problem: `unknown aggregation ${JSON.stringify(name)}${hint ? ` (write ${hint})` : ''}` };
  }
  const rest = s.slice(at).trimStart();
  const operator = OPERATORS.find((op) => rest.startsWith(op));
  if (!operator) {
    if (/^(=<|=>|<>|=!)/.test(rest)) return { problem: `${JSON.stringify(rest.slice(0, 2))} is not an operator (<, <=, >, >=, ==, !=)` };
    if (rest.startsWith('=')) return { problem: '"=" is not an operator (write ==)' };
    return { problem: `no comparison operator after ${name === 'p' ? `p(${(aggregation as { percentile: number }).percentile})` : name} (<, <=, >, >=, ==, !=)` };
  }
  const number = rest.slice(operator.length).trim();
  if (number === '') return { problem: `no number after ${operator}` };
  const value = Number(number);
  if (!NUMBER.test(number) || !Number.isFinite(value)) return { problem: `${JSON.stringify(number)} is not a number` };
  if (aggregation.kind === 'rate' && !(value >= 0 && value <= 1)) return { problem: `rate is a share of runs in [0, 1], found ${number} (rate<=0.05 is 5% of runs)` };
  return { text: s, aggregation, operator, value };
}

/**
 * The aggregation's name as printed: `mean`, `p(95)`.
 * @example aggregationLabel({ kind: 'p', percentile: 99.9 }) // 'p(99.9)'
 */
export function aggregationLabel(a: Aggregation): string {
  return a.kind === 'p' ? `p(${a.percentile})` : a.kind;
}

/**
 * `values` (one per run, at least one) reduced by `a`. An infinite value (a tier never reached)
 * makes the mean infinite; percentiles are simple-statistics' `quantileSorted`, as results.json's
 * p5/p50/p95, so p(50) here is the p50 there.
 * Cost O(n log n) for a percentile, O(n) otherwise.
 * @throws {Error} for an empty list (a bug: every variant × strategy has runs)
 * @example aggregateValues({ kind: 'rate' }, [0, 2, 0, 1]) // 0.5
 * @example aggregateValues({ kind: 'p', percentile: 50 }, [3, 1, 2]) // 2
 */
export function aggregateValues(a: Aggregation, values: readonly number[]): number {
  if (values.length === 0) throw new Error('aggregateValues: no values');
  switch (a.kind) {
    case 'mean':
      return values.includes(Infinity) ? Infinity : mean(values as number[]);
    case 'min':
      return min(values as number[]);
    case 'max':
      return max(values as number[]);
    case 'rate':
      return values.filter((v) => v !== 0).length / values.length;
    case 'p':
      return quantileSorted([...values].sort((x, y) => x - y), a.percentile / 100);
  }
}

/**
 * Whether `observed` meets the condition.
 * @example holds({ text: 'rate==0', aggregation: { kind: 'rate' }, operator: '==', value: 0 }, 0) // true
 */
export function holds(c: Condition, observed: number): boolean {
  return COMPARE[c.operator](observed, c.value);
}
