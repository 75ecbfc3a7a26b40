/** Facts about a new web-session number and seed 003's warm-up (MODEL.md §6, §6b, §11 row 5). */
import { consistentWithAtMost, count, type Fact, most, ofRuns, RESTRICTING, runsOf, sweep } from '../fact.js';
import { campaign, optedInList, phone, template } from '../lists.js';

const SEED_003 = 'seeds/003_bb4d35adda67ac79.txt';
const FAST = '500 a day from day 1';

/**
 * A brand-new web-session number (IP in Germany for a Brazilian number, VoIP) in a verified
 * portfolio at TIER_10K (the limit never binds) messages known contacts who reply 35% of the time
 * (seed 003: keep the reply rate above 30%), up to 500 a day, with a personalised template (seed
 * 003: personalisation breaks the content-pattern signal). Strategies: tier-aware at 500 a day from
 * day 1, and warmup (seed 003's schedule).
 */
export function newWebSession(): Record<string, unknown> {
  return {
    name: 'new-web-session',
    policy: 'meta-2025-10',
    horizonDays: 14,
    portfolio: { verified: true, startTier: 'TIER_10K', numbers: [phone('web-session', 0, { connection: { ipCountry: 'DE', voip: true } })] },
    templates: [{ ...template(), personalized: true }],
    audience: { segments: [optedInList(6000, { replyProbability: 0.35, blockProbability: 0.003 })] },
    campaigns: [campaign({ dailyTarget: 500, startHour: 0 })],
    strategies: [{ name: 'tier-aware', label: FAST }, 'warmup'],
  };
}

export const webSessionWarmup: Fact = {
  id: 'web-session-warmup',
  fact: "A new web-session number (IP mismatch, VoIP) at 500 a day from day 1 is soft-banned within days; the same number following seed 003's warm-up schedule is not",
  source: `MODEL.md §11 row 5; ${SEED_003} (layer 1: IP country, VoIP; layer 2: 20–50/day in days 1–3, 200+/day before week 3 high risk; warm-up schedule)`,
  // warmup's true share is about 4% (16 of 400 runs, seeds 1000–1399, measured 2026-12-01 before and
  // after common random numbers alike): "≤ 5%" is judged as a sample (one-sided binomial test), since
  // 2 of 20 runs happen one time in five at 4%
  expected: '500/day: restricted within 3 days in most runs; warmup: restricted in a share of 14-day runs consistent with ≤ 5%',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const results = await sweep(newWebSession(), run);
    const fast = runsOf(results, FAST);
    const slow = runsOf(results, 'warmup');
    const n = fast.length;
    const early = count(fast, (r) => r.summary.enforcements.some((e) => RESTRICTING.has(e.kind) && e.startDay <= 3));
    const softBans = count(fast, (r) => r.summary.enforcements.some((e) => e.kind === 'soft-ban' && e.startDay <= 3));
    const warm = count(slow, (r) => r.summary.restricted === 1);
    return {
      figure: `500/day restricted by day 3 in ${ofRuns(early, n)} (soft ban ${ofRuns(softBans, n)}); warmup restricted in ${ofRuns(warm, n)}`,
      pass: most(early, n) && consistentWithAtMost(0.05, warm, slow.length),
    };
  },
};

/** Seed 003's bands by day (1-based, inclusive): [from, to, low, high]. */
const BANDS: readonly (readonly [number, number, number, number])[] = [
  [1, 3, 20, 50],
  [4, 7, 50, 100],
  [8, 14, 100, 200],
];

/**
 * The same warm-up on an established cloud-api number of a verified TIER_10K portfolio, where no
 * enforcement can interrupt it: what the strategy itself sends each day.
 */
export function warmupOnly(): Record<string, unknown> {
  return { ...newWebSession(), name: 'warmup-schedule', portfolio: { verified: true, startTier: 'TIER_10K', numbers: [phone('cloud-api', 365)] }, strategies: ['warmup'] };
}

export const warmupFollowsSchedule: Fact = {
  id: 'warmup-follows-schedule',
  fact: "The warmup strategy's daily sends on a real run stay inside seed 003's bands: 20–50 a day on days 1–3, 50–100 on days 4–7, 100–200 on days 8–14",
  source: `${SEED_003} ("Warm-up schedule (community-tested starting point, not official guidance)")`,
  expected: 'every day of every run inside its band (attempts per simulated day, on an established cloud-api number nothing restricts)',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const slow = runsOf(await sweep(warmupOnly(), run), 'warmup');
    const outside: string[] = [];
    for (const r of slow) {
      const perDay = Array.from({ length: 14 }, (_, d) => r.series.attempted.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0));
      for (const [from, to, lo, hi] of BANDS) {
        for (let d = from; d <= to; d++) if (perDay[d - 1] < lo || perDay[d - 1] > hi) outside.push(`seed ${r.seed} day ${d}: ${perDay[d - 1]}`);
      }
    }
    const first = slow[0];
    const days = Array.from({ length: 14 }, (_, d) => first.series.attempted.slice(d * 24, d * 24 + 24).reduce((a, b) => a + b, 0));
    return {
      figure: `seed ${first.seed}: ${days.join(' ')}; ${outside.length} days outside their band${outside.length ? ` (${outside.slice(0, 3).join('; ')})` : ''}`,
      pass: outside.length === 0,
    };
  },
};
