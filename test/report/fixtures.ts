/**
 * Small synthetic results for report tests: every series the charts read, deterministic values.
 * Enforcement (MODEL.md §6b): the cold list's numbers are web-session numbers, where seed 003's
 * trust score acts (its blast runs are soft-banned by it); every other variant's numbers are
 * cloud-api numbers, where the trust score is only a risk indicator, and the clean list's warmup
 * runs go up Meta's documented policy ladder instead (a warning, a 1-day block, a 2-day block of
 * business-initiated messages and replies; seed 3's account is disabled). Other variants have no
 * enforcement records but a restricted status mid-run, as results of an older wabasim would.
 */
import { aggregate } from '../../src/run/aggregate.js';
import type { EnforcementSummary, NumberSummary, ResolvedParam, Results, RunResult, RunSummary } from '../../src/run/results.js';

export interface FixtureOptions {
  readonly variants?: readonly string[];
  readonly strategies?: readonly string[];
  readonly seeds?: number;
  readonly hours?: number;
  /** Series names to leave out of every run. */
  readonly without?: readonly string[];
  /** Whether the trust score acts on every number (web-session) or on none (cloud-api); default: acts for the cold list only. */
  readonly trustActs?: boolean;
}

/** Restriction score of the fixture's trust score (PARAMS trust.restrictScore). */
const RESTRICT_SCORE = 2;

/** The enforcements of one run (see the header). */
function enforcementsOf(variant: string, strategy: string, seed: number): EnforcementSummary[] {
  const trust = (startDay: number, endDay: number, behaviour: number): EnforcementSummary => ({ number: 'n1', kind: 'soft-ban', reason: 'TRUST_SCORE', path: 'trust-score', label: 'estimate', startDay, endDay, appealed: false, layers: { registration: 0, behaviour, blockCascade: 0.5, content: 0 } });
  const ladder = (kind: string, startDay: number, endDay: number | null): EnforcementSummary => ({ number: 'n1', kind, reason: 'USER_BLOCKS', path: 'policy-enforcement', label: 'documented', startDay, endDay, appealed: false });
  // the blast runs of the cold list are soft-banned on day 2, driven by behaviour; seed 1 a second time
  if (variant === 'cold list' && strategy === 'blast') return [trust(2, 3, 1.5), ...(seed === 1 ? [trust(3.5, 4, 2.5)] : [])];
  if (variant === 'clean list' && strategy === 'warmup') {
    return [ladder('policy-warning', 1, 1), ladder('policy-restriction', 1.5, 2.5), ...(seed >= 2 ? [ladder('policy-restriction-all', 2.75, 3.75)] : []), ...(seed === 3 ? [ladder('account-disabled', 3.8, null)] : [])];
  }
  return [];
}

/** The status series code an enforcement kind shows (src/model/series-codes.ts STATUS_CODES). */
const STATUS_OF_KIND: Readonly<Record<string, number>> = { 'soft-ban': 2, 'policy-restriction': 2, 'policy-restriction-all': 2, 'account-disabled': 5 };

