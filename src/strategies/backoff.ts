/**
 * `backoff`: the daily target spread over the sending window, with failed sends retried on an
 * exponential backoff with jitter — and some never retried.
 *
 * Rules:
 * - fresh sends: the campaign's dailyTarget a day, jittered over the sending window;
 * - 131056 (pair rate): retry that pair after 4^X seconds, X = 0, 1, 2, … counted per
 *   (number, recipient) and reset by a success (seed 002, documented: 1, 4, 16, 64 s);
 * - 130429 (throughput), 131031 (account locked), 133010 (not registered): the number backs off —
 *   nothing from it, fresh or retried, for baseSeconds × 2^k × (1 + jitter·u) with k counted per
 *   number, reset by a success; an `account_update` restricting a number holds it until the
 *   restriction's end (or the update that reinstates it);
 * - limit_reached: retried only after `limitRetryMinutes` (next hour): the moving 24-hour window
 *   cannot free capacity faster, and fresh sends wait as long;
 * - 132015 (template paused, or a paced message dropped): the template rests at least
 *   `pausedRetryMinutes`, never a retry loop;
 * - never retried: 131049 (per-user marketing cap — retrying it in a loop is flagged, seed 000),
 *   131026 (undeliverable / blocked), 131047 (outside the service window), 132016 (template
 *   disabled), 100 (invalid parameter);
 * - anything else: baseSeconds × 2^(attempt − 1) × (1 + jitter·u), at most maxDelaySeconds;
 * - failed status webhooks are handled like synchronous failures; a recipient is given up after
 *   `maxAttempts` attempts in all.
 * u is drawn from the strategy's own stream (`api.rng`).
 * Sources: seeds/002 (4^X on 131056; "retry with exponential backoff and jitter"); seeds/000
 * (131049 retry loops are aggressive behaviour); Meta error codes page, documented.
 */
import { MINUTE, SECOND } from '../engine/index.js';
import { ERROR_CODES, type ErrorCode } from '../model/codes.js';
import type { SenderApi, SendResponse } from '../model/observable.js';
import { META_ERROR_CODES, SEED_000, SEED_002 } from '../policy/sources.js';
import { accountEffect, createAccountWatch } from './account-watch.js';
import { createDailySender } from './daily-sender.js';
import { defineStrategy, integerParam, numberParam } from './define-strategy.js';
import { sendingWindow, WINDOW_PARAMS } from './sending-window.js';

/** Codes a retry cannot fix, or must not be retried for (131049: seed 000). */
export const NEVER_RETRY: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  ERROR_CODES.marketingCap,
  ERROR_CODES.undeliverable,
  ERROR_CODES.reEngagement,
  ERROR_CODES.templateDisabled,
  ERROR_CODES.invalidParameter,
]);

/** One recipient of one campaign, with the attempts made so far. */
interface Attempt {
  readonly campaign: number;
  readonly recipient: number;
  attempts: number;
  due: number;
}

