/**
 * A threshold's key: a metric name and an optional scope, k6's tag syntax —
 * `restricted{strategy:tier-aware}`, `uniqueUsersReached{variant:cold list,strategy:warmup}`.
 *
 *   KEY    METRIC | METRIC{SCOPE}
 *   SCOPE  ITEM(,ITEM)*            ITEM  strategy:VALUE | variant:VALUE (each at most once)
 *   VALUE  text up to the next comma, trimmed | a JSON string ("a, b" for a name with a comma)
 *
 * Read by a small scanner (no eval); a problem comes back as a fragment for the message.
 */

/** The names a scope may restrict. */
export const SCOPE_KEYS = ['strategy', 'variant'] as const;
export type ScopeKey = (typeof SCOPE_KEYS)[number];

/** Which variant × strategy pairs a threshold applies to; an absent key matches every one. */
export type Scope = Readonly<Partial<Record<ScopeKey, string>>>;

/** A parsed key. */
export interface ThresholdKey {
  readonly metric: string;
  readonly scope: Scope;
}

/**
 * Reads a threshold key, or says what is wrong with it.
 * @example parseThresholdKey('restricted{strategy:tier-aware}') // { metric: 'restricted', scope: { strategy: 'tier-aware' } }
 * @example parseThresholdKey('delivered{tier:x}') // { problem: 'unknown scope key "tier" (strategy or variant)' }
 */
export function parseThresholdKey(key: string): ThresholdKey | { readonly problem: string } {
  const open = key.indexOf('{');
  if (open < 0) {
    if (key.includes('}')) return { problem: 'a "}" without a "{"' };
    const metric = key.trim();
    return metric === '' ? { problem: 'an empty metric name' } : { metric, scope: {} };
  }
  const metric = key.slice(0, open).trim();
  if (metric === '') return { problem: 'no metric name before "{"' };
  const body = key.slice(open + 1).trimEnd();
  if (!body.endsWith('}')) return { problem: 'the scope must end the key with "}"' };
  const scope = parseScope(body.slice(0, -1));
  return 'problem' in scope ? scope : { metric, scope };
}

/** The items of a scope's inside (between the braces). */
function parseScope(text: string): Scope | { readonly problem: string } {
  const scope: Partial<Record<ScopeKey, string>> = {};
  let at = 0;
  const skipSpace = (): void => {
    while (at < text.length && /\s/.test(text[at])) at++;
  };
  skipSpace();
  if (at === text.length) return { problem: 'an empty scope "{}"' };
  while (at < text.length) {
    skipSpace();
    const name = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(text.slice(at))?.[0];
    if (!name) return { problem: `${JSON.stringify(text.slice(at, at + 20))} where a scope key (strategy or variant) was expected` };
    if (!(SCOPE_KEYS as readonly string[]).includes(name)) return { problem: `unknown scope key ${JSON.stringify(name)} (strategy or variant)` };
    if (scope[name as ScopeKey] !== undefined) return { problem: `${name} given twice in one scope` };
    at += name.length;
    skipSpace();
    if (text[at] !== ':') return { problem: `no ":" after ${name}` };
    at++;
    skipSpace();
    let value: string;
    if (text[at] === '"') {
      const end = closingQuote(text, at);
      if (end < 0) return { problem: `an unclosed quoted ${name}` };
      try {
        value = JSON.parse(text.slice(at, end + 1)) as string;
      } catch {
        return { problem: `a quoted ${name} that is not a JSON string: ${text.slice(at, end + 1)}` };
      }
      at = end + 1;
      skipSpace();
      if (at < text.length && text[at] !== ',') return { problem: `text after the quoted ${name}` };
    } else {
      const comma = text.indexOf(',', at);
      value = text.slice(at, comma < 0 ? text.length : comma).trim();
      at = comma < 0 ? text.length : comma;
    }
    if (value === '') return { problem: `an empty ${name}` };
    scope[name as ScopeKey] = value;
    if (text[at] === ',') {
      at++;
      skipSpace();
      if (at === text.length) return { problem: 'a "," with nothing after it' };
    }
  }
  return scope;
}

/** Index of the quote closing the JSON string that starts at `start`, or −1. */
function closingQuote(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/**
 * The scope as written in a key, for messages and reports: `{strategy:tier-aware}`, or '' for none.
 * @example scopeText({ variant: 'cold', strategy: 'blast' }) // '{strategy:blast,variant:cold}'
 */
export function scopeText(scope: Scope): string {
  const items = SCOPE_KEYS.filter((k) => scope[k] !== undefined).map((k) => {
    const v = scope[k] as string;
    return `${k}:${/^[^,"]+$/.test(v) && v.trim() === v ? v : JSON.stringify(v)}`;
  });
  return items.length ? `{${items.join(',')}}` : '';
}
