/** Facts about which enforcement acts on which channel (MODEL.md §6b, §11 row 4). */
import { atMost, count, type Fact, fmt, mean, most, ofRuns, RESTRICTING, runsOf, sweep } from '../fact.js';
import { campaign, optedInList, phone, template } from '../lists.js';

const LADDER = 'Meta "WhatsApp Business Platform Policy Enforcement" (developers.facebook.com/docs/whatsapp/overview/policy-enforcement)';
const ALL_CHANNELS = ['cloud-api', 'coexistence', 'web-session'];

/**
 * 500 marketing messages an hour (4,000 a day over the 8-hour window, tier-aware) from a number
 * a week old in a verified portfolio at TIER_100K (the limit never binds), to an opted-in list
 * (0.3% blocks, 10% replies). Variants: the number's channel.
 */
export function sameVolume(): Record<string, unknown> {
  return {
    name: 'same-volume-channels',
    policy: 'meta-2025-10',
    horizonDays: 7,
    portfolio: { verified: true, startTier: 'TIER_100K', numbers: [phone('cloud-api', 7, { appOpen: { everyDays: 3, jitterHours: 6 } })] },
    templates: [template()],
    audience: { segments: [optedInList(20_000, { blockProbability: 0.003 })] },
    campaigns: [campaign({ dailyTarget: 4000 })],
    strategies: ['tier-aware'],
    variants: ALL_CHANNELS.map((c) => ({ name: c, patch: { '/portfolio/numbers/0/channel': c } })),
  };
}

export const sameVolumeByChannel: Fact = {
  id: 'same-volume-by-channel',
  fact: 'The same 500 marketing messages an hour that get a coexistence or web-session number restricted do not by themselves restrict a Cloud API number',
  source: 'MODEL.md §11 row 4, §6b; seeds/000_ac09f1fd974468da.txt (coexistence broadcast volume flagged), seeds/003_bb4d35adda67ac79.txt (velocity > 60/hour, young numbers; written about web sessions and the app)',
  expected: 'restricted in most runs on coexistence and on web-session; in ≤ 5% of runs on cloud-api',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const results = await sweep(sameVolume(), run);
    const share = (channel: string): number => count(runsOf(results, 'tier-aware', channel), (r) => r.summary.restricted === 1);
    const n = runsOf(results, 'tier-aware', 'cloud-api').length;
    const [cloud, coex, web] = ALL_CHANNELS.map(share);
    return {
      figure: `restricted: cloud-api ${ofRuns(cloud, n)}, coexistence ${ofRuns(coex, n)}, web-session ${ofRuns(web, n)}`,
      pass: cloud <= atMost(0.05, n) && most(coex, n) && most(web, n),
    };
  },
};

/**
 * A year-old cloud-api number of a verified TIER_10K portfolio mails a list that blocks 6%: five
 * offers (five templates, every other day from day 0), 2,000 a day each with tier-aware. Each
 * template is paused and then disabled within a day or two (Meta "Template pausing"), so the
 * offers keep business-initiated deliveries coming for the ladder to judge.
 */
export function badList(): Record<string, unknown> {
  return {
    name: 'bad-list-ladder',
    policy: 'meta-2025-10',
    horizonDays: 14,
    portfolio: { verified: true, startTier: 'TIER_10K', numbers: [phone('cloud-api', 365)] },
    templates: [1, 2, 3, 4, 5].map((k) => template(`offer-${k}`)),
    audience: { segments: [optedInList(30_000, { blockProbability: 0.06, replyProbability: 0.05, reportProbability: 0.003 })] },
    campaigns: [0, 1, 2, 3, 4].map((k) => campaign({ id: `c${k + 1}`, template: `offer-${k + 1}`, startHour: 9 + 48 * k, dailyTarget: 2000 })),
    strategies: ['tier-aware'],
  };
}

