/**
 * Profile `meta-2025-10` (default): Meta's documented rules from 2025-10-07 — portfolio-level
 * limits, 250 → 2K → 10K → 100K → unlimited, upgrades 6 h after meeting the criteria, no FLAGGED
 * state and no limit decrease on low quality (MODEL.md §1, §2, §8; seeds 000, 002, 003).
 */
import { choice, flag, num } from '../define.js';
import type { PolicyProfile } from '../types.js';
import { META_ERROR_CODES, META_LIMIT_CHANGES, META_MESSAGING_LIMITS, META_SERVICE_WINDOW, META_TEMPLATE_PACING, META_TEMPLATE_PAUSING, META_TEMPLATE_QUALITY, META_THROUGHPUT, META_PAIR_RATE, META_MARKETING_CAP, SEED_000, SEED_002, SEED_003, SEED_004 } from '../sources.js';

const ASSUMPTION = 'wabasim assumption (no published figure)';
const LIMITS = `${META_MESSAGING_LIMITS}; ${SEED_002}`;
const QUALITY_WEIGHTS = `${SEED_002} (blocks, reports, read/engagement weighted by recency); weights: ${ASSUMPTION}`;

export const meta202510: PolicyProfile = {
  id: 'meta-2025-10',
  version: '2025-10-07.2',
  title: "Meta's documented rules from 2025-10-07",
  description: 'Portfolio-level limits 250 → 2K → 10K → 100K → unlimited shared by all numbers; upgrades 6 h after criteria; low quality freezes scaling',
  params: {
    limits: {
      scope: choice('portfolio', ['portfolio', 'number'], 'documented', LIMITS, 'Where the messaging limit lives: the business portfolio (shared by its numbers) or each number'),
      windowHours: num(24, 'hours', 1, 720, 'documented', `${META_MESSAGING_LIMITS}; ${SEED_000}`, 'Moving window in which unique business-initiated users are counted'),
      tiers: {
        value: [
          { name: 'TIER_250', limit: 250 },
          { name: 'TIER_2K', limit: 2000 },
          { name: 'TIER_10K', limit: 10000 },
          { name: 'TIER_100K', limit: 100000 },
          { name: 'TIER_UNLIMITED', limit: null },
        ],
        unit: 'unique users per window',
        source: LIMITS,
        label: 'documented',
        description: 'The messaging-limit ladder, lowest first (null = no cap)',
      },
      startTier: choice('TIER_250', [], 'documented', META_LIMIT_CHANGES, 'Tier of a new portfolio when the scenario does not set one'),
      firstAutomaticTier: choice('TIER_2K', [], 'documented', META_LIMIT_CHANGES, 'First tier reached by automatic scaling; 250 → 2K needs a scaling path'),
      upgradeRule: choice('half-in-7-days', ['half-in-7-days', 'double-in-7-days'], 'documented', META_MESSAGING_LIMITS, 'Automatic scaling rule'),
      upgradeLookbackDays: num(7, 'days', 1, 30, 'documented', META_MESSAGING_LIMITS, 'Lookback for the utilisation criterion'),
      upgradeUtilisation: num(0.5, 'fraction of limit', 0, 10, 'documented', META_MESSAGING_LIMITS, 'Unique users over the lookback, as a fraction of the current limit, that qualifies for the next tier'),
      doubleRuleUtilisation: num(2, 'multiple of limit', 0, 10, 'reported', SEED_004, 'Under double-in-7-days: unique users over 7 days, as a multiple of the limit'),
      upgradeDelayHours: num(6, 'hours', 0, 720, 'documented', META_LIMIT_CHANGES, 'Delay between meeting the criteria and the upgrade'),
      doubleRuleMinHoursAtTier: num(48, 'hours', 0, 720, 'reported', `${SEED_004}; other BSPs (≥ 48 h at a level)`, 'Under double-in-7-days: minimum time at a tier before the next upgrade'),
      upgradeMinQuality: choice('GREEN', ['GREEN', 'YELLOW', 'RED'], 'documented', `${META_LIMIT_CHANGES}; ${SEED_000} ("poisons the well")`, 'Worst quality rating of any number that still allows scaling'),
      scalingPathUniqueUsers: num(2000, 'unique users', 0, 1e7, 'documented', META_LIMIT_CHANGES, 'Delivered unique users outside service windows (high-quality templates) that open 250 → 2K'),
      scalingPathWindowDays: num(30, 'days', 1, 366, 'documented', META_LIMIT_CHANGES, 'Moving window of the scaling path'),
      scalingPathReviewHours: num(24, 'hours', 0, 720, 'estimate', `${META_LIMIT_CHANGES} ("Meta analyses quality"); duration: ${ASSUMPTION}`, 'Review time after a scaling path (or verification) is met'),
      verificationScales: flag(true, 'documented', META_LIMIT_CHANGES, 'Business verification opens the first automatic tier'),
      flaggedDowngradeDays: num(7, 'days', 0, 90, 'documented', META_MESSAGING_LIMITS, 'Legacy only: FLAGGED this long → down one tier'),
      flagOnLowQuality: flag(false, 'documented', META_LIMIT_CHANGES, 'FLAGGED state on low quality (legacy) — none from 2025-10-07'),
    },
    quality: {
      lookbackDays: num(7, 'days', 1, 60, 'documented', `${SEED_003}; ${SEED_002}`, 'Feedback window of the quality rating'),
      halfLifeHours: num(48, 'hours', 1, 24 * 60, 'estimate', `${SEED_002} ("weighted by recency"); value: ${ASSUMPTION}`, 'Half-life of the recency weighting'),
      minDelivered: num(100, 'messages', 0, 1e7, 'estimate', ASSUMPTION, 'Delivered template messages in the window before the rating leaves UNKNOWN'),
      blockWeightSpam: num(1, 'weight', 0, 100, 'estimate', QUALITY_WEIGHTS, 'Weight of a block for spam'),
      blockWeightDidntSignUp: num(1, 'weight', 0, 100, 'estimate', QUALITY_WEIGHTS, "Weight of a block for \"didn't sign up\""),
      blockWeightNoLongerNeeded: num(0.3, 'weight', 0, 100, 'estimate', QUALITY_WEIGHTS, 'Weight of a block for "no longer needed"'),
      blockWeightOffensive: num(1.2, 'weight', 0, 100, 'estimate', QUALITY_WEIGHTS, 'Weight of a block for offensive content'),
      blockWeightOther: num(0.6, 'weight', 0, 100, 'estimate', QUALITY_WEIGHTS, 'Weight of a block for another reason'),
      reportWeight: num(3, 'weight', 0, 100, 'estimate', QUALITY_WEIGHTS, 'Weight of a spam report (severe)'),
      replyCredit: num(0.02, 'weight', 0, 10, 'estimate', QUALITY_WEIGHTS, 'Credit of a reply to a template (positive signal)'),
      readCredit: num(0.001, 'weight', 0, 10, 'estimate', QUALITY_WEIGHTS, 'Credit of a read (weak soft signal)'),
      yellowThreshold: num(0.01, 'weighted rate', 0, 1, 'estimate', `${SEED_003} (block rate under 1% safe)`, 'Weighted negative-feedback rate above which the rating is YELLOW'),
      redThreshold: num(0.02, 'weighted rate', 0, 1, 'estimate', `${SEED_003} (above 2% → Low)`, 'Weighted negative-feedback rate above which the rating is RED'),
      hysteresis: num(0.2, 'fraction', 0, 0.9, 'estimate', ASSUMPTION, 'A rating improves only below threshold × (1 − hysteresis), so it does not flap'),
    },
    recipients: {
      impliedOptInBlockMultiplier: num(1.5, 'multiplier', 0, 100, 'estimate', `${SEED_000}; ${SEED_003}`, 'Block probability × this for implied opt-in'),
      noOptInBlockMultiplier: num(4, 'multiplier', 0, 100, 'estimate', `${SEED_000}; ${SEED_003} (cold lists)`, 'Block probability × this without opt-in'),
      outOfScopeBlockMultiplier: num(3, 'multiplier', 0, 100, 'estimate', `${SEED_000} (opt-in for shipping updates used for marketing)`, 'Block probability × this when the template category is outside the consent scope'),
      personalizedBlockMultiplier: num(0.7, 'multiplier', 0, 100, 'estimate', `${SEED_000}; ${SEED_003} (personalisation reduces the signal)`, 'Block probability × this for a personalised template'),
      brandedBlockMultiplier: num(0.8, 'multiplier', 0, 100, 'estimate', `${SEED_000} (clear branding in the first sentence)`, 'Block probability × this for a template that names the brand first'),
      unknownBrandBlockMultiplier: num(2, 'multiplier', 1, 100, 'estimate', `${SEED_000}; ${ASSUMPTION}`, 'Block probability multiplier at brand recognition 0, falling linearly to 1 at recognition 1'),
      afterStopBlockMultiplier: num(10, 'multiplier', 1, 1000, 'estimate', `${SEED_003} (messaging after STOP makes the Report button "predictable")`, 'Block and report probability × this for a user messaged after sending STOP'),
      fatigueHalfLifeHours: num(72, 'hours', 1, 24 * 60, 'estimate', `${SEED_003} (frequency); value: ${ASSUMPTION}`, 'Half-life of the per-user recent-message count that drives fatigue'),
    },
    templates: {
      minDelivered: num(50, 'messages', 0, 1e7, 'estimate', `${META_TEMPLATE_QUALITY} (PENDING: not enough data); value: ${ASSUMPTION}`, 'Delivered messages of a template before its quality leaves PENDING'),
      mediumThreshold: num(0.01, 'weighted rate', 0, 1, 'estimate', `${SEED_003}; ${META_TEMPLATE_QUALITY}`, 'Negative-feedback rate above which a template is MEDIUM'),
      lowThreshold: num(0.02, 'weighted rate', 0, 1, 'estimate', `${SEED_003}; ${META_TEMPLATE_QUALITY}`, 'Negative-feedback rate above which a template is LOW (and paused)'),
      firstPauseHours: num(3, 'hours', 0, 720, 'documented', `${META_TEMPLATE_PAUSING} (durations not on every current page, BSPs)`, 'First pause of a LOW template'),
      secondPauseHours: num(6, 'hours', 0, 720, 'documented', META_TEMPLATE_PAUSING, 'Second pause of a LOW template'),
      disableAfterPauses: num(3, 'pauses', 1, 100, 'documented', META_TEMPLATE_PAUSING, 'The pause that disables the template instead (3rd)'),
    },
    pacing: {
      threshold: num(1000, 'messages', 0, 1e7, 'estimate', `${META_TEMPLATE_PACING} ("an unspecified threshold"); value: ${ASSUMPTION}`, 'Messages of a paced template sent normally before the rest are held'),
      windowMinutes: num(15, 'minutes', 1, 24 * 60, 'reported', `${META_TEMPLATE_PACING}; BSP (released after ~15 min without feedback); ${SEED_000}`, 'Feedback window while messages are held'),
      failRate: num(0.02, 'rate', 0, 1, 'estimate', `${SEED_000} (negative feedback → paused); value: ${SEED_003} 2% block rate`, 'Blocks and reports per delivered message of the batch that fail the assessment'),
      minSignals: num(5, 'signals', 0, 1e6, 'estimate', `${META_TEMPLATE_PACING} (too little feedback → released); value: ${ASSUMPTION}`, 'Fewest feedback signals (reads, replies, blocks) for a verdict'),
      releaseMinutes: num(60, 'minutes', 0, 24 * 60, 'documented', `${META_TEMPLATE_PACING} (99% of paced messages delivered within an hour); ${SEED_000}`, 'Held messages are released over this period'),
      releaseBatches: num(6, 'batches', 1, 1000, 'reported', `${SEED_000} (released in batches over the following hour)`, 'Number of release batches'),
      utilityAfterPauseDays: num(7, 'days', 0, 60, 'documented', META_TEMPLATE_PACING, 'Utility templates are paced this long after a utility template was paused'),
      portfolioPacing: flag(true, 'documented', `${META_TEMPLATE_PACING} (business portfolio pacing, 2026); ${SEED_000}`, 'Pace every template while a number is RED or the portfolio is new'),
    },
    throughput: {
      defaultMps: num(80, 'messages/second', 1, 1e5, 'documented', `${META_THROUGHPUT}; ${SEED_002}`, 'Per-number throughput, inbound and outbound combined'),
      coexistenceMps: num(20, 'messages/second', 1, 1e5, 'documented', `${META_THROUGHPUT} (one BSP says 5)`, 'Coexistence number throughput'),
      upgradedMps: num(1000, 'messages/second', 1, 1e5, 'documented', META_THROUGHPUT, 'Throughput after the automatic upgrade'),
      upgradeUniqueUsers: num(100000, 'unique users', 0, 1e8, 'documented', META_THROUGHPUT, 'Unique users outside service windows in 24 h (unlimited tier, quality ≥ MEDIUM) that trigger the upgrade'),
      upgradeDelayHours: num(12, 'hours', 0, 720, 'documented', META_THROUGHPUT, 'Upgrade applied within this time'),
      upgradeSeconds: num(60, 'seconds', 0, 3600, 'documented', `${META_THROUGHPUT} (mirror)`, 'Sends fail with 131057 while the upgrade runs'),
    },
    pairRate: {
      intervalSeconds: num(6, 'seconds', 0.001, 3600, 'documented', `${SEED_002}; ${META_PAIR_RATE}`, 'Sustained pair rate: one message per this interval to one user'),
      burst: num(45, 'messages', 1, 1000, 'documented', `${SEED_002} (45 in a burst; after 20, ~2 min); reported errors at 10–30/min`, 'Burst allowed, borrowed from future quota (GCRA)'),
    },
    marketingCap: {
      perBusinessPerDay: num(2, 'messages', 0, 4, 'reported', `BSP (2 per user per 24 h from one business without a reply); ${META_MARKETING_CAP}`, 'Marketing messages per user per 24 h from one business without a reply'),
      allBusinessesPerDay: num(4, 'messages', 0, 1000, 'reported', `BSP (4 per 24 h from all businesses); ${SEED_000}`, 'Marketing messages per user per 24 h from all businesses'),
      retryWindowHours: num(24, 'hours', 0, 720, 'estimate', `${SEED_000} (retrying 131049 in a loop is aggressive); value: ${ASSUMPTION}`, 'A send to a user within this time of a 131049 counts as a retry'),
    },
    graphApi: {
      requestsPerHourNoNumber: num(200, 'requests/hour', 0, 1e7, 'documented', SEED_002, 'App-level budget for a WABA with no registered number'),
      requestsPerHour: num(5000, 'requests/hour', 0, 1e7, 'documented', SEED_002, 'App-level budget for a WABA with a registered number'),
      overloadProbability: num(0, 'probability', 0, 1, 'reported', `${SEED_002} (503 when upstream is overloaded)`, 'Chance a Graph API request answers 503'),
    },
    serviceWindow: {
      hours: num(24, 'hours', 0, 168, 'documented', META_SERVICE_WINDOW, "Customer-service window opened by a user's inbound message; messages inside it are not counted"),
    },
    delivery: {
      latencyMeanSeconds: num(2, 'seconds', 0, 3600, 'estimate', ASSUMPTION, 'Mean of the exponential delay between an accepted send and delivery'),
      blockedRecipientCode: num(131026, 'error code', 0, 1e7, 'reported', META_ERROR_CODES, 'Failure code for a message to a user who blocked the number (131026 message undeliverable)'),
    },
  },
};