/** Exponential backoff with jitter; 4^X on 131056; no retry of 131049. */
export const backoff = defineStrategy({
  name: 'backoff',
  description: 'Daily target over the sending window; retries with exponential backoff and jitter, 4^X s on 131056, next hour on limit_reached, never 131049',
  source: `${SEED_002} (4^X on 131056; backoff with jitter); ${SEED_000} (131049 loops); ${META_ERROR_CODES}`,
  params: {
    maxAttempts: integerParam(8, 1, 100, 'Attempts per recipient before giving up (the first one included)'),
    baseSeconds: numberParam(2, 0.001, 86_400, 'First backoff step for 130429 and other retryable failures'),
    maxDelaySeconds: numberParam(3600, 1, 604_800, 'Longest exponential backoff step (before jitter)'),
    jitter: numberParam(0.5, 0, 1, 'Each step is stretched by a uniform factor in [1, 1 + jitter]'),
    limitRetryMinutes: numberParam(60, 1, 1440, 'Wait after limit_reached before any business-initiated send (next hour)'),
    pausedRetryMinutes: numberParam(60, 1, 1440, 'Least wait after 132015 before sending that template again'),
    ...WINDOW_PARAMS,
  },
  create(params) {
    const { maxAttempts, jitter, perSecond } = params;
    const base = params.baseSeconds * SECOND;
    const maxDelay = params.maxDelaySeconds * SECOND;
    const next = new Map<number, number>();
    /** 131056 exponent per "number:recipient"; 130429 exponent per number. */
    const pairX = new Map<string, number>();
    const numberK = new Map<string, number>();
    /** Times until which nothing goes out: 'limit', 'n:<number>', 't:<template>'. */
    const holds = new Map<string, number>();
    /** Accepted messages awaiting a status, by message id. */
    const inFlight = new Map<number, Attempt>();
    const watch = createAccountWatch();
    /** Retries, sorted by due time (ties in insertion order). */
    const queue: Attempt[] = [];
    let retrySeq = 0;
    let retryWake = Infinity;

    const heldUntil = (api: SenderApi, campaign: number): number => {
      const c = api.campaigns()[campaign];
      return Math.max(holds.get('limit') ?? 0, holds.get(`n:${c.number}`) ?? 0, holds.get(`t:${c.template}`) ?? 0, watch.heldUntil(c.number));
    };
    const stretched = (ms: number, api: SenderApi): number => Math.round(ms * (1 + jitter * api.rng.next()));
    const exponential = (k: number, api: SenderApi): number => stretched(Math.min(maxDelay, base * 2 ** k), api);

    const enqueue = (api: SenderApi, a: Attempt, at: number): void => {
      const due = Math.ceil(at); // whole ms: the host rounds wake-up times, and a due time past the wake-up would never be reached
      a.due = due;
      let lo = 0;
      let hi = queue.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (queue[mid].due <= due) lo = mid + 1;
        else hi = mid;
      }
      queue.splice(lo, 0, a);
      if (due < retryWake && Number.isFinite(due)) {
        retryWake = due;
        api.wakeAt(due, `retry:${++retrySeq}`);
      }
    };

    const failed = (api: SenderApi, a: Attempt, code: ErrorCode): void => {
      if (NEVER_RETRY.has(code) || a.attempts >= maxAttempts) return;
      const now = api.now();
      const c = api.campaigns()[a.campaign];
      let delay: number;
      if (code === ERROR_CODES.pairRate) {
        const key = `${c.number}:${a.recipient}`;
        const x = pairX.get(key) ?? 0;
        pairX.set(key, x + 1);
        delay = 4 ** x * SECOND; // seed 002: 4^X seconds, documented
      } else if (code === ERROR_CODES.throughput || code === ERROR_CODES.accountLocked || code === ERROR_CODES.notRegistered) {
        const k = numberK.get(c.number) ?? 0;
        numberK.set(c.number, k + 1);
        delay = exponential(k, api);
        holds.set(`n:${c.number}`, now + delay);
      } else if (code === ERROR_CODES.limitReached) {
        delay = params.limitRetryMinutes * MINUTE;
        holds.set('limit', now + delay);
      } else if (code === ERROR_CODES.templatePaused) {
        delay = Math.max(params.pausedRetryMinutes * MINUTE, exponential(a.attempts - 1, api));
        holds.set(`t:${c.template}`, now + delay);
      } else delay = exponential(a.attempts - 1, api);
      enqueue(api, a, now + delay);
    };

    const attempt = (api: SenderApi, a: Attempt): void => {
      const c = api.campaigns()[a.campaign];
      a.attempts++;
      const res: SendResponse = api.sendTemplate(c.number, a.recipient, c.template);
      if (!res.ok) return failed(api, a, res.code);
      pairX.delete(`${c.number}:${a.recipient}`);
      numberK.delete(c.number);
      inFlight.set(res.messageId, a);
    };

    const retryDue = (api: SenderApi): void => {
      const now = api.now();
      let used = 0;
      while (queue.length && queue[0].due <= now && used < perSecond) {
        const a = queue.shift()!;
        const until = heldUntil(api, a.campaign);
        if (until > now) enqueue(api, a, until);
        else {
          attempt(api, a);
          used++;
        }
      }
      retryWake = Infinity;
      if (queue.length && Number.isFinite(queue[0].due)) {
        retryWake = queue[0].due <= now ? now + SECOND : queue[0].due;
        api.wakeAt(retryWake, `retry:${++retrySeq}`);
      }
    };

    const sender = createDailySender(sendingWindow(params), perSecond, {
      quota: (_api, c) => c.dailyTarget,
      fill(api, c, i) {
        const r = next.get(i) ?? c.first;
        if (r >= c.first + c.count) return 'done';
        if (heldUntil(api, i) > api.now()) return 'wait';
        next.set(i, r + 1);
        attempt(api, { campaign: i, recipient: r, attempts: 0, due: api.now() });
        return 'sent';
      },
    });

    return {
      onCampaignStart: (api, campaign) => sender.onCampaignStart(api, campaign),
      onWake(api, tag) {
        if (sender.onWake(api, tag)) return;
        if (tag === `retry:${retrySeq}`) retryDue(api);
      },
      onWebhook(api, w) {
        watch.note(w);
        if (w.kind === 'account_update' && accountEffect(w.event) === 'resume') {
          const parked = queue.filter((a) => !Number.isFinite(a.due));
          queue.splice(queue.length - parked.length, parked.length);
          for (const a of parked) enqueue(api, a, api.now());
        }
      },
      onStatus(api, u) {
        if (u.status === 'read') return;
        const a = inFlight.get(u.messageId);
        if (!a) return;
        inFlight.delete(u.messageId);
        if (u.status === 'failed' && u.code !== undefined) failed(api, a, u.code);
      },
    };
  },
});
