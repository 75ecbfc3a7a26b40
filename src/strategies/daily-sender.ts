/**
 * The daily slot planner behind `warmup`, `tier-aware`, `multi-number`, `backoff` and `hygiene`:
 *
 *   window opens (day wake) ──▶ quota(day) slots at jittered times across the window (seed 003)
 *        │                         │
 *        │                         ▼
 *        │                  slot wake: fill() each due slot — 'sent' | 'wait' (give up the
 *        │                  slots due now) | 'done' (campaign exhausted: no more days)
 *        ▼
 *   next window opens ──▶ quota(day + 1) …
 *
 * The event queue holds at most two wake-ups per campaign (the next window, the next slot):
 * slots closer together than a minute share one wake-up, and at most `perSecond` slots are
 * filled per wake-up (the rest one second later). Seed 003 is the source of the window and the
 * jitter; the coalescing minute is an implementation bound on events, not a model number.
 */
import { MINUTE, SECOND } from '../engine/time.js';
import type { CampaignView, SenderApi } from '../model/observable.js';
import { notNow } from './account-watch.js';
import { spreadTimes, windowDay, windowOf, type LocalWindowQueue, type SendingWindow } from './sending-window.js';

/** What filling one slot came to. */
export type SlotOutcome = 'sent' | 'wait' | 'done';

/** What a strategy decides; the planner decides when. */
export interface DailySenderHooks {
  /** Slots (new recipients) to plan for the campaign's day `day` (0 = its first sending day). */
  quota(api: SenderApi, campaign: CampaignView, day: number): number;
  /** Uses one slot of campaign number `index` (its position in `api.campaigns()`). */
  fill(api: SenderApi, campaign: CampaignView, index: number): SlotOutcome;
}

/**
 * Fills one slot with campaign `index`'s next recipient (kept in `cursor`), sent from the number
 * `from(recipient)` picks: 'done' when the list is used up; 'wait' when no number may send now or the send
 * failed for a reason that passes (the recipient is kept for the next slot); else 'sent'. With
 * `local` and a campaign with a local window, a recipient goes out only inside its local window
 * (sending-window.ts LocalWindowQueue).
 * @example fill: (api, c, i) => sendNextRecipient(api, c, i, next, () => c.number)
 */
export function sendNextRecipient(api: SenderApi, campaign: CampaignView, index: number, cursor: Map<number, number>, from: (recipient: number) => string | undefined, local?: LocalWindowQueue): SlotOutcome {
  const end = campaign.first + campaign.count;
  if (campaign.localWindow !== undefined && local) {
    // issue 22: only inside the recipient's local window; the others wait in their offset's queue
    const nextInList = (): number => {
      const x = cursor.get(index) ?? campaign.first;
      if (x >= end) return -1;
      cursor.set(index, x + 1);
      return x;
    };
    const r = local.take(api, campaign, index, nextInList);
    if (r === -2) return 'done';
    if (r === -1) return 'wait';
    const number = from(r);
    const res = number === undefined ? undefined : api.sendTemplate(number, r, campaign.template);
    if (res === undefined || (!res.ok && notNow(res.code))) {
      local.putBack(api, index, r);
      return 'wait';
    }
    return 'sent';
  }
  const r = cursor.get(index) ?? campaign.first;
  if (r >= end) return 'done';
  const number = from(r);
  if (number === undefined) return 'wait';
  const res = api.sendTemplate(number, r, campaign.template);
  if (!res.ok && notNow(res.code)) return 'wait';
  cursor.set(index, r + 1);
  return 'sent';
}

/** The planner's handlers and controls. */
export interface DailySender {
  onCampaignStart(api: SenderApi, campaign: CampaignView): void;
  /** Handles a wake-up the planner scheduled; false for a tag it does not own. */
  onWake(api: SenderApi, tag: string): boolean;
  /** Re-plans today's window of campaign `index` to `quota` slots in all (used ones included). */
  setTodayQuota(api: SenderApi, index: number, quota: number): void;
  /** Indices of the campaigns started and not yet exhausted. */
  running(): number[];
}

