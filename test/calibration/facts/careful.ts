/** Careful strategies against the blast anti-pattern (MODEL.md §11 row 8). */
import { count, type Fact, ofRuns, runsOf, sweep } from '../fact.js';
import { campaign, optedInList, phone, template } from '../lists.js';

export const CAREFUL = ['tier-aware', 'pacing-aware', 'backoff', 'hygiene', 'multi-number'] as const;

/** The lists compared, as variants: which list, which channel, where the portfolio stands. */
const LISTS: readonly { name: string; patch: Record<string, unknown> }[] = [
  { name: 'clean list, new verified portfolio', patch: { '/portfolio/startTier': 'TIER_250' } },
  { name: 'cold list (3% blocks)', patch: { '/audience/segments/0/blockProbability': 0.03, '/audience/segments/0/replyProbability': 0.05 } },
  { name: 'bad list (6% blocks)', patch: { '/audience/segments/0/blockProbability': 0.06, '/audience/segments/0/replyProbability': 0.03, '/audience/segments/0/reportProbability': 0.003 } },
  { name: 'coexistence number, 1% blocks', patch: { '/portfolio/numbers/0/channel': 'coexistence', '/portfolio/numbers/1/channel': 'coexistence', '/audience/segments/0/blockProbability': 0.01 } },
];

/**
 * A verified portfolio at TIER_10K with two numbers (multi-number uses both) mails the same
 * 6,000-user list twice, a week apart (no daily target: each strategy paces as it will).
 * Variants: the lists above. `reduced` keeps the first and third.
 */
export function sameList(reduced: boolean): Record<string, unknown> {
  return {
    name: 'careful-vs-blast',
    policy: 'meta-2025-10',
    horizonDays: 14,
    portfolio: { verified: true, startTier: 'TIER_10K', numbers: [phone('cloud-api', 180), { ...phone('cloud-api', 180), id: 'second' }] },
    templates: [template()],
    audience: { segments: [optedInList(6000)] },
    campaigns: [campaign({ id: 'week-1' }), campaign({ id: 'week-2', startHour: 9 + 168 })],
    strategies: ['blast', ...CAREFUL],
    variants: reduced ? [LISTS[0], LISTS[2]] : LISTS,
  };
}

export const carefulNeverWorse: Fact = {
  id: 'careful-never-worse',
  fact: 'Careful strategies (tier-aware, pacing-aware, backoff, hygiene, multi-number) are never restricted more often than the blast anti-pattern on the same list',
  source: 'MODEL.md §11 row 8; seeds/000_ac09f1fd974468da.txt (blasting, 131049 loops), seeds/002_283dc3874d8ce749.txt (backoff, limits), seeds/003_bb4d35adda67ac79.txt (pacing, hygiene, spreading load)',
  expected: 'on every list: restricted runs of each careful strategy ≤ restricted runs of blast',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const results = await sweep(sameList(run.mode === 'reduced'), run);
    const parts: string[] = [];
    let pass = true;
    for (const v of results.variants) {
      const blast = count(runsOf(results, 'blast', v.name), (r) => r.summary.restricted === 1);
      const worst = CAREFUL.map((s) => [s, count(runsOf(results, s, v.name), (r) => r.summary.restricted === 1)] as const).sort((a, b) => b[1] - a[1])[0];
      const n = runsOf(results, 'blast', v.name).length;
      if (worst[1] > blast) pass = false;
      parts.push(`${v.name}: blast ${ofRuns(blast, n)}, worst careful ${worst[0]} ${ofRuns(worst[1], n)}`);
    }
    return { figure: parts.join('; '), pass };
  },
};
