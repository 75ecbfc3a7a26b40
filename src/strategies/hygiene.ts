/**
 * `hygiene`: contact-list hygiene — never message a recipient who opted out or blocked, skip the
 * unengaged, and keep the 30-day unanswered counter down.
 *
 * Rules:
 * - a recipient who sent STOP (inbound kind 'stop') is removed from every future send at once
 *   ("automated opt-out handling that removes the contact from future sends immediately");
 * - a recipient whose message failed with 131026 (undeliverable: blocked) is removed too;
 * - a recipient with `unengagedAfter` delivered messages and none read (and no message from them)
 *   is skipped ("removing contacts who stopped engaging");
 * - its own unanswered counter per number, from what it observes: a delivered business-initiated
 *   message (a template to someone who had not written in the last `serviceWindowHours`) with no
 *   message back within `replyWindowHours` counts for `keepDays` days; while the counter is at
 *   `pauseAt` or more, the number sends nothing new;
 * - daily volume: the campaign's dailyTarget over the sending window with jitter; no retries,
 *   except that a recipient refused "for now" (limit_reached, 131031, 133010) is kept for the
 *   next slot (the slots due now are given up); nothing from a number an `account_update`
 *   restricted, until its end or reinstatement.
 * Sources: seeds/003 (Layer 3 "Respecting STOP commands"; the 2026 unanswered-message counter:
 * no reply within 48 hours, rolling 30 days; list hygiene), community estimates; Meta error
 * codes page (131026), reported.
 */
import { DAY, HOUR } from '../engine/index.js';
import { ERROR_CODES } from '../model/codes.js';
import { META_ERROR_CODES, SEED_003 } from '../policy/sources.js';
import { numberFor } from './campaign-numbers.js';
import { createAccountWatch, notNow } from './account-watch.js';
import { createDailySender } from './daily-sender.js';
import { defineStrategy, integerParam, numberParam } from './define-strategy.js';
import { createUnansweredCounter } from './unanswered-counter.js';
import { sendingWindow, WINDOW_PARAMS } from './sending-window.js';

/** Opt-outs, blocks and the unengaged removed; pauses on its own unanswered counter. */
export const hygiene = defineStrategy({
  name: 'hygiene',
  description: 'Drops STOP and blocked recipients at once, skips the unengaged, and pauses a number while its own 30-day unanswered count is high',
  source: `${SEED_003} (STOP handling; 2026 unanswered-message counter; list hygiene); ${META_ERROR_CODES} (131026)`,
  params: {
    unengagedAfter: integerParam(3, 1, 1000, 'Delivered messages with none read after which a recipient is skipped'),
    pauseAt: integerParam(500, 1, 100_000_000, 'Own unanswered count at which a number stops sending (Meta\'s threshold is undisclosed)'),
    replyWindowHours: numberParam(48, 1, 720, 'A business-initiated message without a reply within this time is unanswered (seed 003)'),
    keepDays: numberParam(30, 1, 366, 'Days an unanswered message stays on the counter (seed 003)'),
    serviceWindowHours: numberParam(24, 1, 168, 'A template to someone who wrote within this time is not business-initiated (Meta customer-service window)'),
    ...WINDOW_PARAMS,
  },
  create(params) {
    const { unengagedAfter, pauseAt } = params;
    const serviceWindow = params.serviceWindowHours * HOUR;
    const counter = createUnansweredCounter(params.replyWindowHours * HOUR, params.keepDays * DAY);
    /** Removed for good: STOP or blocked. */
    const removed = new Set<number>();
    /** Per recipient: messages delivered, and whether any was read (or they wrote). */
    const delivered = new Map<number, number>();
    const engaged = new Set<number>();
    /** Last message from each recipient. */
    const lastInbound = new Map<number, number>();
    /** Business-initiated messages awaiting delivery, by id: the sending number. */
    const businessInitiated = new Map<number, string>();
    const next = new Map<number, number>();
    const watch = createAccountWatch();

    const skip = (r: number): boolean => removed.has(r) || (!engaged.has(r) && (delivered.get(r) ?? 0) >= unengagedAfter);

    const sender = createDailySender(sendingWindow(params), params.perSecond, {
      quota: (_api, c) => c.dailyTarget,
      fill(api, c, i) {
        const now = api.now();
        const paused = (n: string): boolean => counter.count(n, now) >= pauseAt;
        const single = c.numbers.length === 1;
        if (single && paused(c.number)) return 'wait';
        let r = next.get(i) ?? c.first;
        while (r < c.first + c.count && skip(r)) r++;
        if (r >= c.first + c.count) return 'done';
        if (single && watch.heldUntil(c.number) > now) return 'wait';
        // the recipient's number in the campaign's rotation, or the next one not paused or held
        const from = numberFor(c, r, (n) => paused(n) || watch.heldUntil(n) > now);
        if (from === undefined) return 'wait';
        const res = api.sendTemplate(from, r, c.template);
        if (!res.ok && notNow(res.code)) {
          next.set(i, r); // kept for the next slot
          return 'wait';
        }
        next.set(i, r + 1);
        if (res.ok && !((lastInbound.get(r) ?? -Infinity) > now - serviceWindow)) businessInitiated.set(res.messageId, from);
        return 'sent';
      },
    });

    return {
      onCampaignStart: (api, campaign) => sender.onCampaignStart(api, campaign),
      onWake: (api, tag) => void sender.onWake(api, tag),
      onStatus(_api, u) {
        if (u.status === 'read') return void engaged.add(u.to);
        const number = businessInitiated.get(u.messageId);
        businessInitiated.delete(u.messageId);
        if (u.status === 'failed') {
          if (u.code === ERROR_CODES.undeliverable) removed.add(u.to);
          return;
        }
        delivered.set(u.to, (delivered.get(u.to) ?? 0) + 1);
        if (number !== undefined) counter.delivered(number, u.to, u.at);
      },
      onWebhook: (_api, w) => watch.note(w),
      onInbound(_api, m) {
        lastInbound.set(m.from, m.at);
        engaged.add(m.from);
        if (m.kind === 'stop') removed.add(m.from);
        else counter.answered(m.from, m.at);
      },
    };
  },
});
