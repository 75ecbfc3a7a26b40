/** The coexistence app-open rule (MODEL.md §5, §11 row 7). */
import { count, type Fact, fmt, ofRuns, runsOf, sweep } from '../fact.js';
import { optedInList, phone, template } from '../lists.js';

/** A coexistence shop sends a weekly utility digest to 1,000 customers for 30 days; variants: how often its app is opened. */
export function appOpen(): Record<string, unknown> {
  return {
    name: 'coexistence-app-open',
    policy: 'meta-2025-10',
    horizonDays: 30,
    portfolio: { verified: true, startTier: 'TIER_2K', numbers: [phone('coexistence', 300, { appOpen: { everyDays: 13, jitterHours: 0 } })] },
    templates: [template('digest', 'utility')],
    audience: { segments: [optedInList(1000, { replyProbability: 0.25, blockProbability: 0.002, inboundPerDay: 0.05 })] },
    campaigns: [0, 1, 2, 3, 4].map((k) => ({ id: `week-${k + 1}`, template: 'digest', segment: 'list', startHour: 10 + 168 * k })),
    strategies: [{ name: 'blast', params: { perSecond: 15 } }],
    variants: [
      { name: 'app never opened', patch: { '/portfolio/numbers/0/appOpen': 'never' } },
      { name: 'app every 13 days', patch: { '/portfolio/numbers/0/appOpen': { everyDays: 13, jitterHours: 0 } } },
    ],
  };
}

export const coexistenceAppOpen: Fact = {
  id: 'coexistence-app-open',
  fact: 'A coexistence number whose app is not opened for 14 days is disconnected; opened every 13 days, never',
  source: 'MODEL.md §11 row 7, §5; seeds/000_ac09f1fd974468da.txt (the app must be opened at least every 14 days)',
  expected: 'never opened: disconnected on day 14 (±0.1) in every run; every 13 days: 0 disconnections in every 30-day run',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const results = await sweep(appOpen(), run);
    const never = runsOf(results, 'blast', 'app never opened');
    const often = runsOf(results, 'blast', 'app every 13 days');
    const firstDisconnect = (r: (typeof never)[number]): number | undefined => r.summary.enforcements.find((e) => e.kind === 'disconnect')?.startDay;
    const onDay14 = count(never, (r) => Math.abs((firstDisconnect(r) ?? -1) - 14) <= 0.1);
    const disconnected = count(often, (r) => firstDisconnect(r) !== undefined);
    const n = never.length;
    const day = firstDisconnect(never[0]);
    return {
      figure: `never opened: disconnected on day 14 in ${ofRuns(onDay14, n)} (seed ${never[0].seed}: day ${day === undefined ? '–' : fmt(day, 2)}); every 13 days: disconnected in ${ofRuns(disconnected, n)}`,
      pass: onDay14 === n && disconnected === 0,
    };
  },
};
