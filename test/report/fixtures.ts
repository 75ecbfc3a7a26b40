/** Small synthetic results for report tests: every series the charts read, deterministic values. */
import { aggregate } from '../../src/run/aggregate.js';
import type { ResolvedParam, Results, RunResult, RunSummary } from '../../src/run/results.js';

export interface FixtureOptions {
  readonly variants?: readonly string[];
  readonly strategies?: readonly string[];
  readonly seeds?: number;
  readonly hours?: number;
  /** Series names to leave out of every run. */
  readonly without?: readonly string[];
}

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

function run(variant: string, strategy: string, seed: number, hours: number, without: readonly string[]): RunResult {
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
  make('read', (h) => Math.floor(rnd() * 20));
  make('replies', (h) => (rnd() < 0.3 ? 1 : 0) + (h === 10 ? 2 : 0));
  make('blocks', () => (rnd() < 0.1 ? 1 : 0));
  make('inbound', () => Math.floor(rnd() * 3));
  make('held', (h) => (h === 12 ? 50 + seed : 0));
  make('dropped', (h) => (h === 30 ? 5 + seed : 0));
  make('uniqueInWindow', (h) => Math.min(250, h * 12 + seed));
  make('messagingLimit', (h) => (h < hours - 10 ? (h < 40 ? 250 : h < 400 ? 2000 : 100_000) : -1)); // long horizons climb to 100K
  make('quality.n1', (h) => (h < 5 ? 0 : h < 50 + seed ? 1 : 2));
  make('quality.n2', () => 0);
  make('status.n1', (h) => (h > hours / 2 && h < hours / 2 + 10 ? 2 : 0));
  make('trust.n1', (h) => Math.min(3, h / 30 + rnd() * 0.2));
  make('unanswered.n1', (h) => Math.floor(h * 1.5));
  const total = (name: string): number => (series[name] ?? []).reduce((a, b) => a + b, 0);
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
    // the blast runs of the cold list are soft-banned on day 2, driven by behaviour; seed 1 a second time
    enforcements:
      variant === 'cold list' && strategy === 'blast'
        ? [
            { number: 'n1', kind: 'soft-ban', reason: 'TRUST_SCORE', path: 'trust-score', label: 'estimate', startDay: 2, endDay: 3, appealed: false, layers: { registration: 0, behaviour: 1.5, blockCascade: 0.5, content: 0 } },
            ...(seed === 1 ? [{ number: 'n1', kind: 'soft-ban', reason: 'TRUST_SCORE', path: 'trust-score', label: 'estimate', startDay: 3.5, endDay: 4, appealed: false, layers: { registration: 0, behaviour: 2.5, blockCascade: 0.5, content: 0 } }] : []),
          ]
        : [],
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
  const runs = variants.flatMap((v) => strategies.flatMap((s) => Array.from({ length: seeds }, (_, k) => run(v, s, k + 1, hours, opts.without ?? []))));
  return {
    wabasim: '0.0.0-test',
    scenario: { name: 'synthetic <test>', question: 'Does the report escape <b>this</b> & show the question?', description: 'A synthetic scenario for report tests.', horizonDays: hours / 24, seeds, seed: 1 },
    variants: variants.map((name) => ({ name, policy: 'meta-2025-10', parameters: PARAMS })),
    runs,
    aggregates: aggregate(runs),
  };
}