export const cloudApiLadder: Fact = {
  id: 'cloud-api-ladder',
  fact: "A Cloud API number mailing a list with 5%+ blocks is restricted only through Meta's documented enforcement ladder: a warning first, then blocks of growing length",
  source: `${LADDER}; relayed by BSPs (360dialog, convrs); MODEL.md §6b`,
  expected: 'restricted in most runs; every enforcement on the path policy-enforcement; the first one a policy-warning, in every run with any',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const runs = runsOf(await sweep(badList(), run), 'tier-aware');
    const restricted = count(runs, (r) => r.summary.enforcements.some((e) => RESTRICTING.has(e.kind)));
    const otherPath = runs.reduce((a, r) => a + r.summary.enforcements.filter((e) => e.path !== 'policy-enforcement').length, 0);
    const warnedFirst = count(runs, (r) => r.summary.enforcements.length === 0 || r.summary.enforcements[0].kind === 'policy-warning');
    const paths = [...new Set(runs.flatMap((r) => r.summary.enforcements.map((e) => `${e.path}:${e.kind}`)))].sort();
    const n = runs.length;
    return {
      figure: `restricted ${ofRuns(restricted, n)}; ${otherPath} enforcements off the ladder; warning first in ${ofRuns(warnedFirst, n)}; kinds ${paths.join(', ') || 'none'}`,
      pass: most(restricted, n) && otherPath === 0 && warnedFirst === n,
    };
  },
};

/**
 * A year-old cloud-api number (verified, TIER_100K) sends 500 identical marketing messages an hour
 * (same link) to a list that hardly replies (3%): behaviour seed 003 scores as risky. Variant
 * 'what-if': `appliesTo.trustScore` widened to every channel.
 */
export function riskyBehaviour(): Record<string, unknown> {
  return {
    name: 'trust-risk-indicator',
    policy: 'meta-2025-10',
    horizonDays: 10,
    portfolio: { verified: true, startTier: 'TIER_100K', numbers: [phone('cloud-api', 365)] },
    templates: [{ ...template(), sameLink: true }],
    audience: { segments: [optedInList(30_000, { blockProbability: 0.004, replyProbability: 0.03 })] },
    campaigns: [campaign({ dailyTarget: 4000 })],
    strategies: ['tier-aware'],
    variants: [
      { name: 'default' },
      { name: 'what-if: trust score on cloud-api', overrides: { 'appliesTo.trustScore': ALL_CHANNELS } },
    ],
  };
}

export const trustScoreRiskIndicator: Fact = {
  id: 'trust-score-risk-indicator',
  fact: 'On a Cloud API number the seed-003 trust score is reported as a risk indicator but restricts nothing, unless a what-if widens appliesTo.trustScore to cloud-api',
  source: 'MODEL.md §6b; seeds/003_bb4d35adda67ac79.txt (a community estimate about web sessions and the app)',
  expected: 'default: trustScoreActs false in every run, the score over its restriction level in most runs, restricted in ≤ 5%; what-if: restricted by the trust-score path in most runs',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const results = await sweep(riskyBehaviour(), run);
    const base = runsOf(results, 'tier-aware', 'default');
    const whatIf = runsOf(results, 'tier-aware', 'what-if: trust score on cloud-api');
    const n = base.length;
    const notActing = count(base, (r) => r.summary.numbers.main?.trustScoreActs === false);
    const overScore = count(base, (r) => (r.summary.numbers.main?.hoursOverRestrictScore ?? 0) > 0);
    const restricted = count(base, (r) => r.summary.restricted === 1);
    const byTrust = count(whatIf, (r) => r.summary.enforcements.some((e) => e.path === 'trust-score' && RESTRICTING.has(e.kind)));
    return {
      figure: `default: indicator only in ${ofRuns(notActing, n)}, over restriction score in ${ofRuns(overScore, n)} (mean peak ${fmt(mean(base.map((r) => r.summary.trustScorePeak)), 2)}), restricted ${ofRuns(restricted, n)}; what-if: restricted by trust score ${ofRuns(byTrust, n)}`,
      pass: notActing === n && most(overScore, n) && restricted <= atMost(0.05, n) && most(byTrust, n),
    };
  },
};
