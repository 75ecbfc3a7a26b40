/**
 * Policy profiles: complete, named, versioned parameter sets. Every model number lives here as a
 * `ParamDef` with its unit, source and label (MODEL.md: "every number below is a parameter of a
 * policy profile, never a constant in code"). The model reads the resolved `Policy` values.
 */

/** How a figure is known (MODEL.md preamble); `forecast` marks announced-but-not-shipped rules. */
export const PARAM_LABELS = ['documented', 'reported', 'estimate', 'forecast'] as const;
export type ParamLabel = (typeof PARAM_LABELS)[number];

/** One parameter: its value in a profile and where that value comes from. */
export interface ParamDef<V> {
  readonly value: V;
  /** Unit of the value, e.g. 'hours', 'users', 'probability', '' for dimensionless or text. */
  readonly unit: string;
  /** Seed file name (seeds/…) or Meta URL the value comes from. */
  readonly source: string;
  readonly label: ParamLabel;
  /** For text parameters: the allowed values. */
  readonly choices?: readonly string[];
  /** For numeric parameters: inclusive bounds a value or override must respect. */
  readonly min?: number;
  readonly max?: number;
  /** One line on what the parameter governs. */
  readonly description: string;
}

/** A messaging-limit tier: Meta's name and its unique-user limit (null = unlimited). */
export interface TierDef {
  readonly name: string;
  readonly limit: number | null;
}

/** Block reasons users pick when blocking a business (MODEL.md §2). */
export const BLOCK_REASONS = ['spam', 'didnt_sign_up', 'no_longer_needed', 'offensive', 'other'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/** The parameter definitions every profile provides, grouped by MODEL.md mechanism. */
export interface PolicyDefs {
  readonly limits: {
    /** Where the limit lives: the portfolio (2025-10 rules) or each number (legacy). */
    readonly scope: ParamDef<string>;
    readonly windowHours: ParamDef<number>;
    readonly tiers: ParamDef<readonly TierDef[]>;
    readonly startTier: ParamDef<string>;
  };
  readonly serviceWindow: {
    readonly hours: ParamDef<number>;
  };
  readonly delivery: {
    /** Mean latency between an accepted send and its delivery to the handset. */
    readonly latencyMeanSeconds: ParamDef<number>;
    /** Error code returned when sending to a user who blocked the number. */
    readonly blockedRecipientCode: ParamDef<number>;
  };
}

/** Replaces every ParamDef leaf by its value type: what the model reads. */
export type Values<T> = {
  readonly [K in keyof T]: T[K] extends ParamDef<infer V> ? V : Values<T[K]>;
};

/** The resolved parameter values for one run (distributions already sampled). */
export type Policy = Values<PolicyDefs>;

/** A named, versioned profile. */
export interface PolicyProfile {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly params: PolicyDefs;
}
