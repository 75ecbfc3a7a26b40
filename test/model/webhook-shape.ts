/**
 * Shape comparison of an emitted webhook payload against Meta's published example (a fixture in
 * test/fixtures/meta-webhooks): values may differ, keys and JSON types may not.
 */
import { readFileSync } from 'node:fs';

/** A fixture: Meta's example payload, plus `$optional` — keys the reference lists but the example omits, by path, with an example value. */
export interface MetaFixture {
  readonly example: unknown;
  readonly optional: Readonly<Record<string, unknown>>;
}

const DIR = new URL('../../../test/fixtures/meta-webhooks/', import.meta.url);

/**
 * Loads fixture `name` (file `<name>.json`, without the `$optional` key in `example`).
 * @throws when the file is missing or not JSON
 * @example loadFixture('account_update-restriction')
 */
export function loadFixture(name: string): MetaFixture {
  const { $optional, ...example } = JSON.parse(readFileSync(new URL(`${name}.json`, DIR), 'utf8')) as Record<string, unknown>;
  return { example, optional: ($optional ?? {}) as Record<string, unknown> };
}

/** JSON type of a value: null, array, object, string, number or boolean. */
function jsonType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/**
 * Every difference in shape between `actual` and Meta's `expected`: a key of the example missing
 * from `actual`, a key of `actual` that neither the example nor `optional` has, or a different JSON
 * type. Arrays are compared by their first element (each element of `actual` against the example's
 * first). Paths read `entry[].changes[].value.event`. An empty list means the shapes match.
 * @example shapeProblems({ a: 1 }, { a: 2, b: 3 }) // ['b: not in Meta\'s example']
 */
export function shapeProblems(expected: unknown, actual: unknown, optional: Readonly<Record<string, unknown>> = {}, path = ''): string[] {
  const te = jsonType(expected);
  const ta = jsonType(actual);
  if (te !== ta) return [`${path || '(root)'}: ${ta} where Meta has ${te}`];
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length === 0) return [];
    if (actual.length === 0) return [`${path}: empty where Meta has elements`];
    return actual.flatMap((element) => shapeProblems(expected[0], element, optional, `${path}[]`));
  }
  if (te !== 'object') return [];
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const at = (key: string): string => (path ? `${path}.${key}` : key);
  const problems: string[] = [];
  for (const key of Object.keys(e)) {
    if (!(key in a)) problems.push(`${at(key)}: missing`);
    else problems.push(...shapeProblems(e[key], a[key], optional, at(key)));
  }
  for (const key of Object.keys(a)) {
    if (key in e) continue;
    if (at(key) in optional) problems.push(...shapeProblems(optional[at(key)], a[key], optional, at(key)));
    else problems.push(`${at(key)}: not in Meta's example`);
  }
  return problems;
}

type Change = { field: string; value: Record<string, unknown> };
type Payload = { entry: { changes: Change[] }[] };

/**
 * The fixture an emitted payload is checked against, chosen by field and event (and, for
 * messages, by status or by whether the message replies).
 * @example fixtureFor(payload, 'portfolio') // 'account_update-restriction'
 */
export function fixtureFor(payload: unknown, scope: 'portfolio' | 'number'): string {
  const { field, value } = (payload as Payload).entry[0].changes[0];
  const event = String(value.event);
  switch (field) {
    case 'phone_number_quality_update':
      if (event === 'THROUGHPUT_UPGRADE') return `${field}-throughput-upgrade`;
      if (event === 'UPGRADE' || event === 'DOWNGRADE') return `${field}-upgrade`;
      if (event === 'QUALITY_UPDATED') return `${field}-quality-updated`;
      return `${field}-flagged`; // FLAGGED, UNFLAGGED
    case 'business_capability_update':
      if (scope === 'number') return `${field}-legacy`;
      return value.max_daily_conversations_per_business === 250 ? `${field}-250` : field;
    case 'message_template_status_update':
      return event === 'PAUSED' || event === 'REINSTATED' || event === 'DISABLED' ? `${field}-${event.toLowerCase()}` : field;
    case 'account_update':
      if (event === 'ACCOUNT_VIOLATION') return `${field}-violation`;
      if (event === 'ACCOUNT_RESTRICTION') return `${field}-restriction`;
      if (event === 'DISABLED_UPDATE') return `${field}-disabled`;
      return event === 'RECONNECTED' ? `${field}-reconnected` : `${field}-offboarded`; // wabasim's own events
    case 'messages': {
      const status = (value.statuses as { status: string }[] | undefined)?.[0]?.status;
      if (status !== undefined) return `messages-status-${status}`;
      return (value.messages as { context?: unknown }[])[0].context === undefined ? 'messages-text' : 'messages-text-reply';
    }
    default:
      return field;
  }
}
