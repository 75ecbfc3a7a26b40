/**
 * Plausible ranges of `meta-2025-10`'s estimated and reported parameters where a source gives a
 * spread (MODEL.md §10 "where sources disagree", the seeds), or where the generic ±50% rule
 * (ranges.ts) would not do: a value of 0, a pair that must stay ordered (a "safe" line below its
 * "danger" line, a minimum below its maximum: their ranges do not overlap), an identifier. Every
 * other numeric estimate or reported parameter gets the generic rule, and says so in its source.
 */
import type { RangeTable } from '../ranges.js';
import { SEED_000, SEED_001, SEED_002, SEED_003, SEED_004 } from '../sources.js';

const KEPT_APART = 'kept apart so the pair stays ordered';

export const META_2025_10_RANGES: RangeTable = {
  'policyEnforcement.blockRate': { low: 0.04, high: 0.05, source: 'MODEL.md §10: a block rate of 4–5% turns quality RED (BSPs); the violation line is taken on it' },
  'limits.doubleRuleUtilisation': { low: 1, high: 2, source: `${SEED_001} (send the current ceiling over 7 days: 1×) to ${SEED_004} (2× in 7 days)` },
  'quality.yellowThreshold': { low: 0.005, high: 0.015, source: `MODEL.md §10: MEDIUM from 0.5% (BSPs), safe under 1% (${SEED_003}), up to 1.5% where LOW starts; ${KEPT_APART} with redThreshold` },
  'quality.redThreshold': { low: 0.015, high: 0.05, source: `MODEL.md §10: LOW above 1.5% (BSPs), RED above 2% (${SEED_003}), RED at 4–5% (BSPs)` },
  'quality.recoveryDays': { low: 5, high: 7, source: 'MODEL.md §10: back to GREEN after 5–7 days without broadcasts (community estimate)' },
  'templates.mediumThreshold': { low: 0.005, high: 0.015, source: `MODEL.md §10 (as quality.yellowThreshold); ${KEPT_APART} with lowThreshold` },
  'templates.lowThreshold': { low: 0.015, high: 0.05, source: 'MODEL.md §10 (as quality.redThreshold): LOW above 1.5% to 4–5%' },
  'pacing.windowMinutes': { low: 15, high: 60, source: 'MODEL.md §10: released after 15 min without feedback (BSP); feedback expected within 30–60 min (BSP)' },
  'graphApi.overloadProbability': { low: 0, high: 0.01, source: `${SEED_002} (503 when upstream is overloaded; how often is not published); up to 1% of requests: assumption` },
  'coexistence.appOpenIntervalDays': { low: 13, high: 14, source: `MODEL.md §10: 14 days (${SEED_000}); 13 days (two vendors' heartbeat docs)` },
  'unanswered.safeShare': { low: 0.5, high: 0.75, source: `${SEED_003} (reply ratio target 50%, safe above 30%: 50–70% unanswered), +5 points: assumption; ${KEPT_APART} with dangerShare` },
  'unanswered.dangerShare': { low: 0.8, high: 0.9, source: `${SEED_003} (reply ratio danger below 15%: 85% unanswered), ±5 points: assumption` },
  'trust.replyRatioSafe': { low: 0.25, high: 0.5, source: `${SEED_003} (safe above 30%, target 50%); down to 25%: assumption; ${KEPT_APART} with replyRatioDanger` },
  'trust.replyRatioDanger': { low: 0.1, high: 0.2, source: `${SEED_003} (danger below 15%), ±5 points: assumption` },
  'trust.velocitySafePerHour': { low: 20, high: 40, source: `${SEED_003} (safe under 30/hour), ±⅓: assumption; ${KEPT_APART} with velocityDangerPerHour` },
  'trust.velocityDangerPerHour': { low: 40, high: 80, source: `${SEED_003} (danger above 60/hour), ±⅓: assumption` },
  'trust.firstDaysVolumeSafe': { low: 20, high: 50, source: `${SEED_003} (20–50 messages/day safe in days 1–3)` },
  'trust.restrictScore': { low: 1, high: 3, source: `assumption: ±50% of the value; ${KEPT_APART} with banScore` },
  'trust.banScore': { low: 3, high: 6, source: 'assumption: −25% to +50% of the value, above restrictScore' },
  'restrictions.softBanMinHours': { low: 12, high: 36, source: `${SEED_003} (soft ban countdown 24–72 h), ±50%: assumption; ${KEPT_APART} with softBanMaxHours` },
  'restrictions.softBanMaxHours': { low: 48, high: 96, source: `${SEED_003} (24–72 h), ±⅓: assumption` },
  'restrictions.appealMinHours': { low: 12, high: 36, source: `${SEED_001} (appeals reviewed in 24–72 h), ±50%: assumption; ${KEPT_APART} with appealMaxHours` },
  'restrictions.appealMaxHours': { low: 48, high: 96, source: `${SEED_001} (24–72 h); MODEL.md §6b (reviews take 24–48 h, reported); ±⅓: assumption` },
  'restrictions.appealPermanentSuccess': { low: 0.05, high: 0.2, source: `${SEED_003} (under 20% of permanent-ban appeals succeed)` },
  'delivery.blockedRecipientCode': { low: 131026, high: 131026, source: 'not varied: an error code is an identifier, not a quantity' },
};
