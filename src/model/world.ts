/**
 * The world state of one run, split into slices each mechanism owns. Built from a validated
 * scenario variant and a resolved policy; recipients live in typed arrays (MODEL.md §8).
 */
import type { Rng } from '../engine/index.js';
import type { Policy, TierDef } from '../policy/index.js';
import type { ScenarioCampaign, ScenarioNumber, ScenarioTemplate } from '../scenario/index.js';
import type { Audience } from './recipients.js';
import type { LimitPool } from './tiers.js';
import type { QualityRating } from './observable.js';

export interface NumberState {
  readonly index: number;
  readonly id: string;
  readonly channel: 'cloud-api' | 'coexistence';
  /** The pool whose limit this number draws on (shared in portfolio scope). */
  readonly pool: LimitPool;
  /** Per recipient: time until which the customer-service window with this number is open (ms). */
  readonly windowUntil: Float64Array;
  /** Per recipient: 1 if the recipient blocked this number. */
  readonly blocked: Uint8Array;
  /** Quality rating as Meta reports it (MODEL.md §2). */
  quality: QualityRating;
  /** Connection status (MODEL.md §5–§7): CONNECTED, RESTRICTED, DISCONNECTED, BANNED, … */
  status: string;
  /** Coexistence: last time the WhatsApp Business app was opened on the phone (ms). */
  lastAppOpen: number;
}

export interface TemplateState {
  readonly index: number;
  readonly id: string;
  readonly category: ScenarioTemplate['category'];
  readonly personalized: boolean;
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
}

export interface PortfolioState {
  readonly verified: boolean;
  readonly tiers: readonly TierDef[];
}

/** Everything one run simulates. Mechanisms mutate only their own slice. */
export interface World {
  readonly policy: Policy;
  readonly horizon: number;
  readonly portfolio: PortfolioState;
  readonly numbers: readonly NumberState[];
  readonly numberById: ReadonlyMap<string, NumberState>;
  readonly templates: readonly TemplateState[];
  readonly templateById: ReadonlyMap<string, TemplateState>;
  readonly campaigns: readonly CampaignState[];
  readonly audience: Audience;
  readonly pools: readonly LimitPool[];
}

export type { ScenarioNumber };
/** Named random streams of a run. */
export type StreamFor = (name: string) => Rng;
