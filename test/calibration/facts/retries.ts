/** Retrying 131049 in a loop (MODEL.md §4, §7; §11 row 6). */
import { count, type Fact, fmt, mean, ofRuns, runsOf, sweep } from '../fact.js';
import { optedInList, phone } from '../lists.js';

const LOOP = 'blast + 131049 retry loop';

/**
 * scenarios/retry-131049.json, reduced to the two senders compared: 5,000 opted-in bargain
 * hunters who get 3.5 marketing messages a day from other brands, four deals two days apart.
 */
export function saturatedList(): Record<string, unknown> {
  return {
    name: 'retry-131049',
    policy: 'meta-2025-10',
    horizonDays: 8,
    portfolio: { verified: true, startTier: 'TIER_100K', numbers: [phone('cloud-api', 400)] },
    templates: [{ id: 'flash-sale', category: 'marketing', quality: 'HIGH', personalized: true, branded: true }],
    audience: { segments: [optedInList(5000, { id: 'deal-hunters', readProbability: 0.7, replyProbability: 0.2, blockProbability: 0.003, marketingFromOthersPerDay: 3.5 })] },
    campaigns: [0, 1, 2, 3].map((k) => ({ id: `deal-day-${2 * k}`, template: 'flash-sale', segment: 'deal-hunters', startHour: 10 + 48 * k })),
    strategies: [{ name: 'blast', label: LOOP, params: { perSecond: 40, retryFailedStatus: true, maxStatusRetries: 5 } }, 'backoff'],
  };
}

export const retryLoop131049: Fact = {
  id: 'retry-loop-131049',
  fact: 'Retrying 131049 (per-user marketing cap) in a loop multiplies attempts without adding deliveries',
  source: 'MODEL.md §11 row 6; seeds/000_ac09f1fd974468da.txt (cluster 3, "Saturation Error"; loops flagged as aggressive); scenarios/retry-131049.json',
  expected: 'in every run: the loop makes ≥ 2× the attempts of backoff and delivers no more than 2% above it',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const results = await sweep(saturatedList(), run);
    const loop = runsOf(results, LOOP);
    const calm = runsOf(results, 'backoff');
    const ratio = loop.map((r, i) => r.summary.attempted / Math.max(1, calm[i].summary.attempted));
    const gain = loop.map((r, i) => r.summary.delivered / Math.max(1, calm[i].summary.delivered));
    const ok = count(loop, (_, i) => ratio[i] >= 2 && gain[i] <= 1.02);
    const n = loop.length;
    return {
      figure: `attempts ×${fmt(mean(ratio), 2)} (min ×${fmt(Math.min(...ratio), 2)}), deliveries ×${fmt(mean(gain), 3)} of backoff; holds in ${ofRuns(ok, n)}`,
      pass: ok === n,
    };
  },
};
