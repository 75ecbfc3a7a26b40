/**
 * `tier-aware`: sends each day no more new recipients than a safety fraction of the current
 * messaging limit, spread evenly over the day's sending hours.
 *
 * Rules:
 * - the limit is read from GET phone-number `whatsapp_business_manager_messaging_limit` when a
 *   window opens (one Graph API request a campaign a day) and updated from
 *   `business_capability_update` (`max_daily_conversations_per_business`, legacy
 *   `max_daily_conversation_per_phone`) and `phone_number_quality_update.current_limit` webhooks;
 *   until it knows, it assumes `assumedLimit` (250, the documented start);
 * - daily new recipients = min(dailyTarget, ⌊fraction × limit⌋), shared equally by the campaigns
 *   running at once (under the 2025-10 rules the limit is the portfolio's); a webhook mid-day
 *   re-plans the rest of the day;
 * - the limit counts unique users in a moving 24 hours, so sending at the same hours every day
 *   frees capacity as fast as it is used;
 * - a send answered `limit_reached` is never retried at once: that recipient waits for the next
 *   slot, and the other slots due now are given up (likewise 131031 account locked and 133010);
 *   nothing goes out from a number an `account_update` restricted, until its end or
 *   reinstatement. Other failures are not retried.
 * Sources: Meta "Messaging limits" (moving 24 h, tiers, webhooks), documented; seeds/002 (tier
 * names and limit fields); seeds/003 (the 8-hour window and jitter).
 */
import type { CampaignView, SenderApi, Strategy, Webhook } from '../model/observable.js';
import type { StrategyParamValues } from './types.js';
import { numberFor } from './campaign-numbers.js';
import { META_MESSAGING_LIMITS, SEED_002, SEED_003 } from '../policy/sources.js';
import { createAccountWatch, notNow } from './account-watch.js';
import { createDailySender } from './daily-sender.js';
import { booleanParam, defineStrategy, integerParam, numberParam } from './define-strategy.js';
import { createLocalWindowQueue, sendingWindow, WINDOW_PARAMS } from './sending-window.js';
import { tierLimit } from './tier-limit.js';

/** tier-aware's parameters (engaged-first declares them too). */
export const TIER_AWARE_PARAMS = {
  fraction: numberParam(0.9, 0.01, 1, 'Share of the messaging limit used per day'),
  assumedLimit: integerParam(250, 1, 1_000_000_000, 'Limit assumed until one is read (Meta: a new portfolio starts at 250)'),
  poll: booleanParam(true, 'GET the phone number when each window opens (one Graph API request)'),
  ...WINDOW_PARAMS,
};

/** Sends a day under `fraction` × the messaging limit, the daily target and the limit reading. */
export const tierAware = defineStrategy({
  name: 'tier-aware',
  description: 'Each day sends min(daily target, 90% of the current messaging limit) new recipients spread over the sending window; limit_reached waits for the next slot',
  source: `${META_MESSAGING_LIMITS}; ${SEED_002} (tiers, limit fields); ${SEED_003} (window)`,
  params: TIER_AWARE_PARAMS,
  create: (params) => createTierAware(params),
});

/**
 * A tier-aware strategy instance. A campaign's recipients go in list order, or in the order
 * `order(api, campaign)` gives (recipient indices; engaged-first.ts), each from its number in the
 * campaign's rotation (campaign-numbers.ts), and only inside its local window when the campaign
 * has one (sending-window.ts LocalWindowQueue).
 */
export function createTierAware(params: StrategyParamValues<typeof TIER_AWARE_PARAMS>, order?: (api: SenderApi, campaign: CampaignView) => Int32Array): Strategy {
  const { fraction } = params;
  /** Limits by number id, and the portfolio's. */
  const limits = new Map<string, number>();
  let portfolio = params.assumedLimit;
  const limitOf = (number: string): number => limits.get(number) ?? portfolio;
  /** Position in each campaign's list (or order) of its next new recipient. */
  const next = new Map<number, number>();
  const orders = new Map<number, Int32Array>();
  const local = createLocalWindowQueue();
  const nextInList = (api: SenderApi, c: CampaignView, i: number): number => {
    let list = orders.get(i);
    if (order && !list) orders.set(i, (list = order(api, c)));
    const p = next.get(i) ?? 0;
    if (p >= (list ? list.length : c.count)) return -1;
    next.set(i, p + 1);
    return list ? list[p] : c.first + p;
  };
  /** Recipients refused "for now" (limit_reached, …), per campaign: sent first at the next slot. */
  const waiting = new Map<number, number[]>();
  const watch = createAccountWatch();

  const dailyNew = (campaignTarget: number, number: string, running: number): number =>
    Math.min(campaignTarget, Math.floor((fraction * limitOf(number)) / Math.max(1, running)));

  const sender = createDailySender(sendingWindow(params), params.perSecond, {
    quota(api, c) {
      if (params.poll) {
        const r = api.getPhoneNumber(c.number);
        const limit = r.ok ? tierLimit(r.data.whatsapp_business_manager_messaging_limit) : undefined;
        if (limit !== undefined) limits.set(c.number, limit);
      }
      return dailyNew(c.dailyTarget, c.number, sender.running().length);
    },
    fill(api, c, i) {
      const single = c.numbers.length === 1;
      if (single && watch.heldUntil(c.number) > api.now()) return 'wait';
      const queue = waiting.get(i) ?? [];
      let r: number;
      if (queue.length && (c.localWindow === undefined || api.inLocalWindow(c, queue[0]))) r = queue.shift()!;
      else if (c.localWindow !== undefined) {
        r = local.take(api, c, i, () => nextInList(api, c, i));
        if (r === -2 && queue.length === 0) return 'done';
        if (r < 0) return 'wait';
      } else {
        r = nextInList(api, c, i);
        if (r < 0) return 'done';
      }
      const from = single ? c.number : numberFor(c, r, (n) => watch.heldUntil(n) > api.now());
      if (from === undefined) {
        queue.unshift(r);
        waiting.set(i, queue);
        return 'wait';
      }
      const res = api.sendTemplate(from, r, c.template);
      if (!res.ok && notNow(res.code)) {
        queue.unshift(r);
        waiting.set(i, queue);
        return 'wait';
      }
      return 'sent';
    },
  });

  const replan = (api: SenderApi): void => {
    const running = sender.running();
    for (const i of running) {
      const c = api.campaigns()[i];
      sender.setTodayQuota(api, i, dailyNew(c.dailyTarget, c.number, running.length));
    }
  };

  const onLimit = (w: Webhook): boolean => {
    if (w.kind === 'business_capability_update') {
      const perBusiness = tierLimit(w.maxDailyConversationsPerBusiness);
      const perPhone = tierLimit(w.maxDailyConversationPerPhone);
      if (perBusiness !== undefined) {
        portfolio = perBusiness;
        limits.clear();
      }
      if (perPhone !== undefined && w.number !== undefined) limits.set(w.number, perPhone);
      return perBusiness !== undefined || perPhone !== undefined;
    }
    if (w.kind === 'phone_number_quality_update') {
      const limit = tierLimit(w.currentLimit);
      if (limit === undefined || limit === limits.get(w.number)) return false;
      limits.set(w.number, limit);
      return true;
    }
    return false;
  };

  return {
    onCampaignStart: (api, campaign) => sender.onCampaignStart(api, campaign),
    onWake: (api, tag) => void sender.onWake(api, tag),
    onWebhook(api, w) {
      watch.note(w);
      if (onLimit(w)) replan(api);
    },
  };
}
