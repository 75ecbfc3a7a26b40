/**
 * `warmup`: seed 003's warm-up schedule for a new number (community-tested starting point, not
 * Meta guidance).
 *
 * Rules:
 * - day volume = min(campaign dailyTarget, schedule(day)), days counted from the campaign's first
 *   sending day (day 1). The schedule is seed 003's, as a piecewise-linear ramp through its band
 *   ends — 20 on day 1, 50 on day 3 ("Days 1–3: 20–50 messages per day"), 100 on day 7
 *   ("Days 4–7: scale to 50–100"), 200 on day 14 ("Days 8–14: move to 100–200") — then
 *   `growthAfter` more each day ("After day 14: scale gradually"). By default:
 *   20, 35, 50 | 62, 75, 87, 100 | 114, 128, 142, 157, 171, 185, 200 | 220, 242, …;
 * - known contacts first: recipients in index order, lowest first ("Known contacts only";
 *   "prioritize high-quality contacts");
 * - each day's sends spread over the daily sending window (default 09:00–17:00) at jittered
 *   times ("concentrate bulk sends within an 8-hour window"; "randomize delays between sends");
 * - no retries: a failed send is not repeated (see `backoff`), except that a recipient refused
 *   "for now" (limit_reached, 131031 account locked, 133010) is kept for the next slot and the
 *   slots due now are given up; nothing goes out from a number an `account_update` restricted
 *   (until its end or reinstatement).
 * Source: seeds/003_bb4d35adda67ac79.txt, "How to Warm Up a New WhatsApp Number" (warm-up
 * schedule) and Layer 2.
 */
import { SEED_003 } from '../policy/sources.js';
import { createAccountWatch } from './account-watch.js';
import { createDailySender, sendNextRecipient } from './daily-sender.js';
import { defineStrategy, integerParam, numberParam } from './define-strategy.js';
import { sendingWindow, WINDOW_PARAMS, createLocalWindowQueue } from './sending-window.js';
import { numberFor } from './campaign-numbers.js';

/** Seed 003's schedule: volumes at the ends of its bands, and the growth after the last one. */
export interface WarmupSchedule {
  /** Sends on day 1. */
  readonly startPerDay: number;
  /** Band ends as [day (1-based), sends that day], ascending days after day 1. */
  readonly knots: readonly (readonly [number, number])[];
  /** Daily growth (a fraction) after the last knot. */
  readonly growthAfter: number;
}

/** Seed 003's defaults: 20 on day 1, 50 on day 3, 100 on day 7, 200 on day 14, then +10% a day. */
export const SEED_003_SCHEDULE: WarmupSchedule = { startPerDay: 20, knots: [[3, 50], [7, 100], [14, 200]], growthAfter: 0.1 };

/**
 * The warm-up volume of campaign day `day` (0-based: day 0 is seed 003's "day 1"), capped at
 * `dailyTarget`: linear between the schedule's knots, then compound growth. Cost O(knots).
 * @example warmupVolume(0, SEED_003_SCHEDULE, 1e9) // 20
 * @example warmupVolume(6, SEED_003_SCHEDULE, 1e9) // 100 (seed 003's day 7)
 */
export function warmupVolume(day: number, s: WarmupSchedule, dailyTarget: number): number {
  const d = day + 1;
  let prevDay = 1;
  let prev = s.startPerDay;
  for (const [kDay, kVolume] of s.knots) {
    if (d <= kDay) return Math.min(dailyTarget, Math.floor(prev + ((kVolume - prev) * (d - prevDay)) / Math.max(1, kDay - prevDay)));
    prevDay = kDay;
    prev = kVolume;
  }
  return Math.min(dailyTarget, Math.floor(prev * (1 + s.growthAfter) ** (d - prevDay)));
}

/** Seed 003's warm-up schedule over a jittered daily window. */
export const warmup = defineStrategy({
  name: 'warmup',
  description: "Seed 003's warm-up schedule up to the daily target: 20→50 a day on days 1–3, 50→100 on days 4–7, 100→200 on days 8–14, then +10% a day; known contacts first, jittered over an 8-hour window",
  source: `${SEED_003} (warm-up schedule; known contacts first; 8-hour window; randomized delays)`,
  params: {
    startPerDay: integerParam(20, 1, 1_000_000, 'Sends on day 1 (seed 003: days 1–3, 20–50 a day)'),
    day3PerDay: integerParam(50, 1, 1_000_000, 'Sends on day 3, the end of the first band (seed 003: 20–50)'),
    day7PerDay: integerParam(100, 1, 1_000_000, 'Sends on day 7, the end of the second band (seed 003: days 4–7, 50–100)'),
    day14PerDay: integerParam(200, 1, 1_000_000, 'Sends on day 14, the end of the third band (seed 003: days 8–14, 100–200)'),
    growthAfter: numberParam(0.1, 0, 10, 'Daily growth after day 14 (seed 003: "scale gradually"; the rate is a guess)'),
    ...WINDOW_PARAMS,
  },
  create(params) {
    const schedule: WarmupSchedule = {
      startPerDay: params.startPerDay,
      knots: [[3, params.day3PerDay], [7, params.day7PerDay], [14, params.day14PerDay]],
      growthAfter: params.growthAfter,
    };
    /** Next recipient per campaign index. */
    const next = new Map<number, number>();
    const watch = createAccountWatch();
    const local = createLocalWindowQueue();
    const sender = createDailySender(sendingWindow(params), params.perSecond, {
      quota: (_api, c, day) => warmupVolume(day, schedule, c.dailyTarget),
      fill: (api, c, i) => sendNextRecipient(api, c, i, next, (r) => numberFor(c, r, (n) => watch.heldUntil(n) > api.now()), local),
    });
    return {
      onCampaignStart: (api, campaign) => sender.onCampaignStart(api, campaign),
      onWake: (api, tag) => void sender.onWake(api, tag),
      onWebhook: (_api, w) => watch.note(w),
    };
  },
});
