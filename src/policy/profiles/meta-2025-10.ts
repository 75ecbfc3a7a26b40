/**
 * Profile `meta-2025-10` (default): Meta's documented rules from 2025-10-07 — portfolio-level
 * limits, 250 → 2K → 10K → 100K → unlimited, upgrades 6 h after meeting the criteria, no FLAGGED
 * state and no limit decrease on low quality (MODEL.md §1, §2, §8; seeds 000, 002, 003).
 */
import { channels, choice, flag, num, tiers } from '../define.js';
import { MAX_PER_BUSINESS_PER_DAY, type ParamDef } from '../param.js';
import { withRanges } from '../ranges.js';
import { META_2025_10_RANGES } from './meta-2025-10-ranges.js';
import { MARKET_IDS, MARKET_NAMES, type MarketId } from '../markets.js';
import { META_PRICING, META_ERROR_CODES, META_LIMIT_CHANGES, META_MESSAGING_LIMITS, META_SERVICE_WINDOW, META_TEMPLATE_PACING, META_TEMPLATE_PAUSING, META_TEMPLATE_QUALITY, META_THROUGHPUT, META_PAIR_RATE, META_MARKETING_CAP, META_POLICY_ENFORCEMENT, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004 } from '../sources.js';

const ASSUMPTION = 'wabasim assumption (no published figure)';
const LIMITS = `${META_MESSAGING_LIMITS}; ${SEED_002}`;
const QUALITY_WEIGHTS = `${SEED_002} (blocks, reports, read/engagement weighted by recency); weights: ${ASSUMPTION}`;

/**
 * Meta's rate card effective 2026-01-01 (USD per delivered template, by the recipient's market):
 * [marketing, utility, authentication]. Source: Meta "Pricing" (META_PRICING), documented; the
 * figures were transcribed from two public copies of the card (not read from Meta's CSV here).
 */
const RATE_CARD_2026_01: Readonly<Record<MarketId, readonly [number, number, number]>> = {
  argentina: [0.0618, 0.026, 0.026], brazil: [0.0625, 0.0068, 0.0068], chile: [0.0889, 0.02, 0.02], colombia: [0.0125, 0.0008, 0.0008],
  egypt: [0.0644, 0.0036, 0.0036], france: [0.0859, 0.03, 0.03], germany: [0.1365, 0.055, 0.055], india: [0.0118, 0.0014, 0.0014],
  indonesia: [0.0411, 0.025, 0.025], israel: [0.0353, 0.0053, 0.0053], italy: [0.0691, 0.03, 0.03], malaysia: [0.086, 0.014, 0.014],
  mexico: [0.0305, 0.0085, 0.0085], netherlands: [0.1597, 0.05, 0.05], nigeria: [0.0516, 0.0067, 0.0067], pakistan: [0.0473, 0.0054, 0.0054],
  peru: [0.0703, 0.02, 0.02], russia: [0.0802, 0.04, 0.04], saudiArabia: [0.0455, 0.0107, 0.0107], southAfrica: [0.0379, 0.0076, 0.0076],
  spain: [0.0615, 0.02, 0.02], turkey: [0.0109, 0.0053, 0.0053], unitedArabEmirates: [0.0499, 0.0157, 0.0157], unitedKingdom: [0.0529, 0.022, 0.022],
  northAmerica: [0.025, 0.0034, 0.0034], restOfAfrica: [0.0225, 0.004, 0.004], restOfAsiaPacific: [0.0732, 0.0113, 0.0113],
  restOfCentralEasternEurope: [0.086, 0.0212, 0.0212], restOfLatinAmerica: [0.074, 0.0113, 0.0113], restOfMiddleEast: [0.0341, 0.0091, 0.0091],
  restOfWesternEurope: [0.0592, 0.0171, 0.0171], other: [0.0604, 0.0077, 0.0077],
};
const RATE_SOURCE = `${META_PRICING} (rate card effective 2026-01-01, USD; transcribed from public copies of the card)`;

