import type { PacingVerdicts } from '../model/state/index.js';
/**
 * The shape of results.json (PRODUCT.md "Outputs"): a scenario echo with the resolved policy
 * parameters, per-run summaries and hourly series, and statistics across seeds.
 */

/** Largest results file read back (`wabasim report`, `merge`); a 100,000-run sweep stays below it. */
export const MAX_RESULTS_BYTES = 512 * 1024 * 1024;

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

export interface RunResult {
  readonly variant: string;
  readonly strategy: string;
  readonly seed: number;
  readonly summary: RunSummary;
  /** Hourly series, one value per simulated hour. */
  readonly series: Readonly<Record<string, readonly number[]>>;
  /** Events dispatched by the engine (for benchmarks and sanity). */
  readonly events: number;
}

/** Spread of one metric across seeds (simple-statistics). */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
  /** 95% confidence interval of the mean (Student's t over the seeds): [low, high]. */
  readonly ci95: readonly [number, number];
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  /** For conditional metrics (days to a tier): how many runs the spread is over. */
  readonly n?: number;
}

export interface Aggregate {
  readonly variant: string;
  readonly strategy: string;
  readonly seeds: number;
  /** Every numeric summary metric (failedByCode.X and blocksByReason.X flattened with a dot). */
  readonly metrics: Readonly<Record<string, Spread>>;
}

export interface Results {
  readonly wabasim: string;
  readonly scenario: unknown;
  readonly variants: readonly { readonly name: string; readonly description?: string; readonly policy: string; readonly parameters: readonly ResolvedParam[] }[];
  readonly runs: readonly RunResult[];
  readonly aggregates: readonly Aggregate[];
  /** Present in a shard's results: which slice of the sweep it holds (`wabasim merge` joins them). */
  readonly shard?: { readonly index: number; readonly count: number; readonly planSize: number; readonly runIndices: readonly number[] };
}

/** A policy parameter as one variant resolved it, with its provenance. */
export interface ResolvedParam {
  readonly path: string;
  /** The value, or the distribution it is sampled from per run. */
  readonly value: unknown;
  readonly overridden: boolean;
  readonly unit: string;
  readonly source: string;
  readonly label: string;
}
