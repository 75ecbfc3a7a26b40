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

/** The ways a phone number connects (MODEL.md Entities, §6b): the Cloud API, the Business app with the Cloud API (coexistence), or an unofficial WhatsApp Web-session integration. */
export const CHANNELS = ['cloud-api', 'coexistence', 'web-session'] as const;
export type Channel = (typeof CHANNELS)[number];

/** The largest `marketingCap.perBusinessPerDay` a profile or override may set: the model remembers this many deliveries per user. */
export const MAX_PER_BUSINESS_PER_DAY = 4;

/** Block reasons users pick when blocking a business (MODEL.md §2). */
export const BLOCK_REASONS = ['spam', 'didnt_sign_up', 'no_longer_needed', 'offensive', 'other'] as const;
export type BlockReason = (typeof BLOCK_REASONS)[number];

/** The parameter definitions every profile provides, grouped by MODEL.md mechanism. */
export interface PolicyDefs {
  /** Which channels each enforcement path acts on (MODEL.md §6b): a rule acts only where its source says it does. */
  readonly appliesTo: {
    /** Seed 003's trust score restricts numbers on these channels; elsewhere it is computed and reported as a risk indicator. */
    readonly trustScore: ParamDef<readonly Channel[]>;
    /** Seed 003's registration layer (IP country, VoIP, shared IP) counts on these channels. */
    readonly registrationLayer: ParamDef<readonly Channel[]>;
    /** Seed 003's velocity rule (messages per hour) applies at any age on these channels. */
    readonly velocity: ParamDef<readonly Channel[]>;
    /** Young-number velocity and volume rules apply on these channels (and on any number of a portfolio that is itself new). */
    readonly youngNumberRules: ParamDef<readonly Channel[]>;
    /** Meta's policy-enforcement ladder acts on these channels. */
    readonly policyEnforcement: ParamDef<readonly Channel[]>;
  };
  /** Meta's documented enforcement ladder for policy violations (MODEL.md §6b); what counts as a violation from user feedback is not published. */
  readonly policyEnforcement: {
    /** Evidence window: blocks and reports per business-initiated delivery over this many days. */
    readonly windowDays: ParamDef<number>;
    /** Business-initiated deliveries in the window (since the last violation) before feedback is judged. */
    readonly minDelivered: ParamDef<number>;
    /** Blocks per delivered business-initiated message at which feedback is a violation. */
    readonly blockRate: ParamDef<number>;
    /** Spam reports per delivered business-initiated message at which feedback is a violation. */
    readonly reportRate: ParamDef<number>;
    /** Violations are remembered this long; older ones no longer escalate. */
    readonly memoryDays: ParamDef<number>;
    /** 2nd and 3rd violation: days of block on business-initiated messages. */
    readonly firstBlockDays: ParamDef<number>;
    readonly secondBlockDays: ParamDef<number>;
    /** 4th and 5th violation: days of block on business-initiated messages and on replies to users. */
    readonly thirdBlockDays: ParamDef<number>;
    readonly fourthBlockDays: ParamDef<number>;
    /** The violation that disables the account. */
    readonly disableAtViolation: ParamDef<number>;
  };
  readonly limits: {
    /** Where the limit lives: the portfolio (2025-10 rules) or each number (legacy). */
    readonly scope: ParamDef<string>;
    readonly windowHours: ParamDef<number>;
    readonly tiers: ParamDef<readonly TierDef[]>;
    readonly startTier: ParamDef<string>;
    /** Lowest tier reached by automatic scaling; below it only the scaling paths apply. */
    readonly firstAutomaticTier: ParamDef<string>;
    /** 'half-in-7-days' (Meta) or 'double-in-7-days' (seed 004). */
    readonly upgradeRule: ParamDef<string>;
    readonly upgradeLookbackDays: ParamDef<number>;
    /** Fraction of the current limit in unique users over the lookback that qualifies (half rule). */
    readonly upgradeUtilisation: ParamDef<number>;
    /** Multiple of the current limit that qualifies under the double rule. */
    readonly doubleRuleUtilisation: ParamDef<number>;
    readonly upgradeDelayHours: ParamDef<number>;
    /** Under double-in-7-days: minimum time at a tier before the next upgrade. */
    readonly doubleRuleMinHoursAtTier: ParamDef<number>;
    /** Worst number quality that still allows scaling: GREEN (2025-10) or YELLOW (legacy). */
    readonly upgradeMinQuality: ParamDef<string>;
    /** Scaling path to the first automatic tier: unique users delivered in a moving window. */
    readonly scalingPathUniqueUsers: ParamDef<number>;
    readonly scalingPathWindowDays: ParamDef<number>;
    /** Meta's quality analysis after a scaling path is met (or after verification). */
    readonly scalingPathReviewHours: ParamDef<number>;
    /** Whether a verified portfolio qualifies for the first automatic tier. */
    readonly verificationScales: ParamDef<boolean>;
    /** Legacy: a number FLAGGED (quality RED) this long without recovery drops one tier. */
    readonly flaggedDowngradeDays: ParamDef<number>;
    /** Legacy FLAGGED state on low quality (true) or none (2025-10). */
    readonly flagOnLowQuality: ParamDef<boolean>;
    /** Tier a verified portfolio starts at ('' = the normal start); the forecast's 100K baseline. */
    readonly verifiedStartTier: ParamDef<string>;
  };
  readonly quality: {
    readonly lookbackDays: ParamDef<number>;
    readonly halfLifeHours: ParamDef<number>;
    /** Delivered template messages in the lookback before a rating leaves UNKNOWN. */
    readonly minDelivered: ParamDef<number>;
    readonly blockWeightSpam: ParamDef<number>;
    readonly blockWeightDidntSignUp: ParamDef<number>;
    readonly blockWeightNoLongerNeeded: ParamDef<number>;
    readonly blockWeightOffensive: ParamDef<number>;
    readonly blockWeightOther: ParamDef<number>;
    readonly reportWeight: ParamDef<number>;
    readonly replyCredit: ParamDef<number>;
    readonly readCredit: ParamDef<number>;
    /** Weighted negative-feedback rate above which the rating is YELLOW. */
    readonly yellowThreshold: ParamDef<number>;
    /** … and above which it is RED. */
    readonly redThreshold: ParamDef<number>;
    /** A rating improves only once the rate is below threshold × (1 − hysteresis). */
    readonly hysteresis: ParamDef<number>;
    /** Days without a delivered template after which a YELLOW or RED number is GREEN again. */
    readonly recoveryDays: ParamDef<number>;
  };
  readonly recipients: {
    /** Block-probability multipliers by opt-in kind and consent scope (seed 000: "opt-in for shipping updates used for marketing"). */
    readonly impliedOptInBlockMultiplier: ParamDef<number>;
    readonly noOptInBlockMultiplier: ParamDef<number>;
    readonly outOfScopeBlockMultiplier: ParamDef<number>;
    /** Block-probability multipliers for personalised templates and a clearly branded first sentence. */
    readonly personalizedBlockMultiplier: ParamDef<number>;
    readonly brandedBlockMultiplier: ParamDef<number>;
    /** Extra block multiplier at brand recognition 0 (none at recognition 1). */
    readonly unknownBrandBlockMultiplier: ParamDef<number>;
    readonly afterStopBlockMultiplier: ParamDef<number>;
    /** Half-life of the per-user message count that drives fatigue. */
    readonly fatigueHalfLifeHours: ParamDef<number>;
  };
  readonly templates: {
    /** Template quality from the feedback on its own messages (MODEL.md §3). */
    readonly minDelivered: ParamDef<number>;
    readonly mediumThreshold: ParamDef<number>;
    readonly lowThreshold: ParamDef<number>;
    /** Pause durations: 1st and 2nd time; the 3rd time disables (count below). */
    readonly firstPauseHours: ParamDef<number>;
    readonly secondPauseHours: ParamDef<number>;
    readonly disableAfterPauses: ParamDef<number>;
  };
  readonly pacing: {
    /** Messages of a paced template that go out before holding starts (Meta: unspecified). */
    readonly threshold: ParamDef<number>;
    /** Feedback window after holding starts. */
    readonly windowMinutes: ParamDef<number>;
    /** Negative-feedback rate (blocks + reports per delivered in the batch) that fails the assessment. */
    readonly failRate: ParamDef<number>;
    /** Fewer feedback signals than this by the end of the window → released anyway. */
    readonly minSignals: ParamDef<number>;
    /** Held messages are released evenly over this many minutes. */
    readonly releaseMinutes: ParamDef<number>;
    readonly releaseBatches: ParamDef<number>;
    /** Days after a utility template was paused during which utility templates are paced too. */
    readonly utilityAfterPauseDays: ParamDef<number>;
    /** Business-portfolio pacing (2026): all templates paced while a number is RED or the portfolio is below its first automatic tier. */
    readonly portfolioPacing: ParamDef<boolean>;
  };
  readonly throughput: {
    readonly defaultMps: ParamDef<number>;
    readonly coexistenceMps: ParamDef<number>;
    readonly upgradedMps: ParamDef<number>;
    /** Unique users a number must reach outside service windows in 24 h (at an unlimited tier) for the upgrade. */
    readonly upgradeUniqueUsers: ParamDef<number>;
    readonly upgradeDelayHours: ParamDef<number>;
    /** During the upgrade sends fail with 131057 for this long. */
    readonly upgradeSeconds: ParamDef<number>;
  };
  readonly pairRate: {
    /** Sustained: one message per this many seconds from one number to one user. */
    readonly intervalSeconds: ParamDef<number>;
    /** Messages allowed in a burst (borrowed from future quota). */
    readonly burst: ParamDef<number>;
  };
  readonly marketingCap: {
    /** The caps' period (reported: per 24 h). */
    readonly windowHours: ParamDef<number>;
    /** Marketing messages per user per 24 h from one business without a reply. */
    readonly perBusinessPerDay: ParamDef<number>;
    /** Marketing messages per user per 24 h from all businesses. */
    readonly allBusinessesPerDay: ParamDef<number>;
    /** A 131049 retried to the same user within this many hours counts as an aggressive retry. */
    readonly retryWindowHours: ParamDef<number>;
    /** After a 131049 the user stays saturated this long: marketing sends fail again without a fresh draw. */
    readonly saturationHours: ParamDef<number>;
  };
  readonly graphApi: {
    readonly requestsPerHourNoNumber: ParamDef<number>;
    readonly requestsPerHour: ParamDef<number>;
    readonly overloadProbability: ParamDef<number>;
  };
  readonly coexistence: {
    /** The app must be opened at least this often, or the API connection is severed. */
    readonly appOpenIntervalDays: ParamDef<number>;
    /** Re-onboarding after the app is opened again on a disconnected number. */
    readonly reconnectHours: ParamDef<number>;
    /** Business-initiated sends per hour above which a coexistence number shows broadcast behaviour. */
    readonly broadcastPerHour: ParamDef<number>;
    /** Chance a send over that volume fails with 131056. */
    readonly broadcast131056Probability: ParamDef<number>;
  };
  readonly unanswered: {
    readonly replyWindowHours: ParamDef<number>;
    readonly keepDays: ParamDef<number>;
    /** Unanswered share of the judged business-initiated messages (30 days) at or below which the counter weighs nothing. */
    readonly safeShare: ParamDef<number>;
    /** … and at or above which its weight is full (linear between). */
    readonly dangerShare: ParamDef<number>;
    /** Judged business-initiated messages on the counter before the share counts. */
    readonly minJudged: ParamDef<number>;
    readonly weight: ParamDef<number>;
  };
  readonly trust: {
    readonly ipMismatchWeight: ParamDef<number>;
    readonly voipWeight: ParamDef<number>;
    readonly sharedIpWeight: ParamDef<number>;
    readonly replyRatioSafe: ParamDef<number>;
    readonly replyRatioDanger: ParamDef<number>;
    readonly replyRatioWeight: ParamDef<number>;
    readonly replyRatioMinSends: ParamDef<number>;
    /** The behavioural window of the reply ratio, velocity, blocks and content (days). */
    readonly windowDays: ParamDef<number>;
    /** Replies lag deliveries: the ratio is judged against deliveries at least this old. */
    readonly replyLagHours: ParamDef<number>;
    /** A rule's warning zone (between safe and danger) weighs this fraction of its weight. */
    readonly warningZoneFraction: ParamDef<number>;
    readonly velocitySafePerHour: ParamDef<number>;
    readonly velocityDangerPerHour: ParamDef<number>;
    readonly velocityWeight: ParamDef<number>;
    readonly youngNumberDays: ParamDef<number>;
    readonly firstDaysVolumeSafe: ParamDef<number>;
    readonly firstDays: ParamDef<number>;
    readonly earlyWeeksVolumeRisk: ParamDef<number>;
    readonly earlyWeeksDays: ParamDef<number>;
    readonly volumeWeight: ParamDef<number>;
    readonly sendingWindowHours: ParamDef<number>;
    readonly aroundTheClockWeight: ParamDef<number>;
    readonly mechanicalCv: ParamDef<number>;
    readonly mechanicalWeight: ParamDef<number>;
    /** Send intervals in an hour before their regularity is judged. */
    readonly mechanicalMinIntervals: ParamDef<number>;
    /** Sends in a day before "around the clock" is judged. */
    readonly aroundTheClockMinSends: ParamDef<number>;
    readonly retryLoopWeight: ParamDef<number>;
    /** 131049 retries in a day at which the retry-loop weight is full. */
    readonly retryLoopFullPerDay: ParamDef<number>;
    readonly hammeringPerHour: ParamDef<number>;
    readonly hammeringWeight: ParamDef<number>;
    readonly identicalPerHour: ParamDef<number>;
    readonly identicalWeight: ParamDef<number>;
    readonly personalizationFactor: ParamDef<number>;
    readonly sameLinkWeight: ParamDef<number>;
    readonly sameMediaWeight: ParamDef<number>;
    /** Blocks per 1,000 delivered (7 days) that the block layer treats as safe: it scores only the excess. */
    readonly blockSafePerThousand: ParamDef<number>;
    readonly blockRatePerThousandWeight: ParamDef<number>;
    /** Score at which an account is restricted, if enough layers contribute. */
    readonly restrictScore: ParamDef<number>;
    readonly restrictMinLayers: ParamDef<number>;
    readonly layerMinContribution: ParamDef<number>;
    /** Score (or soft bans within 30 days) that makes a ban permanent. */
    readonly banScore: ParamDef<number>;
    readonly softBansBeforePermanent: ParamDef<number>;
    /** Soft bans are counted toward a permanent ban over this many days. */
    readonly softBanMemoryDays: ParamDef<number>;
    /** Consecutive days RED before the block cascade escalates to an account restriction. */
    readonly redDaysToRestrict: ParamDef<number>;
  };
  readonly restrictions: {
    readonly softBanMinHours: ParamDef<number>;
    readonly softBanMaxHours: ParamDef<number>;
    readonly appealMinHours: ParamDef<number>;
    readonly appealMaxHours: ParamDef<number>;
    readonly appealRestrictedSuccess: ParamDef<number>;
    readonly appealPermanentSuccess: ParamDef<number>;
    readonly reviewHours: ParamDef<number>;
    readonly aiTemplateBlockHours: ParamDef<number>;
    readonly aiEscalationDays: ParamDef<number>;
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
