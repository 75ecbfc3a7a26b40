import { ENFORCEMENT_PATHS, type EnforcementKind, type EnforcementPath } from '../model/state/index.js';
/**
 * Words for a newcomer: what each error code, metric and parameter group means. Presentation
 * only; the codes themselves are defined by the model (src/model/codes.ts, MODEL.md §1–§4), and so
 * are the enforcement kinds and paths (src/model/restrictions.ts, MODEL.md §6b).
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
  appliesTo: 'which channels each enforcement path acts on',
  policyEnforcement: "Meta's policy-enforcement ladder (what counts as a violation)",
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

/** What each enforcement kind means to the sender (src/model/restrictions.ts ENFORCEMENT_KINDS); `Record` so a new kind fails to compile until it has words. */
const ENFORCEMENT_KIND_WORDS: Readonly<Record<EnforcementKind, string>> = {
  disconnect: 'API disconnected',
  review: '48-hour review (no sends)',
  'soft-ban': 'soft ban (countdown)',
  'permanent-ban': 'permanent ban',
  'account-restriction': 'account restriction',
  'policy-warning': 'policy warning (no restriction)',
  'policy-restriction': 'messaging blocked (business-initiated)',
  'policy-restriction-all': 'messaging blocked (business-initiated and replies)',
  'account-disabled': 'account disabled',
};

/** Kinds whose label says how long they lasted (timed blocks of Meta's ladder). */
const TIMED_KINDS: ReadonlySet<string> = new Set<EnforcementKind>(['policy-restriction', 'policy-restriction-all']);

/**
 * An enforcement kind in words; for a timed block of Meta's ladder, with its length in whole days.
 * Why: "policy-restriction-all" tells a sender nothing; "messaging blocked (business-initiated and replies), 5 days" does.
 * @example enforcementKindLabel('policy-restriction', 3) // 'messaging blocked (business-initiated), 3 days'
 * @example enforcementKindLabel('account-disabled') // 'account disabled'
 */
export function enforcementKindLabel(kind: string, days?: number): string {
  const words = (ENFORCEMENT_KIND_WORDS as Readonly<Record<string, string>>)[kind] ?? humanize(kind);
  if (days === undefined || !TIMED_KINDS.has(kind)) return words;
  return `${words}, ${days} day${days === 1 ? '' : 's'}`;
}

/**
 * Whether an enforcement of `kind` is labelled with its length (see enforcementKindLabel).
 * @example isTimedKind('policy-restriction') // true
 */
export function isTimedKind(kind: string): boolean {
  return TIMED_KINDS.has(kind);
}

/** Each enforcement path in words, with the source it rests on (MODEL.md §6b). */
const ENFORCEMENT_PATH_WORDS: Readonly<Record<EnforcementPath, string>> = {
  'policy-enforcement': "Meta's policy-enforcement ladder",
  'trust-score': 'trust score (seed 003)',
  'block-cascade': 'block cascade (seed 003)',
  'identity-review': 'identity review (seed 000)',
  'ai-policy': 'AI policy (seed 000)',
  coexistence: 'coexistence app-open rule (seed 000)',
};

/**
 * An enforcement path in words.
 * @example enforcementPathLabel('policy-enforcement') // "Meta's policy-enforcement ladder"
 */
export function enforcementPathLabel(path: string): string {
  return (ENFORCEMENT_PATH_WORDS as Readonly<Record<string, string>>)[path] ?? humanize(path);
}

/** How a path is known, in words: the label names of the policy profiles, an estimate spelled out as the community's. */
const KNOWN_AS: Readonly<Record<string, string>> = {
  documented: 'documented',
  reported: 'reported',
  estimate: 'community estimate',
  forecast: 'forecast',
};

/**
 * How an enforcement path is known (its label), in words.
 * @example knownAsLabel('estimate') // 'community estimate'
 */
export function knownAsLabel(label: string): string {
  return KNOWN_AS[label] ?? label;
}

/** Paths of enforcements recorded before results carried one, by reason. */
const PATH_OF_REASON: Readonly<Record<string, EnforcementPath>> = {
  TRUST_SCORE: 'trust-score',
  BLOCK_CASCADE: 'block-cascade',
  COEXISTENCE_APP_NOT_OPENED: 'coexistence',
  AI_POLICY: 'ai-policy',
  NEW_CARD_OTHER_REGION: 'identity-review',
  IP_LINKED_TO_BANS: 'identity-review',
  NEW_DEVICE: 'identity-review',
};

/**
 * The path that acted in enforcement `e` and how it is known. Results written before enforcements
 * carried a path get it from their reason; an unknown one is 'unrecorded'.
 * Why: the table, the timeline and the key numbers tell documented paths from estimates the same way.
 * @example enforcementBasis({ reason: 'TRUST_SCORE' }) // { path: 'trust-score', label: 'estimate' }
 */
export function enforcementBasis(e: { readonly path?: string; readonly label?: string; readonly reason: string }): { path: string; label: string } {
  const path = e.path ?? PATH_OF_REASON[e.reason] ?? 'unrecorded';
  const known = (ENFORCEMENT_PATHS as Readonly<Record<string, { label: string }>>)[path];
  return { path, label: e.label ?? known?.label ?? 'unrecorded' };
}

/** Why an enforcement came, in words (reasons come from the model: src/model/restrictions.ts, coexistence.ts, trust-score.ts, the policy ladder). */
const REASON_WORDS: Readonly<Record<string, string>> = {
  TRUST_SCORE: 'trust score over the restriction threshold, with enough layers contributing',
  BLOCK_CASCADE: 'quality RED without improvement for trust.redDaysToRestrict days (block cascade)',
  COEXISTENCE_APP_NOT_OPENED: 'the WhatsApp Business app was not opened for coexistence.appOpenIntervalDays days',
  AI_POLICY: 'flagged as a general-purpose AI chatbot after the warning',
  NEW_CARD_OTHER_REGION: 'account metadata change: a new card from another region',
  IP_LINKED_TO_BANS: 'account metadata change: an IP linked to earlier bans',
  NEW_DEVICE: 'account metadata change: a new device',
  USER_BLOCKS: 'a policy violation: blocks per delivered business-initiated message at or over policyEnforcement.blockRate (Meta’s ladder escalates with each repeat)',
  USER_REPORTS: 'a policy violation: spam reports per delivered business-initiated message at or over policyEnforcement.reportRate (Meta’s ladder escalates with each repeat)',
};

/**
 * Why an enforcement came, in words; an unknown reason is humanized.
 * @example enforcementReasonLabel('BLOCK_CASCADE') // 'quality RED without improvement for …'
 */
export function enforcementReasonLabel(reason: string): string {
  return REASON_WORDS[reason] ?? humanize(reason);
}
