/**
 * `multi-number`: balances a campaign's sends round-robin across every number of the portfolio,
 * and isolates a number whose quality drops.
 *
 * Rules:
 * - each send goes from the next number in `api.numbers()` order that is not isolated (the
 *   campaign's own number is just one of them: templates belong to the account, not a number);
 * - a number is isolated — no new sends from it — from a `phone_number_quality_update` (or a GET
 *   phone-number `quality_rating`, read when each window opens) saying YELLOW or RED until one
 *   says GREEN again; also from an `account_update` restricting, disconnecting, banning or
 *   reviewing it until the restriction ends or the update that reinstates or reconnects it;
 * - when every number is isolated the slots due are given up (sending resumes when one is back);
 * - daily volume: the campaign's dailyTarget, spread over the sending window with jitter; no
 *   retries, except that a recipient refused "for now" (limit_reached, 131031, 133010) is kept
 *   for the next slot (the slots due now are given up).
 * Sources: seeds/003 ("load-balancing the same daily volume across multiple numbers"; "check your
 * Quality Rating before expanding"); seeds/002 (quality webhook and phone-number fields);
 * Meta "Messaging limits" (quality rating), documented.
 */
import type { CampaignView, QualityRating, SenderApi } from '../model/observable.js';
import { rotate } from './campaign-numbers.js';
import { META_MESSAGING_LIMITS, SEED_002, SEED_003 } from '../policy/sources.js';
import { createAccountWatch } from './account-watch.js';
import { createDailySender, sendNextRecipient } from './daily-sender.js';
import { booleanParam, defineStrategy } from './define-strategy.js';
import { createLocalWindowQueue, sendingWindow, WINDOW_PARAMS } from './sending-window.js';

/** Round-robin over the portfolio's numbers, skipping any whose quality or account is not clear. */
export const multiNumber = defineStrategy({
  name: 'multi-number',
  description: 'Balances sends round-robin over all numbers; a number rated YELLOW or RED (or restricted) gets no new sends until it is GREEN (or reinstated)',
  source: `${SEED_003} (load-balancing across numbers; quality before scaling); ${SEED_002} (quality webhook, phone-number fields); ${META_MESSAGING_LIMITS}`,
  params: {
    poll: booleanParam(true, 'GET every number when a window opens to read its quality_rating (one Graph API request each)'),
    ...WINDOW_PARAMS,
  },
  create(params) {
    /** Numbers isolated for quality, and for an account action. */
    const lowQuality = new Set<string>();
    const watch = createAccountWatch();
    let turn = 0;
    const next = new Map<number, number>();

    const rate = (number: string, rating: QualityRating | undefined): void => {
      if (rating === 'YELLOW' || rating === 'RED') lowQuality.add(number);
      else if (rating === 'GREEN') lowQuality.delete(number);
    };
    const allIds = new Map<SenderApi, readonly string[]>();
    const pick = (api: SenderApi, c: CampaignView): string | undefined => {
      // a campaign naming several numbers rotates over those; else over the whole portfolio
      let ids = c.numbers.length > 1 ? c.numbers : allIds.get(api);
      if (!ids) allIds.set(api, (ids = api.numbers().map((n) => n.id)));
      const i = rotate(ids, turn % ids.length, (n) => lowQuality.has(n) || watch.heldUntil(n) > api.now());
      if (i < 0) return undefined;
      turn = (i + 1) % ids.length;
      return ids[i];
    };
    const local = createLocalWindowQueue();

    const sender = createDailySender(sendingWindow(params), params.perSecond, {
      quota(api, c) {
        if (params.poll) {
          for (const n of api.numbers()) {
            const r = api.getPhoneNumber(n.id);
            if (r.ok) rate(n.id, r.data.quality_rating);
          }
        }
        return c.dailyTarget;
      },
      fill: (api, c, i) => sendNextRecipient(api, c, i, next, () => pick(api, c), local),
    });

    return {
      onCampaignStart: (api, campaign) => sender.onCampaignStart(api, campaign),
      onWake: (api, tag) => void sender.onWake(api, tag),
      onWebhook(_api, w) {
        if (w.kind === 'phone_number_quality_update') rate(w.number, w.currentQualityRating);
        watch.note(w);
      },
    };
  },
});
