/**
 * A run's summary, from its final state (PRODUCT.md "Outputs"): the metrics results.json keeps per
 * run, and the hourly series. A pure read of the world and the collector; nothing is written.
 */
import { DAY, HOUR } from '../engine/index.js';
import { total, type Collector } from '../metrics/collector.js';
import type { RunContext } from './context.js';
import { ENFORCEMENT_KINDS, ENFORCEMENT_PATHS, PERMANENT_KINDS, RESTRICTING_KINDS, type PacingVerdicts, type RateCardInfo, type World } from './state/index.js';

/** Summary metrics of one run. Counts unless named otherwise. */
export interface RunSummary {
  readonly attempted: number;
  readonly accepted: number;
  readonly delivered: number;
  /** Failed, by error code ('limit_reached' for the messaging limit). */
  readonly failedByCode: Readonly<Record<string, number>>;
  readonly failed: number;
  /** Accepted but neither delivered nor failed at the horizon. */
  readonly pendingAtHorizon: number;
  readonly uniqueUsersReached: number;
  readonly read: number;
  readonly replies: number;
  readonly inbound: number;
  readonly blocks: number;
  readonly blocksByReason: Readonly<Record<string, number>>;
  readonly reports: number;
  readonly stops: number;
  readonly webhooks: number;
  /** Sends to a user within the retry window of a 131049 (aggressive behaviour). */
  readonly aggressiveRetries: number;
  /** Graph API requests made by the strategy (polling). */
  readonly graphRequests: number;
  /** Pacing: messages held, released after assessment, dropped with 132015. */
  readonly held: number;
  readonly released: number;
  readonly dropped: number;
  /** Pacing assessments by outcome, over all templates. */
  readonly pacingVerdicts: Readonly<PacingVerdicts>;
  readonly templatePauses: number;
  readonly templatesDisabled: number;
  /** Per template: held, released, dropped, pause durations (h), final status and quality. */
  readonly templates: Readonly<Record<string, { held: number; released: number; dropped: number; pausedHours: number[]; verdicts: PacingVerdicts; finalStatus: string; finalQuality: string }>>;
  readonly finalTier: string;
  readonly peakTier: string;
  /** Days from the start until each tier was first reached (tiers never reached are absent). */
  readonly daysToTier: Readonly<Record<string, number>>;
  readonly peakUniqueInWindow: number;
  /** Hours each number spent at each quality rating (number id → rating → hours). */
  readonly qualityHours: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Hours at each rating summed over numbers. */
  readonly qualityHoursTotal: Readonly<Record<string, number>>;
  /** Highest 30-day unanswered counter of any number. */
  readonly unansweredPeak: number;
  readonly trustScorePeak: number;
  /** Hours under each kind of enforcement, summed over numbers, to the horizon. */
  readonly restrictionHours: Readonly<Record<string, number>>;
  /** Worst ban that happened: none, soft (a restriction with an end) or permanent (banned or disabled). */
  readonly ban: 'none' | 'soft' | 'permanent';
  /** 1 when any number was restricted (a soft or permanent ban, an account restriction, a policy block or a disabled account), else 0: its mean across seeds is the share of runs. */
  readonly restricted: number;
  /** 1 when any number was permanently banned or disabled, else 0. */
  readonly banned: number;
  /** Risk figures per 1,000 delivered messages, so a strategy that delivers little does not look safe (0 when nothing was delivered). */
  readonly perThousandDelivered: { readonly blocks: number; readonly reports: number; readonly restrictions: number };
  /** Per number: its channel, whether the community trust score may restrict it (MODEL.md §6b) or is only a risk indicator, its peak, and the hours it stood at or above the restriction score. */
  readonly numbers: Readonly<Record<string, NumberSummary>>;
  /** Every enforcement with its reason, the path that acted (and how that path is known) and, for trust restrictions, the layers that drove it. */
  readonly enforcements: readonly EnforcementSummary[];
  /** What Meta charged for delivered templates (Meta "Pricing"; src/model/pricing.ts), in `rateCard.currency`. */
  readonly cost: number;
  /** The cost by template category. */
  readonly costByCategory: { readonly marketing: number; readonly utility: number; readonly authentication: number };
  /** cost / delivered (every delivered message, free-form included); null when nothing was delivered. */
  readonly costPerDelivered: number | null;
  /** cost / uniqueUsersReached; null when nobody was reached. */
  readonly costPerReachedUser: number | null;
  /** cost / replies; null when nobody replied. */
  readonly costPerReply: number | null;
  /** The rate card the cost was charged on: currency, effective date, source. */
  readonly rateCard: RateCardInfo;
}

