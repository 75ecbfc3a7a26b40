/**
 * Words for a newcomer: what each error code, metric and parameter group means. Presentation
 * only; the codes themselves are defined by the model (src/model/codes.ts, MODEL.md §1–§4).
 */

/** Short meanings of the failure codes a sender sees (Meta's error codes, plus wabasim's `limit_reached`). */
const CODE_MEANINGS: Readonly<Record<string, string>> = {
  limit_reached: 'messaging limit reached',
  '100': 'invalid parameter',
  '429': 'Graph API rate limit',
  '503': 'Graph API overloaded',
  '130429': 'throughput exceeded',
  '131026': 'undeliverable (user blocked)',
  '131031': 'account locked',
  '131047': 'outside the 24 h window',
  '131049': 'per-user marketing cap',
  '131056': 'pair rate exceeded',
  '131057': 'throughput upgrade in progress',
  '132015': 'template paused / paced drop',
  '132016': 'template disabled',
  '133010': 'number not registered',
};

/**
 * A label for failure code `code`: the code and what it means.
 * Why: a bare "131049" tells a newcomer nothing.
 * @example codeLabel('131049') // '131049 per-user marketing cap'
 * @example codeLabel('limit_reached') // 'messaging limit reached'
 */
export function codeLabel(code: string): string {
  const meaning = CODE_MEANINGS[code];
  if (code === 'limit_reached') return meaning;
  return meaning ? `${code} ${meaning}` : code;
}

/**
 * Orders failure codes for display: the messaging limit first, then numeric codes ascending,
 * then anything else by code point.
 * Why: the same order in the table and the chart, independent of locale.
 * @example ['131049', 'limit_reached', '130429'].sort(compareCodes) // ['limit_reached', '130429', '131049']
 */
export function compareCodes(a: string, b: string): number {
  const rank = (c: string): number => (c === 'limit_reached' ? 0 : /^\d+$/.test(c) ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (rank(a) === 1) return Number(a) - Number(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Turns a snake_case or camelCase key into words.
 * Why: block reasons and metric keys appear in tables.
 * @example humanize('didnt_sign_up') // 'didnt sign up'
 */
export function humanize(key: string): string {
  return key
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

/** The block reasons a user picks (MODEL.md §2), in words. */
const BLOCK_REASONS: Readonly<Record<string, string>> = {
  spam: 'spam',
  didnt_sign_up: "didn't sign up",
  no_longer_needed: 'no longer needed',
  offensive: 'offensive',
  other: 'other',
};

/**
 * A block reason in words.
 * @example blockReasonLabel('didnt_sign_up') // "didn't sign up"
 */
export function blockReasonLabel(reason: string): string {
  return BLOCK_REASONS[reason] ?? humanize(reason);
}

/** What each top-level group of policy parameters governs (MODEL.md sections). */
const PARAM_GROUPS: Readonly<Record<string, string>> = {
  limits: 'messaging limits and tier upgrades',
  quality: 'the phone-number quality rating',
  recipients: 'how recipients block, reply and read',
  templates: 'template quality and pausing',
  pacing: 'template pacing (holds and 132015 drops)',
  marketingCap: 'the per-user marketing cap (131049)',
  graphApi: 'Graph API budgets',
  coexistence: 'coexistence numbers (app opens, disconnects)',
  unanswered: 'the 30-day unanswered counter',
  trust: 'the trust score, restrictions and bans',
  restrictions: 'restrictions, appeals and reviews',
  delivery: 'delivery latency and codes',
  throughput: 'throughput (messages per second)',
};

/**
 * What the parameters under `group` (the first segment of a parameter path) govern.
 * Why: the report tells which conclusions rest on estimated parameters in words.
 * @example paramGroupLabel('pacing') // 'template pacing (holds and 132015 drops)'
 */
export function paramGroupLabel(group: string): string {
  return PARAM_GROUPS[group] ?? humanize(group);
}
