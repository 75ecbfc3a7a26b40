/**
 * Enforcement (MODEL.md §5–§7, §6b): the kinds of action, the paths that take them and how each
 * path is known, the record of every action, a number's open actions (written by restrictions.ts),
 * and the account's standing on Meta's policy-enforcement ladder (written by policy-enforcement.ts).
 */
import { META_POLICY_ENFORCEMENT, SEED_000, SEED_003, type Channel, type ParamLabel } from '../../policy/index.js';
import type { HourlyRing } from '../hourly-ring.js';

/** The evidence Meta's ladder judges: business-initiated deliveries, blocks and spam reports. */
export const EVIDENCE = ['delivered', 'blocks', 'reports'] as const;
export type Evidence = (typeof EVIDENCE)[number];

export const ENFORCEMENT_KINDS = ['soft-ban', 'permanent-ban', 'account-restriction', 'review', 'disconnect', 'policy-warning', 'policy-restriction', 'policy-restriction-all', 'account-disabled'] as const;

export type EnforcementKind = (typeof ENFORCEMENT_KINDS)[number];

/** Kinds that restrict the number's messaging (a warning, a review or a disconnection does not count). */
export const RESTRICTING_KINDS: ReadonlySet<EnforcementKind> = new Set(['soft-ban', 'permanent-ban', 'account-restriction', 'policy-restriction', 'policy-restriction-all', 'account-disabled']);

/** Kinds with no way back short of an appeal. */
export const PERMANENT_KINDS: ReadonlySet<EnforcementKind> = new Set(['permanent-ban', 'account-disabled']);

/**
 * The enforcement paths, each with how it is known (MODEL.md §6b): the report tells the documented
 * paths apart from the ones that rest on community estimates.
 */
export const ENFORCEMENT_PATHS = {
  'policy-enforcement': { label: 'documented', source: META_POLICY_ENFORCEMENT },
  'trust-score': { label: 'estimate', source: SEED_003 },
  'block-cascade': { label: 'estimate', source: SEED_003 },
  'identity-review': { label: 'reported', source: SEED_000 },
  'ai-policy': { label: 'reported', source: SEED_000 },
  coexistence: { label: 'reported', source: SEED_000 },
} as const satisfies Record<string, { label: ParamLabel; source: string }>;

export type EnforcementPath = keyof typeof ENFORCEMENT_PATHS;

/** One enforcement action on one number. `end` is Infinity while open-ended. */
export interface Enforcement {
  readonly id: number;
  readonly number: number;
  readonly kind: EnforcementKind;
  /** The path that acted (documented ladder, trust score, …). */
  readonly path: EnforcementPath;
  readonly reason: string;
  readonly start: number;
  end: number;
  /** Trust-score layers at the time (trust restrictions only). */
  readonly layers?: Readonly<Record<string, number>>;
  appealed: boolean;
}

/** Per-number enforcement state; owned by this module (and coexistence.ts for `disconnected`). */
export interface EnforcementState {
  /** Open enforcement ids by kind (at most one per kind). */
  readonly open: Map<EnforcementKind, number>;
  /** Times of soft bans (for escalation to permanent). */
  readonly softBans: number[];
  /** Time the latest enforcement on this number was lifted (-1 if none): a new one needs evidence after it. */
  liftedAt: number;
}

/** Statuses a phone number can have (MODEL.md Entities), in the order of their codes in the `status.<id>` series. */
export const NUMBER_STATUSES = ['CONNECTED', 'FLAGGED', 'RESTRICTED', 'PENDING_REVIEW', 'DISCONNECTED', 'BANNED'] as const;
export type NumberStatus = (typeof NUMBER_STATUSES)[number];

/** The portfolio's standing on the ladder; owned by this module. */
export interface ViolationState {
  /** Business-initiated deliveries, blocks and reports since the last violation, hour by hour over the window. */
  readonly ring: HourlyRing<Evidence>;
  /** Channels the ladder acts on. */
  readonly channels: ReadonlySet<Channel>;
  /** Times of the violations so far. */
  readonly times: number[];
}
