/**
 * What a policy parameter is: its value in a profile, unit, bounds, label (how the figure is known)
 * and source, and the small lists parameters take values from. Imports nothing, so the profiles
 * and the types derived from them both build on it.
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
  /**
   * For numeric `estimate` and `reported` parameters: the plausible range `wabasim sensitivity`
   * varies the value over (ranges.ts). Inside [min, max] and containing `value`; low = high means
   * not varied (an identifier such as an error code).
   */
  readonly range?: ParamRange;
}

/** Where a parameter's true value plausibly lies, and who says so. */
export interface ParamRange {
  readonly low: number;
  readonly high: number;
  /** A seed file, URL or MODEL.md section giving the spread, or the assumption it rests on. */
  readonly source: string;
}

/** Labels whose numeric parameters carry a plausible range (the figures nobody documents). */
export const RANGED_LABELS: readonly ParamLabel[] = ['estimate', 'reported'];

/** A messaging-limit tier: Meta's name and its unique-user limit (null = unlimited). */
export interface TierDef {
  readonly name: string;
  readonly limit: number | null;
}

/** The ways a phone number connects (MODEL.md Entities, §6b): the Cloud API, the Business app with the Cloud API (coexistence), or an unofficial WhatsApp Web-session integration. */
export const CHANNELS = ['cloud-api', 'coexistence', 'web-session'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The largest `marketingCap.perBusinessPerDay` a profile or override may set: the model remembers this many deliveries per user. */
export const MAX_PER_BUSINESS_PER_DAY = 4;

/** Block reasons users pick when blocking a business (MODEL.md §2). */
export const BLOCK_REASONS = ['spam', 'didnt_sign_up', 'no_longer_needed', 'offensive', 'other'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