interface Plan {
  day: number;
  times: number[];
  at: number;
  windowEnd: number;
  done: boolean;
  /** Sequence of the pending slot wake-up (older ones are stale). */
  slotSeq: number;
}

/** Slots this close share one wake-up (bounds the events per day; see the header). */
const COALESCE = MINUTE;

/**
 * Creates a slot planner with the window `w`, filling at most `perSecond` slots per second.
 * Wake-up tags start with `day:` and `slot:`; a strategy routes other tags itself.
 * @example const sender = createDailySender({ startHour: 9, hours: 8 }, 20, { quota: () => 30, fill: … });
 */
export function createDailySender(w: SendingWindow, perSecond: number, hooks: DailySenderHooks): DailySender {
  const plans = new Map<number, Plan>();

  const scheduleSlot = (api: SenderApi, i: number, p: Plan, earliest: number): void => {
    if (p.at >= p.times.length) return;
    p.slotSeq++;
    api.wakeAt(Math.max(p.times[p.at], earliest), `slot:${i}:${p.slotSeq}`);
  };

  const planDay = (api: SenderApi, i: number, p: Plan): void => {
    const now = api.now();
    const day = windowDay(now, w);
    const end = windowOf(day, w).end;
    const quota = Math.max(0, Math.floor(hooks.quota(api, api.campaigns()[i], p.day)));
    p.day++;
    p.times = spreadTimes(api.rng, now, end, Number.isFinite(quota) ? quota : 0);
    p.at = 0;
    p.windowEnd = end;
    if (p.done) return;
    api.wakeAt(windowOf(day + 1, w).start, `day:${i}`);
    scheduleSlot(api, i, p, now);
  };

  const fillDue = (api: SenderApi, i: number, p: Plan): void => {
    const now = api.now();
    const campaign = api.campaigns()[i];
    let used = 0;
    while (p.at < p.times.length && p.times[p.at] <= now && used < perSecond) {
      p.at++;
      const outcome = hooks.fill(api, campaign, i);
      if (outcome === 'done') {
        p.done = true;
        p.times = [];
        p.at = 0;
        return;
      }
      if (outcome === 'wait') {
        while (p.at < p.times.length && p.times[p.at] <= now) p.at++;
        break;
      }
      used++;
    }
    const next = p.at < p.times.length ? p.times[p.at] : Infinity;
    scheduleSlot(api, i, p, next <= now ? now + SECOND : now + COALESCE);
  };

  return {
    onCampaignStart(api, campaign) {
      const i = api.campaigns().findIndex((c) => c.id === campaign.id);
      const p: Plan = { day: 0, times: [], at: 0, windowEnd: 0, done: false, slotSeq: 0 };
      plans.set(i, p);
      const now = api.now();
      const start = windowOf(windowDay(now, w), w).start;
      if (now >= start) planDay(api, i, p);
      else api.wakeAt(start, `day:${i}`);
    },
    onWake(api, tag) {
      const [kind, index, seq] = tag.split(':');
      const p = plans.get(Number(index));
      if (!p || (kind !== 'day' && kind !== 'slot')) return false;
      if (kind === 'day' && !p.done) planDay(api, Number(index), p);
      if (kind === 'slot' && Number(seq) === p.slotSeq && !p.done) fillDue(api, Number(index), p);
      return true;
    },
    setTodayQuota(api, index, quota) {
      const p = plans.get(index);
      const now = api.now();
      if (!p || p.done || p.windowEnd <= now) return;
      const want = Math.max(p.at, Number.isFinite(quota) ? Math.floor(quota) : p.times.length);
      if (want === p.times.length) return;
      if (want < p.times.length) p.times.length = want;
      else {
        const extra = spreadTimes(api.rng, now, p.windowEnd, want - p.times.length);
        p.times = [...p.times.slice(0, p.at), ...[...p.times.slice(p.at), ...extra].sort((a, b) => a - b)];
      }
      scheduleSlot(api, index, p, now);
    },
    running: () => [...plans.entries()].filter(([, p]) => !p.done).map(([i]) => i),
  };
}
