/** Reading webhook JSON of unknown shape: an object, a list, a timestamp (Meta sends unix seconds as text). */

export type Obj = Record<string, unknown>;

/** True for a plain JSON object (not null, not a list). */
export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` if it is a list, else an empty one. */
export function list(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * A timestamp in unix seconds, from a number or its text; undefined otherwise.
 * @example seconds('1767600000') // 1767600000
 */
export function seconds(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