/** A tiny deterministic generator (no Math.random): values in [0, 1). */
function lcg(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PARAMS: readonly ResolvedParam[] = [
  { path: 'limits.windowHours', value: 24, overridden: false, unit: 'hours', source: 'https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits', label: 'documented' },
  { path: 'limits.verifiedStartTier', value: 'TIER_100K', overridden: false, unit: '', source: 'seeds/001.txt', label: 'forecast' },
  { path: 'quality.halfLifeHours', value: 48, overridden: false, unit: 'hours', source: 'wabasim assumption (no published figure)', label: 'estimate' },
  { path: 'pacing.windowMinutes', value: 15, overridden: false, unit: 'minutes', source: 'seeds/004.txt', label: 'reported' },
  { path: 'trust.restrictScore', value: 2, overridden: false, unit: 'score', source: 'seeds/003.txt', label: 'estimate' },
  { path: 'trust.banScore', value: { uniform: [3.5, 4.5] }, overridden: true, unit: 'score', source: 'seeds/003.txt', label: 'estimate' },
];

function numberSummary(trust: readonly number[], acts: boolean): NumberSummary {
  return { channel: acts ? 'web-session' : 'cloud-api', trustScoreActs: acts, trustScorePeak: Math.max(0, ...trust), hoursOverRestrictScore: trust.filter((t) => t >= RESTRICT_SCORE).length };
}

function run(variant: string, strategy: string, seed: number, hours: number, without: readonly string[], acts: boolean): RunResult {
  const rnd = lcg(seed * 7919 + strategy.length * 31 + variant.length);
  const series: Record<string, number[]> = {};
  const make = (name: string, f: (h: number) => number): void => {
    if (!without.includes(name)) series[name] = Array.from({ length: hours }, (_, h) => f(h));
  };
  const sendHours = (h: number): boolean => h % 24 >= 9 && h % 24 < 17;
  make('attempted', (h) => (sendHours(h) ? 40 + Math.floor(rnd() * 20) : 0));
  make('accepted', (h) => (sendHours(h) ? 30 + Math.floor(rnd() * 10) : 0));
  make('delivered', (h) => (sendHours(h) ? 28 + Math.floor(rnd() * 10) : 0));
  make('failed', (h) => (sendHours(h) ? 10 + Math.floor(rnd() * 5) : 0));
  make('read', () => Math.floor(rnd() * 20));
  make('replies', (h) => (rnd() < 0.3 ? 1 : 0) + (h === 10 ? 2 : 0));
  make('blocks', () => (rnd() < 0.1 ? 1 : 0));
  make('inbound', () => Math.floor(rnd() * 3));
  make('held', (h) => (h === 12 ? 50 + seed : 0));
  make('dropped', (h) => (h === 30 ? 5 + seed : 0));
  make('uniqueInWindow', (h) => Math.min(250, h * 12 + seed));
  make('messagingLimit', (h) => (h < hours - 10 ? (h < 40 ? 250 : h < 400 ? 2000 : 100_000) : -1)); // long horizons climb to 100K
  make('quality.n1', (h) => (h < 5 ? 0 : h < 50 + seed ? 1 : 2));
  make('quality.n2', () => 0);
  const enforcements = enforcementsOf(variant, strategy, seed);
  // the state at the end of each hour; variants other than the clean and cold list show a restriction with no record behind it (results of an older wabasim)
  const status = (h: number): number => Math.max(0, ...enforcements.filter((e) => e.startDay * 24 <= h + 1 && (e.endDay === null || h + 1 < e.endDay * 24)).map((e) => STATUS_OF_KIND[e.kind] ?? 0));
  const legacy = variant !== 'clean list' && variant !== 'cold list';
  make('status.n1', (h) => (legacy ? (h > hours / 2 && h < hours / 2 + 10 ? 2 : 0) : status(h)));
  make('trust.n1', (h) => Math.min(3, h / 30 + rnd() * 0.2));
  make('unanswered.n1', (h) => Math.floor(h * 1.5));
  const total = (name: string): number => (series[name] ?? []).reduce((a, b) => a + b, 0);
  const perThousand = (n: number): number => (total('delivered') > 0 ? (n / total('delivered')) * 1000 : 0);
  const summary = {
    attempted: total('attempted'),
    accepted: total('accepted'),
    delivered: total('delivered'),
    failed: total('failed'),
    failedByCode: { limit_reached: Math.round(total('failed') * 0.7), '130429': total('failed') - Math.round(total('failed') * 0.7), ...(seed % 2 ? { '131049': 1 } : {}) },
    pendingAtHorizon: 2,
    uniqueUsersReached: Math.round(total('delivered') * 0.9),
    read: total('read'),
    replies: total('replies'),
    inbound: total('inbound'),
    blocks: total('blocks'),
    blocksByReason: { spam: total('blocks') },
    reports: 0,
    stops: 1,
    held: total('held'),
    released: 0,
    dropped: total('dropped'),
    finalTier: 'TIER_2K',
    peakTier: 'TIER_2K',
    daysToTier: { TIER_250: 0, TIER_2K: 1.7 + seed / 10 },
    enforcements,
    restricted: enforcements.some((e) => e.kind !== 'policy-warning') ? 1 : 0,
    banned: enforcements.some((e) => e.kind === 'account-disabled') ? 1 : 0,
    perThousandDelivered: { blocks: perThousand(total('blocks')), reports: 0, restrictions: perThousand(enforcements.filter((e) => e.kind !== 'policy-warning').length) },
    numbers: { n1: numberSummary(series['trust.n1'] ?? [], acts), n2: numberSummary([], acts) },
  } satisfies Partial<RunSummary>;
  return { variant, strategy, seed, summary: summary as unknown as RunSummary, series, events: 1000 };
}

/**
 * Synthetic results: variants × strategies × seeds runs with hourly series, aggregates computed
 * by the real `aggregate`.
 */
export function syntheticResults(opts: FixtureOptions = {}): Results {
  const variants = opts.variants ?? ['clean list', 'cold list'];
  const strategies = opts.strategies ?? ['blast', 'warmup'];
  const seeds = opts.seeds ?? 3;
  const hours = opts.hours ?? 96;
  const runs = variants.flatMap((v) => strategies.flatMap((s) => Array.from({ length: seeds }, (_, k) => run(v, s, k + 1, hours, opts.without ?? [], opts.trustActs ?? v === 'cold list'))));
  return {
    wabasim: '0.0.0-test',
    scenario: { name: 'synthetic <test>', question: 'Does the report escape <b>this</b> & show the question?', description: 'A synthetic scenario for report tests.', horizonDays: hours / 24, seeds, seed: 1 },
    variants: variants.map((name) => ({ name, policy: 'meta-2025-10', parameters: PARAMS })),
    runs,
    aggregates: aggregate(runs),
  };
}
