/**
 * The world state of one run, split into slices each mechanism owns. Built from a validated
 * scenario variant and a resolved policy; recipients live in typed arrays (MODEL.md §8).
 */
import type { Rng } from '../../engine/index.js';
import type { Channel, Policy, TierDef } from '../../policy/index.js';
import type { ScenarioCampaign, ScenarioTemplate } from '../../scenario/index.js';
import type { QualityRating } from '../observable.js';
import type { UniqueCounter } from '../unique-counter.js';
import type { Audience } from './audience.js';
import type { Enforcement, EnforcementState, ViolationState } from './enforcement.js';
import type { GraphBudget } from './graph-api.js';
import type { LimitPool } from './limits.js';
import type { PacingState } from './pacing.js';
import type { PricingState } from './pricing.js';
import type { QualityState } from './quality.js';
import type { ThroughputState } from './throughput.js';
import type { TrustState } from './trust.js';

/** App-open habit: every `everyDays` ± `jitterHours`, or never. */
export type AppOpenHabit = 'never' | { readonly everyDays: number; readonly jitterHours: number };


export interface NumberState {
  readonly index: number;
  readonly id: string;
  /** Synthetic Graph API ids for webhook payloads. */
  readonly phoneNumberId: string;
  readonly displayPhoneNumber: string;
  readonly channel: Channel;
  /** The pool whose limit this number draws on (shared in portfolio scope). */
  readonly pool: LimitPool;
  /** Per recipient: time until which the customer-service window with this number is open (ms). */
  readonly windowUntil: Float64Array;
  /** Per recipient: 1 if the recipient blocked this number. */
  readonly blocked: Uint8Array;
  /** Quality rating as Meta reports it (MODEL.md §2); owned by quality.ts. */
  quality: QualityRating;
  readonly feedback: QualityState;
  /** Legacy: time the number was FLAGGED (ms), or -1. */
  flaggedSince: number;
  /** Coexistence: last time the WhatsApp Business app was opened on the phone (ms). */
  lastAppOpen: number;
  /** Unique users this number reached outside service windows in 24 h (throughput upgrade). */
  readonly window: UniqueCounter;
  /** Throughput state; owned by throughput.ts. */
  readonly throughput: ThroughputState;
  /** Pair-rate theoretical arrival times per recipient (GCRA), allocated on first use; owned by pair-rate.ts. */
  pairTat: Float64Array | null;
  /** Days since registration at the start of the run. */
  readonly ageDays: number;
  /** Coexistence app-open habit. */
  readonly appOpen: AppOpenHabit;
  /** Open enforcement actions; owned by restrictions.ts. */
  readonly enforcement: EnforcementState;
  /** The hidden trust score; owned by trust-score.ts. */
  readonly trust: TrustState;
}

export interface TemplateState {
  readonly index: number;
  readonly id: string;
  readonly category: ScenarioTemplate['category'];
  readonly personalized: boolean;
  readonly branded: boolean;
  readonly sameLink: boolean;
  readonly sameMedia: boolean;
  /** PENDING, HIGH, MEDIUM, LOW (MODEL.md §3); owned by templates.ts. */
  quality: TemplateQuality;
  /** ACTIVE, PAUSED or DISABLED; owned by templates.ts. */
  status: 'ACTIVE' | 'PAUSED' | 'DISABLED';
  /** Times paused so far. */
  pauses: number;
  /** Feedback on this template's messages (same buckets as a number's). */
  readonly feedback: QualityState;
  /** Pacing state; owned by template-pacing.ts. */
  readonly pacing: PacingState;
  /** Counters for results. */
  /** Length of each pause so far (hours); written by templates.ts. */
  readonly pausedHours: number[];
  /** How the template's pacing went: messages held, released, dropped, and the verdicts; written by template-pacing.ts. */
  readonly stats: PacingStats;
}

export type TemplateQuality = 'PENDING' | 'HIGH' | 'MEDIUM' | 'LOW';

/** How the pacing assessments of a template ended: held messages released, template paused (held dropped), or released for lack of feedback. */
export interface PacingVerdicts {
  released: number;
  paused: number;
  noFeedback: number;
}

/** A template's pacing counters, for results. */
export interface PacingStats {
  held: number;
  released: number;
  dropped: number;
  verdicts: PacingVerdicts;
}

export interface CampaignState {
  readonly index: number;
  readonly spec: ScenarioCampaign;
  readonly template: TemplateState;
  readonly number: NumberState;
  /** First recipient index and count (segments occupy contiguous index ranges). */
  readonly first: number;
  readonly count: number;
  readonly startAt: number;
  /** Numbers the campaign may send from (`numbers`, else `number`, else the first number); `number` is the first of them. */
  readonly numbers: readonly NumberState[];
  /** The scenario campaign's id, and this occurrence's number (1-based; 1 for a one-off campaign). */
  readonly series: string;
  readonly occurrence: number;
  /** The id strategies see: the series id, or "ID#k" for occurrence k of a recurring campaign. */
  readonly id: string;
  /** Local sending window (the campaign's, else its segment's), in recipients' local hours. */
  readonly localWindow: { readonly from: number; readonly to: number } | undefined;
}

export interface PortfolioState {
  readonly verified: boolean;
  readonly tiers: readonly TierDef[];
  /** Index in `tiers` of the first tier reached by automatic scaling (policy.limits.firstAutomaticTier), -1 if absent. */
  readonly firstAutomaticTier: number;
  readonly wabaId: string;
  /** Utility templates are paced until this time after a utility template was paused (ms). */
  utilityPacedUntil: number;
  /** Graph API app-level budget state; owned by graph-api.ts. */
  readonly graph: GraphBudget;
  /** The account's standing on Meta's policy-enforcement ladder; owned by policy-enforcement.ts. */
  readonly violations: ViolationState;
}

/** Everything one run simulates. Mechanisms mutate only their own slice. */
export interface World {
  readonly policy: Policy;
  readonly horizon: number;
  /** Unix time (ms) of simulated time 0, for webhook timestamps. */
  readonly epoch: number;
  readonly portfolio: PortfolioState;
  readonly numbers: readonly NumberState[];
  readonly numberById: ReadonlyMap<string, NumberState>;
  readonly templates: readonly TemplateState[];
  readonly templateById: ReadonlyMap<string, TemplateState>;
  readonly campaigns: readonly CampaignState[];
  readonly audience: Audience;
  readonly pools: readonly LimitPool[];
  /** Block-probability multiplier per (segment, template): index segment × templates + template. */
  readonly blockFactors: Float64Array;
  /** Every enforcement action so far (restrictions.ts). */
  readonly enforcements: Enforcement[];
  readonly autoAppeal: boolean;
  /** Kinds of the scenario's metadata changes, by index. */
  readonly metadataChanges: readonly string[];
  /** AI policy warning: no new templates until this time (ms). */
  templateCreationBlockedUntil: number;
  /** The rate card and the cost charged so far; owned by pricing.ts. */
  readonly pricing: PricingState;
}

/** Named random streams of a run. */
export type StreamFor = (name: string) => Rng;
