/**
 * `warmup`: seed 003's warm-up ramp for a new number (community-tested starting point, not Meta
 * guidance).
 *
 * Rules:
 * - day volume = min(campaign dailyTarget, startPerDay × 2^⌊day / doubleEveryDays⌋), days counted
 *   from the campaign's first sending day — 30, 30, 30, 60, 60, 60, 120, … by default
 *   ("start at 20–50 messages per day and roughly double capacity every 3 days");
 * - known contacts first: recipients in index order, lowest first ("during the warm-up window,
 *   prioritize high-quality contacts");
 * - each day's sends spread over the daily sending window (default 09:00–17:00) at jittered
 *   times ("concentrate bulk sends within an 8-hour window"; "randomize delays between sends");
 * - no retries: a failed send is not repeated (see `backoff`), except that a recipient refused
 *   "for now" (limit_reached, 131031 account locked, 133010) is kept for the next slot and the
 *   slots due now are given up; nothing goes out from a number an `account_update` restricted
 *   (until its end or reinstatement).
 * Source: seeds/003_bb4d35adda67ac79.txt, "How to Warm Up a New WhatsApp Number" and Layer 2.
 */
import { SEED_003 } from '../policy/sources.js';
import { createAccountWatch } from './account-watch.js';
import { createDailySender, sendNextRecipient } from './daily-sender.js';
import { sendingWindow, WINDOW_PARAMS } from './sending-window.js';
import type { StrategyDefinition } from './types.js';

/**
 * The warm-up volume of campaign day `day` (0-based), capped at `dailyTarget`.
 * @example warmupVolume(3, 30, 3, 1000) // 60
 */
export function warmupVolume(day: number, startPerDay: number, doubleEveryDays: number, dailyTarget: number): number {
  return Math.min(dailyTarget, startPerDay * 2 ** Math.floor(day / doubleEveryDays));
}

/** Seed 003's warm-up ramp over a jittered daily window. */
export const warmup: StrategyDefinition = {
  name: 'warmup',
  description: 'Warm-up ramp: 30 sends a day doubling every 3 days up to the daily target, known contacts first, jittered over an 8-hour window',
  source: `${SEED_003} (warm-up schedule; 8-hour window; randomized delays)`,
  params: {
    startPerDay: { type: 'integer', default: 30, min: 1, max: 1_000_000, description: 'Sends on each of the first days (seed 003: 20–50)' },
    doubleEveryDays: { type: 'integer', default: 3, min: 1, max: 365, description: 'Days between doublings (seed 003: roughly every 3 days)' },
    ...WINDOW_PARAMS,
  },
  create(params) {
    const startPerDay = Number(params.startPerDay);
    const doubleEveryDays = Number(params.doubleEveryDays);
    /** Next recipient per campaign index. */
    const next = new Map<number, number>();
    const watch = createAccountWatch();
    const sender = createDailySender(sendingWindow(params), Number(params.perSecond), {
      quota: (_api, c, day) => warmupVolume(day, startPerDay, doubleEveryDays, c.dailyTarget),
      fill: (api, c, i) => sendNextRecipient(api, c, i, next, () => (watch.heldUntil(c.number) > api.now() ? undefined : c.number)),
    });
    return {
      onCampaignStart: (api, campaign) => sender.onCampaignStart(api, campaign),
      onWake: (api, tag) => void sender.onWake(api, tag),
      onWebhook: (_api, w) => watch.note(w),
    };
  },
};