/** One enforcement action on one number, as results.json records it. */
export interface EnforcementSummary {
  readonly number: string;
  readonly kind: string;
  readonly reason: string;
  /** Which enforcement path acted (model/restrictions.ts ENFORCEMENT_PATHS): e.g. 'policy-enforcement' (Meta's documented ladder) or 'trust-score' (seed 003, a community estimate). */
  readonly path: string;
  /** How that path is known: documented, reported or estimate. */
  readonly label: string;
  readonly startDay: number;
  readonly endDay: number | null;
  readonly appealed: boolean;
  readonly layers?: Readonly<Record<string, number>>;
}

/** One phone number's channel and trust-score standing in one run. */
export interface NumberSummary {
  readonly channel: string;
  /** Whether the seed-003 trust score restricts this number (true) or is only reported as a risk indicator (false). */
  readonly trustScoreActs: boolean;
  readonly trustScorePeak: number;
  /** Hours the trust score stood at or above the restriction score (a restriction where it acts, a risk signal where it does not). */
  readonly hoursOverRestrictScore: number;
}

/** The run's summary metrics at the horizon. */
export function summarize(ctx: RunContext): RunSummary {
  return summarizeWorld(ctx.world, ctx.metrics, ctx.inFlight);
}

/** The hourly series of the run: the collector's, then each number's, by key. */
export function runSeries(m: Collector): Record<string, number[]> {
  return {
    ...Object.fromEntries(Object.entries(m.series).map(([k, v]) => [k, Array.from(v)])),
    ...Object.fromEntries([...m.numberSeries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, v]) => [key, Array.from(v)])),
  };
}