/** One category's column of the rate card as parameters keyed by market id. */
function priceColumn(column: 0 | 1 | 2, category: string): Record<MarketId, ParamDef<number>> {
  return Object.fromEntries(
    MARKET_IDS.map((m) => [m, num(RATE_CARD_2026_01[m][column], 'USD per delivered message', 0, 10, 'documented', RATE_SOURCE, `Price of a delivered ${category} template to a recipient in ${MARKET_NAMES[m]}`)]),
  ) as Record<MarketId, ParamDef<number>>;
}

/**
 * The parameters of the default profile. Their shape is the parameter set every profile provides
 * (types.ts PolicyDefs is derived from it): a new parameter is added here, with its unit, bounds,
 * label, source and description, and every other profile inherits or replaces it. Numeric
 * estimates and reported figures get their plausible range from meta-2025-10-ranges.ts.
 */
export const META_2025_10_PARAMS = withRanges({
  appliesTo: {
    trustScore: channels(['coexistence', 'web-session'], 'estimate', `MODEL.md §6b; ${SEED_003} (written about WhatsApp Web sessions and the app)`, 'Channels whose numbers the seed-003 trust score restricts; on the others it is a reported risk indicator'),
    registrationLayer: channels(['coexistence', 'web-session'], 'estimate', `MODEL.md §6b; ${SEED_003} layer 1 (IP, VoIP, device: an app or web session)`, 'Channels on which the registration layer (IP country, VoIP, shared IP) counts'),
    velocity: channels(['coexistence', 'web-session'], 'estimate', `MODEL.md §6b; ${SEED_003} (velocity, for sessions); ${SEED_000} (broadcast through coexistence raises suspicious-signal flags)`, 'Channels judged on send velocity at any age'),
    youngNumberRules: channels(['coexistence', 'web-session'], 'estimate', `MODEL.md §6b; ${SEED_000} (a new number inherits the portfolio's limit with no warm-up); ${SEED_003}`, 'Channels judged on young-number velocity and volume; any number of a new portfolio is judged too'),
    policyEnforcement: channels(['cloud-api', 'coexistence', 'web-session'], 'documented', META_POLICY_ENFORCEMENT, "Channels Meta's policy-enforcement ladder acts on"),
  },
  policyEnforcement: {
    windowDays: num(7, 'days', 1, 90, 'estimate', `${META_POLICY_ENFORCEMENT} ("excessive negative feedback"; window not published); ${SEED_003} (7-day feedback window)`, 'Days of business-initiated deliveries over which blocks and reports are judged'),
    minDelivered: num(1000, 'messages', 0, 1e8, 'estimate', `MODEL.md §6b (a minimum volume before a rate is judged); value: ${ASSUMPTION}`, 'Business-initiated deliveries in the window, since the last violation, before feedback is judged'),
    blockRate: num(0.05, 'blocks per delivered', 0, 1, 'estimate', `${META_POLICY_ENFORCEMENT} (excessive negative feedback); value: MODEL.md §10 (4–5% → RED), above seed 003's 2% quality line`, 'Block rate over the window that is a policy violation'),
    reportRate: num(0.01, 'reports per delivered', 0, 1, 'estimate', `${META_POLICY_ENFORCEMENT} (user reports); value: ${ASSUMPTION}`, 'Spam-report rate over the window that is a policy violation'),
    memoryDays: num(90, 'days', 1, 366, 'reported', `${META_POLICY_ENFORCEMENT} (violations may be appealed within 90 days); BSPs (360dialog)`, 'Violations older than this no longer escalate'),
    firstBlockDays: num(1, 'days', 0, 90, 'documented', `${META_POLICY_ENFORCEMENT} (a 1- or 3-day block on business-initiated messages)`, '2nd violation: block on business-initiated messages'),
    secondBlockDays: num(3, 'days', 0, 90, 'documented', META_POLICY_ENFORCEMENT, '3rd violation: block on business-initiated messages'),
    thirdBlockDays: num(5, 'days', 0, 90, 'documented', `${META_POLICY_ENFORCEMENT} (a 5- or 7-day block on business-initiated messages and replies)`, '4th violation: block on all messaging'),
    fourthBlockDays: num(7, 'days', 0, 90, 'documented', META_POLICY_ENFORCEMENT, '5th violation: block on all messaging'),
    disableAtViolation: num(6, 'violations', 1, 100, 'documented', `${META_POLICY_ENFORCEMENT} (then the account is disabled)`, 'The violation that disables the account'),
  },
  limits: {
    scope: choice('portfolio', ['portfolio', 'number'], 'documented', LIMITS, 'Where the messaging limit lives: the business portfolio (shared by its numbers) or each number'),
    windowHours: num(24, 'hours', 1, 720, 'documented', `${META_MESSAGING_LIMITS}; ${SEED_000}`, 'Moving window in which unique business-initiated users are counted'),
    tiers: tiers(
      [
        { name: 'TIER_250', limit: 250 },
        { name: 'TIER_2K', limit: 2000 },
        { name: 'TIER_10K', limit: 10000 },
        { name: 'TIER_100K', limit: 100000 },
        { name: 'TIER_UNLIMITED', limit: null },
      ],
      'documented',
      LIMITS,
      'The messaging-limit ladder, lowest first (null = no cap)',
    ),
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
    verifiedStartTier: choice('', [], 'documented', META_LIMIT_CHANGES, "Tier a verified portfolio starts at ('' = as any new portfolio)"),
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
    recoveryDays: num(6, 'days', 0, 60, 'estimate', 'MODEL.md §10 (recovery after LOW: 5–7 days without broadcasts; community estimate)', 'Days without broadcasts after which a YELLOW or RED number is GREEN again'),
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
    releaseMinutes: num(60, 'minutes', 0, 24 * 60, 'documented', `${META_TEMPLATE_PACING} (99% of paced messages delivered within an hour); ${SEED_000}`, 'Every held message is released (or dropped) within this time of the hold start, the feedback window included'),
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
    windowHours: num(24, 'hours', 1, 168, 'reported', `BSP (caps per user per 24 h); ${SEED_000}`, 'Period of the per-user marketing caps'),
    perBusinessPerDay: num(2, 'messages', 0, MAX_PER_BUSINESS_PER_DAY, 'reported', `BSP (2 per user per 24 h from one business without a reply); ${META_MARKETING_CAP}`, 'Marketing messages per user per 24 h from one business without a reply'),
    allBusinessesPerDay: num(4, 'messages', 0, 1000, 'reported', `BSP (4 per 24 h from all businesses); ${SEED_000}`, 'Marketing messages per user per 24 h from all businesses'),
    retryWindowHours: num(1, 'hours', 0, 720, 'estimate', `${SEED_000} (retrying 131049 in a loop is aggressive); value: ${ASSUMPTION}`, 'A marketing send to a user within this time of their 131049 counts as a retry (a loop, not the next campaign)'),
    saturationHours: num(24, 'hours', 0, 720, 'estimate', `${SEED_000} (a saturated user gets no more marketing that day); value: ${ASSUMPTION}`, 'After a 131049 the user stays saturated this long: marketing sends to them fail again'),
  },
  graphApi: {
    requestsPerHourNoNumber: num(200, 'requests/hour', 0, 1e7, 'documented', SEED_002, 'App-level budget for a WABA with no registered number'),
    requestsPerHour: num(5000, 'requests/hour', 0, 1e7, 'documented', SEED_002, 'App-level budget for a WABA with a registered number'),
    overloadProbability: num(0, 'probability', 0, 1, 'reported', `${SEED_002} (503 when upstream is overloaded)`, 'Chance a Graph API request answers 503'),
  },
  coexistence: {
    appOpenIntervalDays: num(14, 'days', 1, 366, 'reported', `${SEED_000} (14 days; two vendors' heartbeat docs say 13)`, 'The WhatsApp Business app must be opened at least this often or the API is disconnected'),
    reconnectHours: num(24, 'hours', 0, 720, 'estimate', `${SEED_000} (re-onboarding needed); duration: ${ASSUMPTION}`, 'Time to re-onboard after the app is opened on a disconnected number'),
    broadcastPerHour: num(60, 'messages/hour', 0, 1e6, 'estimate', `${SEED_000} (broadcast volume through coexistence raises 131056 and suspicious-signal flags); ${SEED_003} velocity`, 'Business-initiated sends per hour above which a coexistence number looks like broadcasting'),
    broadcast131056Probability: num(0.3, 'probability', 0, 1, 'estimate', `${SEED_000}; ${ASSUMPTION}`, 'Chance a coexistence send over that volume fails with 131056'),
  },
  unanswered: {
    replyWindowHours: num(48, 'hours', 1, 720, 'estimate', `${SEED_003} (2026 unanswered-message counter)`, 'A business-initiated message without a reply within this time counts as unanswered'),
    keepDays: num(30, 'days', 1, 366, 'estimate', SEED_003, 'An unanswered message stays on the counter this long'),
    safeShare: num(0.7, 'share', 0, 1, 'estimate', `${SEED_003} (reply ratio safe above 30%: at most 70% unanswered); the counter's threshold is undisclosed — give a distribution to see the band`, 'Unanswered share of judged business-initiated messages (30 days) that weighs nothing'),
    dangerShare: num(0.85, 'share', 0, 1, 'estimate', `${SEED_003} (reply ratio danger below 15%: 85% unanswered)`, 'Unanswered share at which the counter weighs fully'),
    minJudged: num(100, 'messages', 0, 1e8, 'estimate', `MODEL.md §6b (a minimum volume before a rate is judged); value: ${ASSUMPTION}`, 'Judged business-initiated messages on the counter before the share counts'),
    weight: num(1, 'score', 0, 100, 'estimate', SEED_003, 'Trust-score weight of the unanswered counter at the danger share'),
  },
  trust: {
    ipMismatchWeight: num(0.5, 'score', 0, 100, 'estimate', `${SEED_003} layer 1`, 'Connection IP country differs from the number country'),
    voipWeight: num(0.5, 'score', 0, 100, 'estimate', `${SEED_003} layer 1`, 'VoIP-originated number'),
    sharedIpWeight: num(0.5, 'score', 0, 100, 'estimate', `${SEED_003} layer 1`, 'Several numbers on one IP block'),
    replyRatioSafe: num(0.3, 'ratio', 0, 1, 'estimate', `${SEED_003} (safe > 30%, target 50%)`, 'Reply-to-send ratio above which behaviour is safe'),
    replyRatioDanger: num(0.15, 'ratio', 0, 1, 'estimate', `${SEED_003} (danger < 15%)`, 'Reply-to-send ratio below which behaviour is dangerous'),
    replyRatioWeight: num(1, 'score', 0, 100, 'estimate', SEED_003, 'Weight of a dangerous reply ratio (half between danger and safe)'),
    replyRatioMinSends: num(50, 'messages', 0, 1e7, 'estimate', ASSUMPTION, 'Business-initiated deliveries in 7 days before the ratio is judged'),
    windowDays: num(7, 'days', 1, 30, 'estimate', `${SEED_003} (blocks and behaviour over the following 7 days)`, 'Behavioural window of the reply ratio, velocity, blocks and content'),
    replyLagHours: num(24, 'hours', 0, 168, 'estimate', `${SEED_003} (replies within 48 hours); value: ${ASSUMPTION}`, 'The reply ratio counts deliveries at least this old (replies lag)'),
    warningZoneFraction: num(0.5, 'fraction', 0, 1, 'estimate', `${SEED_003} (a warning zone between safe and danger); value: ${ASSUMPTION}`, 'Weight of a rule in its warning zone, as a fraction of its full weight'),
    velocitySafePerHour: num(30, 'messages/hour', 0, 1e7, 'estimate', `${SEED_003} (safe < 30/hour)`, 'Young-number velocity that is safe'),
    velocityDangerPerHour: num(60, 'messages/hour', 0, 1e7, 'estimate', `${SEED_003} (danger > 60/hour)`, 'Young-number velocity that is dangerous'),
    velocityWeight: num(1, 'score', 0, 100, 'estimate', SEED_003, 'Weight of dangerous velocity (half between safe and danger)'),
    youngNumberDays: num(10, 'days', 0, 366, 'estimate', `${SEED_003} (first 10 days elevated risk)`, 'Numbers younger than this are judged on velocity and daily volume'),
    firstDaysVolumeSafe: num(50, 'messages/day', 0, 1e7, 'estimate', `${SEED_003} (20–50/day safe in days 1–3)`, 'Daily volume that is safe in the first days'),
    firstDays: num(3, 'days', 0, 366, 'estimate', SEED_003, 'The first days of a number'),
    earlyWeeksVolumeRisk: num(200, 'messages/day', 0, 1e7, 'estimate', `${SEED_003} (200+/day before week 3 is high risk)`, 'Daily volume that is high risk before week 3'),
    earlyWeeksDays: num(21, 'days', 0, 366, 'estimate', SEED_003, 'Before week 3'),
    volumeWeight: num(1, 'score', 0, 100, 'estimate', SEED_003, 'Weight of too much daily volume on a young number'),
    sendingWindowHours: num(8, 'hours', 1, 24, 'estimate', `${SEED_003} (an ~8-hour window instead of around the clock)`, 'A natural sending day'),
    aroundTheClockWeight: num(0.5, 'score', 0, 100, 'estimate', SEED_003, 'Weight when most of a day\'s sends fall outside its busiest window'),
    mechanicalCv: num(0.1, 'coefficient of variation', 0, 10, 'estimate', `${SEED_003} (fixed mechanical intervals)`, 'Send intervals less variable than this look mechanical'),
    mechanicalWeight: num(0.5, 'score', 0, 100, 'estimate', SEED_003, 'Weight of mechanical send intervals'),
    mechanicalMinIntervals: num(20, 'intervals', 1, 1e6, 'estimate', ASSUMPTION, 'Send intervals in an hour before their regularity is judged'),
    aroundTheClockMinSends: num(50, 'messages/day', 0, 1e7, 'estimate', ASSUMPTION, 'Sends in a day before "around the clock" is judged'),
    retryLoopWeight: num(1, 'score', 0, 100, 'estimate', `${SEED_000} (131049 retry loops)`, 'Weight of retrying 131049 (full at retryLoopFullPerDay retries in a day)'),
    retryLoopFullPerDay: num(10, 'retries/day', 1, 1e6, 'estimate', ASSUMPTION, '131049 retries in a day at which the retry-loop weight is full'),
    hammeringPerHour: num(100, 'errors/hour', 0, 1e7, 'estimate', `${SEED_000} (130429/131056 hammering)`, 'Rate-limit errors per hour that count as hammering'),
    hammeringWeight: num(0.5, 'score', 0, 100, 'estimate', SEED_000, 'Weight of hammering'),
    identicalPerHour: num(15, 'messages/hour', 0, 1e7, 'estimate', `${SEED_003} (more than 15 structurally identical messages per hour)`, 'Identical messages per hour above which layer 4 flags'),
    identicalWeight: num(0.5, 'score', 0, 100, 'estimate', SEED_003, 'Weight of identical content'),
    personalizationFactor: num(0.3, 'multiplier', 0, 1, 'estimate', `${SEED_003} (personalisation reduces the signal)`, 'Layer-4 weight × this for personalised templates'),
    sameLinkWeight: num(0.3, 'score', 0, 100, 'estimate', `${SEED_003} (same link in every message)`, 'Weight of the same link in every message'),
    sameMediaWeight: num(0.3, 'score', 0, 100, 'estimate', `${SEED_003} (same media file hash)`, 'Weight of the same media file in every message'),
    blockSafePerThousand: num(10, 'blocks per 1,000', 0, 1000, 'estimate', `${SEED_003} (block rate under 1% is the safe zone)`, 'Blocks per 1,000 delivered (7 days) that layer 3 scores nothing for'),
    blockRatePerThousandWeight: num(0.1, 'score per block per 1,000', 0, 100, 'estimate', `${SEED_003} (blocks per thousand sent; above 2% → Low)`, 'Layer-3 weight per block per thousand delivered (7 days) above the safe zone'),
    restrictScore: num(2, 'score', 0, 1000, 'estimate', `${SEED_003} (cross enough thresholds across enough layers)`, 'Trust score at which the number is restricted (soft ban)'),
    restrictMinLayers: num(2, 'layers', 1, 4, 'estimate', SEED_003, 'Layers that must contribute for a restriction'),
    layerMinContribution: num(0.25, 'score', 0, 100, 'estimate', ASSUMPTION, 'A layer "contributes" from this score'),
    banScore: num(4, 'score', 0, 1000, 'estimate', SEED_003, 'Trust score at which the ban is permanent'),
    softBansBeforePermanent: num(3, 'soft bans', 1, 100, 'estimate', ASSUMPTION, 'Soft bans within the memory that make the next one permanent'),
    softBanMemoryDays: num(30, 'days', 1, 366, 'estimate', `${SEED_003} (rolling 30-day window); ${ASSUMPTION}`, 'Soft bans are counted toward a permanent ban over this many days'),
    redDaysToRestrict: num(7, 'days', 1, 90, 'estimate', `${SEED_003} (RED for 7 days without improvement → account-level restriction)`, 'Days RED before the block cascade restricts the account'),
  },
  restrictions: {
    softBanMinHours: num(24, 'hours', 0, 720, 'estimate', `${SEED_003} (soft ban with countdown, 24–72 h)`, 'Shortest soft ban'),
    softBanMaxHours: num(72, 'hours', 0, 720, 'estimate', SEED_003, 'Longest soft ban'),
    appealMinHours: num(24, 'hours', 0, 720, 'reported', `${SEED_001} (appeals reviewed in 24–72 h)`, 'Fastest appeal review'),
    appealMaxHours: num(72, 'hours', 0, 720, 'reported', SEED_001, 'Slowest appeal review'),
    appealRestrictedSuccess: num(0.5, 'probability', 0, 1, 'estimate', `${SEED_001}; ${ASSUMPTION}`, 'Chance an appeal of a restriction succeeds'),
    appealPermanentSuccess: num(0.15, 'probability', 0, 1, 'estimate', `${SEED_003} (under 20% appeal success)`, 'Chance an appeal of a permanent ban succeeds'),
    reviewHours: num(48, 'hours', 0, 720, 'reported', `${SEED_000} (48-hour policy/identity review)`, 'Review after a sudden account-metadata change'),
    aiTemplateBlockHours: num(24, 'hours', 0, 720, 'documented', `${SEED_000} (AI policy from 2026-01-15: 24-hour block on new templates as a warning)`, 'Warning block on new templates for a general-purpose AI chatbot'),
    aiEscalationDays: num(7, 'days', 0, 366, 'estimate', `${SEED_000} (then permanent restriction); delay: ${ASSUMPTION}`, 'Days from the warning to the permanent restriction'),
  },
  serviceWindow: {
    hours: num(24, 'hours', 0, 168, 'documented', META_SERVICE_WINDOW, "Customer-service window opened by a user's inbound message; messages inside it are not counted"),
  },
  delivery: {
    latencyMeanSeconds: num(2, 'seconds', 0, 3600, 'estimate', ASSUMPTION, 'Mean of the exponential delay between an accepted send and delivery'),
    blockedRecipientCode: num(131026, 'error code', 0, 1e7, 'reported', META_ERROR_CODES, 'Failure code for a message to a user who blocked the number (131026 message undeliverable)'),
  },
  pricing: {
    effectiveDate: choice('2026-01-01', [], 'documented', RATE_SOURCE, 'Date the rate card (priceMarketing, priceUtility, priceAuthentication) took effect'),
    currency: choice('USD', [], 'documented', RATE_SOURCE, 'Currency of the rate card'),
    freeUtilityInServiceWindow: flag(true, 'documented', `${META_PRICING} (utility templates delivered within an open customer service window are free, from 2025-07-01)`, 'A utility template delivered inside an open customer-service window is not charged'),
    defaultCountry: choice('US', [], 'estimate', `${ASSUMPTION} (the model's sending numbers show +1 555 numbers)`, "Recipient country (ISO 3166) when neither the segment's `countries` nor the sending number's `country` gives one"),
  },
  priceMarketing: priceColumn(0, 'marketing'),
  priceUtility: priceColumn(1, 'utility'),
  priceAuthentication: priceColumn(2, 'authentication'),
}, META_2025_10_RANGES);

export const meta202510 = {
  id: 'meta-2025-10',
  version: '2025-10-07.2',
  title: "Meta's documented rules from 2025-10-07",
  description: 'Portfolio-level limits 250 → 2K → 10K → 100K → unlimited shared by all numbers; upgrades 6 h after criteria; low quality freezes scaling',
  params: META_2025_10_PARAMS,
};
