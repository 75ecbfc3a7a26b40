/** Facts about messaging limits and tiers (MODEL.md §1, §11 rows 1–2). */
import { atMost, count, type Fact, fmt, mean, ofRuns, runsOf, sweep } from '../fact.js';
import { campaign, optedInList, phone, template } from '../lists.js';

const LIMITS = 'Meta "Messaging limits" and "Upcoming changes to messaging limits" (developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits)';

/** A verified portfolio (starts at TIER_250; verification opens TIER_2K after review) with one cloud-api number and a clean opted-in list of 20,000. */
export function cleanVerified(horizonDays: number): Record<string, unknown> {
  return {
    name: 'clean-verified',
    policy: 'meta-2025-10',
    horizonDays,
    portfolio: { verified: true, numbers: [phone('cloud-api', 180)] },
    templates: [template()],
    audience: { segments: [optedInList(20_000, { blockProbability: 0.004, replyProbability: 0.1 })] },
    campaigns: [campaign()],
    strategies: ['tier-aware', 'blast'],
  };
}

export const cleanListClimbs: Fact = {
  id: 'clean-list-climbs',
  fact: 'A verified business on the Cloud API sending with tier-aware to an opted-in list (0.4% blocks, 10% replies) is essentially never restricted and reaches TIER_10K within 10 days under meta-2025-10',
  source: `MODEL.md §11 row 1; ${LIMITS}; public reply-rate benchmarks (8–15% healthy)`,
  expected: 'restricted in ≤ 5% of 30-day runs; TIER_10K by day 10 in ≥ 95% of runs',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const runs = runsOf(await sweep(cleanVerified(30), run), 'tier-aware');
    const restricted = count(runs, (r) => r.summary.restricted === 1);
    const climbed = runs.map((r) => r.summary.daysToTier.TIER_10K).filter((d): d is number => d !== undefined && d <= 10);
    const n = runs.length;
    return {
      figure: `restricted ${ofRuns(restricted, n)}; TIER_10K by day 10 in ${ofRuns(climbed.length, n)} (mean day ${fmt(mean(climbed))})`,
      pass: restricted <= atMost(0.05, n) && climbed.length >= n - atMost(0.05, n),
    };
  },
};

export const blastReachesFewer: Fact = {
  id: 'blast-reaches-fewer',
  fact: 'Sending the whole list at once (blast) reaches fewer unique users in two weeks than tier-aware pacing under the limit: most of the list fails at the limit, and its immediate retries hammer throughput',
  source: `MODEL.md §11 row 2; seeds/000_ac09f1fd974468da.txt (blasting), seeds/002_283dc3874d8ce749.txt (limits, 80 MPS, 130429); ${LIMITS}`,
  expected: 'in every run: unique users by day 14, blast < tier-aware; failedByCode.limit_reached > 50% of the list; 130429 > 0',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const data = cleanVerified(14);
    const size = 20_000;
    const results = await sweep(data, run);
    const blast = runsOf(results, 'blast');
    const aware = runsOf(results, 'tier-aware');
    const fewer = count(blast, (r, i) => r.summary.uniqueUsersReached < aware[i].summary.uniqueUsersReached);
    const atLimit = count(blast, (r) => (r.summary.failedByCode.limit_reached ?? 0) > size / 2);
    const hammered = count(blast, (r) => (r.summary.failedByCode['130429'] ?? 0) > 0);
    const n = blast.length;
    const avg = (runs: typeof blast, f: (r: (typeof blast)[number]) => number): string => fmt(mean(runs.map(f)), 0);
    return {
      figure: `unique users blast ${avg(blast, (r) => r.summary.uniqueUsersReached)} vs tier-aware ${avg(aware, (r) => r.summary.uniqueUsersReached)} (fewer in ${ofRuns(fewer, n)}); blast limit_reached ${avg(blast, (r) => r.summary.failedByCode.limit_reached ?? 0)} of ${size} (over half in ${ofRuns(atLimit, n)}), 130429 ${avg(blast, (r) => r.summary.failedByCode['130429'] ?? 0)}`,
      pass: fewer === n && atLimit === n && hammered === n,
    };
  },
};
