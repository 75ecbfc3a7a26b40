/**
 * The daily sending window and jittered spacing the paced built-ins share (seed 003, community
 * estimates): "concentrate bulk sends within an 8-hour window per day" and "randomize delays
 * between sends — a fixed interval is a documented automation detection signal".
 * Simulated time 0 is the scenario's `start` (by default midnight UTC), so hour `h` of day `d`
 * is `d·DAY + h·HOUR`. Times are simulated milliseconds.
 */
import type { Rng } from '../engine/rng.js';
import { DAY, HOUR } from '../engine/time.js';
import type { CampaignView, SenderApi } from '../model/observable.js';
import { integerParam, numberParam } from './define-strategy.js';
import type { StrategyParamValues } from './types.js';

/** The window parameters every paced built-in declares (shown by `wabasim list strategies`). */
export const WINDOW_PARAMS = {
  windowStartHour: numberParam(9, 0, 23, 'Hour of the day (from the run start) the daily sending window opens'),
  windowHours: numberParam(8, 1, 24, 'Length of the daily sending window in hours (seed 003: about 8)'),
  perSecond: integerParam(20, 1, 1000, 'Most sends in one simulated second (stays under the 80 MPS throughput)'),
};

/** A daily window: opens at `startHour` of every day and stays open `hours`. */
export interface SendingWindow {
  readonly startHour: number;
  readonly hours: number;
}

/**
 * The window read from a strategy's resolved parameters (the WINDOW_PARAMS keys).
 * @example sendingWindow({ windowStartHour: 9, windowHours: 8 }) // { startHour: 9, hours: 8 }
 */
export function sendingWindow(params: Pick<StrategyParamValues<typeof WINDOW_PARAMS>, 'windowStartHour' | 'windowHours'>): SendingWindow {
  return { startHour: params.windowStartHour, hours: params.windowHours };
}

/**
 * Opening and closing time (ms) of the window of day `day`.
 * @example windowOf(1, { startHour: 9, hours: 8 }) // { start: 33 h, end: 41 h } in ms
 */
export function windowOf(day: number, w: SendingWindow): { readonly start: number; readonly end: number } {
  const start = day * DAY + Math.round(w.startHour * HOUR);
  return { start, end: start + Math.round(w.hours * HOUR) };
}

/**
 * The day of the first window that has not closed at `now` (the open one, or the next).
 * @example windowDay(20 * HOUR, { startHour: 9, hours: 8 }) // 1: today's window closed at 17:00
 */
export function windowDay(now: number, w: SendingWindow): number {
  let day = Math.floor(now / DAY) - 1;
  while (windowOf(day, w).end <= now) day++;
  return day;
}

/**
 * `count` send times in [from, to): the span cut into `count` equal strata, one time drawn
 * uniformly inside each — evenly spread, never a fixed interval (seed 003). Sorted. Draws
 * `count` numbers from `rng`. Cost O(count).
 * @example spreadTimes(rng, 0, 3600_000, 4) // four times, one in each quarter hour
 */
export function spreadTimes(rng: Rng, from: number, to: number, count: number): number[] {
  const times: number[] = [];
  if (count <= 0 || to <= from) return times;
  const step = (to - from) / count;
  for (let i = 0; i < count; i++) times.push(Math.min(to - 1, from + Math.floor((i + rng.next()) * step)));
  return times;
}

/**
 * Recipients waiting for their local sending window (issue 22: segment or campaign
 * `localWindow`, recipients' `timeZones`). The paced built-ins take each campaign's recipients in
 * list order (or a strategy's own order) and send a recipient only inside its local window; one
 * whose window is closed waits in a queue of its UTC offset (all of a queue's recipients open at
 * once), and each slot first serves a queue whose window is open. A campaign with no local window
 * never asks the API: nothing changes for it.
 */
export interface LocalWindowQueue {
  /**
   * The next recipient of campaign `index` to send now, taken from the waiting queues or the
   * campaign's list (`nextInList()` gives the next list recipient, or -1 when the list is used up):
   * -1 when none may be sent now, -2 when list and queues are empty.
   */
  take(api: SenderApi, campaign: CampaignView, index: number, nextInList: () => number): number;
  /** Puts `recipient` (just taken) back at the front of its queue: its send failed for now. */
  putBack(api: SenderApi, index: number, recipient: number): void;
}

/** Most list recipients examined for one slot before it is given up (bounds the work of a slot). */
const SCAN = 256;

/** A fresh queue set; one per strategy instance. */
export function createLocalWindowQueue(): LocalWindowQueue {
  /** Per campaign index: waiting recipients by offset key (quarter hours east of UTC). */
  const queues = new Map<number, Map<number, { items: number[]; head: number }>>();
  const offsetKey = (api: SenderApi, r: number): number => {
    const utc = (api.now() / HOUR) % 24;
    return Math.round((((api.localHour(r) - utc) % 24) + 24) % 24 * 4);
  };
  const queueOf = (api: SenderApi, index: number, r: number): { items: number[]; head: number } => {
    let byOffset = queues.get(index);
    if (!byOffset) queues.set(index, (byOffset = new Map()));
    const key = offsetKey(api, r);
    let q = byOffset.get(key);
    if (!q) byOffset.set(key, (q = { items: [], head: 0 }));
    return q;
  };
  return {
    take(api, campaign, index, nextInList) {
      const byOffset = queues.get(index);
      let waiting = false;
      if (byOffset) {
        for (const q of byOffset.values()) {
          if (q.head >= q.items.length) continue;
          waiting = true;
          const r = q.items[q.head];
          if (!api.inLocalWindow(campaign, r)) continue;
          q.head++;
          if (q.head === q.items.length) {
            q.items.length = 0;
            q.head = 0;
          }
          return r;
        }
      }
      for (let k = 0; k < SCAN; k++) {
        const r = nextInList();
        if (r < 0) return waiting ? -1 : -2;
        if (api.inLocalWindow(campaign, r)) return r;
        queueOf(api, index, r).items.push(r);
        waiting = true;
      }
      return -1;
    },
    putBack(api, index, r) {
      const q = queueOf(api, index, r);
      if (q.head > 0) q.items[--q.head] = r;
      else q.items.unshift(r);
    },
  };
}
