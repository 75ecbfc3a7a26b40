/**
 * Plausible ranges of the parameters nobody documents (issue 19, "sensitivity to the estimates"):
 * every numeric parameter labelled `estimate` or `reported` carries a range `wabasim sensitivity`
 * varies it over. Where MODEL.md or a seed gives a spread, the profile's range table says so with
 * its source; every other such parameter gets one generic, stated assumption — ±50% of its value,
 * clipped to its bounds (`assumedRange`). A range lies inside [min, max] and contains the value;
 * low = high means "not varied" (an error code is an identifier, not a quantity).
 */
import { RANGED_LABELS, type ParamDef, type ParamRange } from './param.js';

/** The generic rule's half-width, as a fraction of the value. */
export const ASSUMED_SPREAD = 0.5;

/**
 * The source string of every range made by the generic rule.
 * @example assumedSource(0, 1) // 'assumption: ±50% of the value, within its bounds [0, 1]'
 */
export function assumedSource(min: number | undefined, max: number | undefined): string {
  return `assumption: ±${ASSUMED_SPREAD * 100}% of the value, within its bounds [${min ?? '−∞'}, ${max ?? '∞'}]`;
}

/**
 * The generic range of a numeric parameter: its value ± ASSUMED_SPREAD × value, clipped to [min, max].
 * Why: most estimates come with one figure and no spread; one stated rule beats a hundred guesses.
 * @example assumedRange(num(0.3, 'share', 0, 1, 'estimate', s, d)) // { low: 0.15, high: 0.45, source: 'assumption: ±50% …' }
 */
export function assumedRange(def: ParamDef<number>): ParamRange {
  const v = def.value;
  const a = v * (1 - ASSUMED_SPREAD);
  const b = v * (1 + ASSUMED_SPREAD);
  return { low: Math.max(def.min ?? -Infinity, Math.min(a, b)), high: Math.min(def.max ?? Infinity, Math.max(a, b)), source: assumedSource(def.min, def.max) };
}

/** A range as a profile's table gives it (the source says where the spread comes from). */
export type RangeTable = Readonly<Record<string, ParamRange>>;

/** True for a parameter that must carry a range: numeric, labelled estimate or reported. */
export function needsRange(def: ParamDef<unknown>): def is ParamDef<number> {
  return typeof def.value === 'number' && RANGED_LABELS.includes(def.label);
}

/**
 * What is wrong with `def`'s range, or undefined when it is valid: present when needed, finite,
 * low ≤ value ≤ high, inside [min, max], with a source.
 * @example rangeIssue({ ...def, range: { low: 2, high: 1, source: 'x' } }) // 'low 2 > value …'
 */
export function rangeIssue(def: ParamDef<unknown>): string | undefined {
  const r = def.range;
  if (!r) return needsRange(def) ? 'no range' : undefined;
  if (typeof def.value !== 'number') return 'a range on a parameter that is not a number';
  if (!Number.isFinite(r.low) || !Number.isFinite(r.high)) return `range [${r.low}, ${r.high}] not finite`;
  if (r.low > def.value || def.value > r.high) return `range [${r.low}, ${r.high}] does not contain the value ${def.value}`;
  if (r.low < (def.min ?? -Infinity) || r.high > (def.max ?? Infinity)) return `range [${r.low}, ${r.high}] outside the bounds [${def.min}, ${def.max}]`;
  if (r.source.trim().length < 5) return 'a range without a source';
  return undefined;
}

/**
 * `params` (groups of parameter definitions) with a range on every parameter that needs one: the
 * table's where it has an entry (by dotted path), else the generic rule.
 * @throws {Error} for a table entry naming no parameter that needs a range, an invalid range, or a
 *   value of 0 left to the generic rule (±50% of 0 is no range): a profile bug, caught at load
 * @example export const PARAMS = withRanges({ quality: { … } }, { 'quality.recoveryDays': { low: 5, high: 7, source: 'MODEL.md §10' } });
 */
export function withRanges<T extends object>(params: T, table: RangeTable): T {
  const used = new Set<string>();
  const out = Object.fromEntries(
    Object.entries(params).map(([group, defs]) => [
      group,
      Object.fromEntries(
        Object.entries(defs as Record<string, ParamDef<unknown>>).map(([key, def]) => {
          const path = `${group}.${key}`;
          if (!needsRange(def)) return [key, def];
          const given = table[path];
          if (given) used.add(path);
          else if (def.value === 0) throw new Error(`${path}: a value of 0 needs an explicit range (±50% of 0 is none)`);
          const ranged = { ...def, range: given ?? assumedRange(def) };
          const issue = rangeIssue(ranged);
          if (issue) throw new Error(`${path}: ${issue}`);
          return [key, ranged];
        }),
      ),
    ]),
  ) as T;
  const unused = Object.keys(table).filter((path) => !used.has(path));
  if (unused.length) throw new Error(`range table names no numeric estimate or reported parameter: ${unused.join(', ')}`);
  return out;
}

/**
 * The range a derived profile's replacement parameter gets when it brings none: the base
 * parameter's, widened to contain the new value (and clipped to the new bounds), else the generic
 * rule. Undefined when the replacement needs no range (documented, forecast, not a number).
 * @example inheritRange(base, num(24, 'hours', 0, 720, 'estimate', s, d)) // base.range widened to 24
 */
export function inheritRange(base: ParamDef<unknown> | undefined, replacement: ParamDef<unknown>): ParamRange | undefined {
  if (replacement.range || !needsRange(replacement)) return replacement.range;
  const from = base?.range;
  if (!from) return replacement.value === 0 ? { low: 0, high: 0, source: 'not varied: a value of 0 has no ±50% range' } : assumedRange(replacement);
  const v = replacement.value;
  const low = Math.max(replacement.min ?? -Infinity, Math.min(from.low, v));
  const high = Math.min(replacement.max ?? Infinity, Math.max(from.high, v));
  const widened = low !== from.low || high !== from.high;
  return { low, high, source: widened ? `${from.source} (widened to contain this profile's value ${v})` : from.source };
}