function summarizeWorld(world: World, m: Collector, inFlight: number): RunSummary {
  const sorted = (map: Map<string, number>): Record<string, number> =>
    Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const reached = sumOf(world.audience.reached);
  const tiers = world.portfolio.tiers;
  const failed = sumOf([...m.failedByCode.values()]);
  const delivered = total(m, 'delivered');
  const reports = total(m, 'reports');
  const blocks = sumOf([...m.blocksByReason.values()]);
  const restricted = world.enforcements.some((e) => RESTRICTING_KINDS.has(e.kind));
  const banned = world.enforcements.some((e) => PERMANENT_KINDS.has(e.kind));
  return {
    attempted: total(m, 'attempted'),
    accepted: total(m, 'accepted'),
    delivered,
    failed,
    failedByCode: sorted(m.failedByCode),
    pendingAtHorizon: inFlight,
    uniqueUsersReached: reached,
    read: total(m, 'read'),
    replies: total(m, 'replies'),
    inbound: total(m, 'inbound'),
    blocks,
    blocksByReason: sorted(m.blocksByReason),
    reports,
    stops: total(m, 'stops'),
    webhooks: m.webhooks,
    aggressiveRetries: m.aggressiveRetries,
    graphRequests: m.graphRequests,
    held: sumOf(world.templates.map((t) => t.stats.held)),
    released: sumOf(world.templates.map((t) => t.stats.released)),
    dropped: sumOf(world.templates.map((t) => t.stats.dropped)),
    pacingVerdicts: {
      released: sumOf(world.templates.map((t) => t.stats.verdicts.released)),
      paused: sumOf(world.templates.map((t) => t.stats.verdicts.paused)),
      noFeedback: sumOf(world.templates.map((t) => t.stats.verdicts.noFeedback)),
    },
    templatePauses: sumOf(world.templates.map((t) => t.pausedHours.length)),
    templatesDisabled: world.templates.filter((t) => t.status === 'DISABLED').length,
    templates: Object.fromEntries(world.templates.map((t) => [t.id, { held: t.stats.held, released: t.stats.released, dropped: t.stats.dropped, pausedHours: [...t.pausedHours], verdicts: { ...t.stats.verdicts }, finalStatus: t.status, finalQuality: t.quality }])),
    finalTier: tiers[Math.min(...world.pools.map((p) => p.tierIndex))].name,
    peakTier: tiers[Math.max(...world.pools.map((p) => p.peakTierIndex))].name,
    daysToTier: Object.fromEntries(
      tiers.flatMap((t, i) => {
        const at = Math.min(...world.pools.map((p) => (p.reachedAt[i] < 0 ? Infinity : p.reachedAt[i])));
        return Number.isFinite(at) ? [[t.name, at / DAY]] : [];
      }),
    ),
    peakUniqueInWindow: Math.max(0, ...m.series.uniqueInWindow),
    qualityHours: Object.fromEntries(world.numbers.map((n) => [n.id, m.qualityHours.get(n.id) ?? {}])),
    qualityHoursTotal: sumRecords([...m.qualityHours.values()]),
    unansweredPeak: Math.max(0, ...world.numbers.map((n) => n.trust.unanswered.peak)),
    trustScorePeak: Math.max(0, ...world.numbers.map((n) => n.trust.peak)),
    restrictionHours: Object.fromEntries(
      ENFORCEMENT_KINDS.map((kind) => [kind, world.enforcements.filter((e) => e.kind === kind).reduce((h, e) => h + (Math.min(e.end, world.horizon) - e.start) / HOUR, 0)]),
    ),
    ban: banned ? 'permanent' : restricted ? 'soft' : 'none',
    restricted: restricted ? 1 : 0,
    banned: banned ? 1 : 0,
    perThousandDelivered: {
      blocks: perThousand(blocks, delivered),
      reports: perThousand(reports, delivered),
      restrictions: perThousand(world.enforcements.filter((e) => RESTRICTING_KINDS.has(e.kind)).length, delivered),
    },
    numbers: Object.fromEntries(world.numbers.map((n) => [n.id, { channel: n.channel, trustScoreActs: n.trust.acts, trustScorePeak: n.trust.peak, hoursOverRestrictScore: n.trust.hoursOverRestrictScore }])),
    enforcements: world.enforcements.map((e) => ({
      number: world.numbers[e.number].id,
      kind: e.kind,
      reason: e.reason,
      path: e.path,
      label: ENFORCEMENT_PATHS[e.path].label,
      startDay: e.start / DAY,
      endDay: Number.isFinite(e.end) ? Math.min(e.end, world.horizon) / DAY : null,
      appealed: e.appealed,
      ...(e.layers ? { layers: e.layers } : {}),
    })),
    ...costOf(world, delivered, reached, total(m, 'replies')),
  };
}

/** The run's cost and the cost per delivered message, reached user and reply (null where the denominator is 0: no figure rather than a cost of 0). */
function costOf(world: World, delivered: number, reached: number, replies: number): Pick<RunSummary, 'cost' | 'costByCategory' | 'costPerDelivered' | 'costPerReachedUser' | 'costPerReply' | 'rateCard'> {
  const c = world.pricing.cost;
  const cost = c[0] + c[1] + c[2];
  const per = (d: number): number | null => (d > 0 ? cost / d : null);
  return {
    cost,
    costByCategory: { marketing: c[0], utility: c[1], authentication: c[2] },
    costPerDelivered: per(delivered),
    costPerReachedUser: per(reached),
    costPerReply: per(replies),
    rateCard: { ...world.pricing.card },
  };
}

/**
 * The sum of `values`, left to right. An index loop in a function of its own: it also counts the
 * reached recipients, and that loop inside `summarize` made V8 compile the whole summary (about
 * 90 ms on a compiler thread, once per worker — time a parallel sweep's other worker needs).
 */
function sumOf(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** `count` per 1,000 of `delivered`, 0 when nothing was delivered. */
function perThousand(count: number, delivered: number): number {
  return delivered > 0 ? (count * 1000) / delivered : 0;
}

function sumRecords(records: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
  return out;
}
