/**
 * A hand-built SenderApi for strategy tests: a fake clock and one queue of wake-ups and scripted
 * occurrences (webhooks, statuses, inbound messages), driven in time order. Every call the
 * strategy makes is recorded with its time, so a test asserts on the trace of what it did.
 */
import { createStream, DAY, HOUR } from '../../src/engine/index.js';
import type { CampaignView, GraphResponse, NumberView, PhoneNumberFields, SenderApi, SendResponse, TemplateView } from '../../src/model/observable.js';
import type { Strategy, StrategyDefinition } from '../../src/strategies/index.js';

export { DAY, HOUR };

/** One recorded call. */
export interface Call {
  readonly t: number;
  readonly kind: 'template' | 'text' | 'get' | 'wake' | 'open';
  readonly from?: string;
  readonly to?: number;
  readonly template?: string;
  readonly tag?: string;
  readonly response?: SendResponse;
}

/** A send request as `respond` sees it, with how many times that (number, recipient) was tried before. */
export interface SendRequest {
  readonly t: number;
  readonly from: string;
  readonly to: number;
  readonly template: string;
  readonly tries: number;
}

export interface FakeOptions {
  readonly numbers?: readonly string[];
  readonly templates?: readonly TemplateView[];
  /** Campaigns; `first` 0, `startAt` 0, `number` the first number, `template` the first template, `dailyTarget` = count by default. */
  readonly campaigns: readonly (Partial<CampaignView> & { readonly id: string; readonly count: number })[];
  /** The answer to a send (default: accepted). */
  readonly respond?: (req: SendRequest) => SendResponse | undefined;
  /** GET phone-number fields (default: TIER_250, GREEN). */
  readonly phone?: (id: string, t: number) => Partial<PhoneNumberFields>;
  readonly seed?: number;
  /** A recipient's local hour at time t (default: UTC, everyone). */
  readonly localHour?: (recipient: number, t: number) => number;
  /** A recipient's attributes (default: none). */
  readonly attributes?: (recipient: number) => Record<string, number>;
}

/** The fake platform around one strategy instance. */
export interface Fake {
  readonly api: SenderApi;
  readonly calls: Call[];
  /** Template sends, in order. */
  sends(): Call[];
  /** Schedules `fn` (a webhook, status or inbound delivered to the strategy) at time `t`. */
  at(t: number, fn: (api: SenderApi, strategy: Strategy) => void): void;
  /** Runs everything due up to and including `until`. */
  runUntil(until: number): void;
  /** Most wake-ups pending at once during the run. */
  readonly stats: { maxPending: number; wakes: number };
}

/**
 * Builds the fake around `definition` with resolved `params` (defaults filled in) and schedules the campaign starts.
 * @example const f = fake(warmup, {}, { campaigns: [{ id: 'c', count: 100 }] }); f.runUntil(3 * DAY);
 */
export function fake(definition: StrategyDefinition, params: Record<string, number | boolean>, opts: FakeOptions): Fake {
  const full = { ...Object.fromEntries(Object.entries(definition.params).map(([k, p]) => [k, p.default])), ...params };
  const strategy = definition.create(full);
  const numbers: NumberView[] = (opts.numbers ?? ['a']).map((id) => ({ id, channel: 'cloud-api' }));
  const templates: TemplateView[] = [...(opts.templates ?? [{ id: 'promo', category: 'marketing' }])];
  const campaigns: CampaignView[] = opts.campaigns.map((c) => ({
    template: templates[0].id,
    number: numbers[0].id,
    first: 0,
    startAt: 0,
    dailyTarget: c.count,
    series: c.id,
    occurrence: 1,
    ...c,
    numbers: c.numbers ?? [c.number ?? numbers[0].id],
  }));
  const queue: { t: number; seq: number; wake: boolean; fn: () => void }[] = [];
  let seq = 0;
  let now = 0;
  let nextId = 1;
  const calls: Call[] = [];
  const tries = new Map<string, number>();
  const stats = { maxPending: 0, wakes: 0 };
  const push = (t: number, wake: boolean, fn: () => void): void => {
    queue.push({ t, seq: seq++, wake, fn });
    queue.sort((a, b) => a.t - b.t || a.seq - b.seq);
    stats.maxPending = Math.max(stats.maxPending, queue.filter((e) => e.wake).length);
  };
  const send = (kind: 'template' | 'text', from: string, to: number, template: string): SendResponse => {
    const key = `${from}:${to}`;
    const n = tries.get(key) ?? 0;
    tries.set(key, n + 1);
    const response = opts.respond?.({ t: now, from, to, template, tries: n }) ?? { ok: true, messageId: nextId++, messageStatus: 'accepted' };
    calls.push({ t: now, kind, from, to, template, response });
    return response;
  };
  const api: SenderApi = {
    now: () => now,
    numbers: () => numbers,
    templates: () => templates,
    campaigns: () => campaigns,
    sendTemplate: (from, to, template) => send('template', from, to, template),
    sendText: (from, to) => send('text', from, to, ''),
    localHour: (r) => (opts.localHour ? opts.localHour(r, now) : (now / 3_600_000) % 24),
    inLocalWindow(c, r) {
      const view = campaigns.find((x) => x.id === (typeof c === 'string' ? c : c.id));
      const w = view?.localWindow;
      if (!w) return true;
      const h = opts.localHour ? opts.localHour(r, now) : (now / 3_600_000) % 24;
      return w.from <= w.to ? h >= w.from && h < w.to : h >= w.from || h < w.to;
    },
    attributes: (r) => Object.freeze(opts.attributes ? opts.attributes(r) : {}),
    attribute: (r, name) => (opts.attributes ? opts.attributes(r)[name] ?? NaN : NaN),
    wakeAt(at, tag) {
      if (!(at >= now)) throw new Error(`wakeAt(${at}) before now (${now})`);
      calls.push({ t: now, kind: 'wake', tag });
      stats.wakes++;
      push(Math.round(at), true, () => strategy.onWake?.(api, tag));
    },
    getPhoneNumber(id): GraphResponse<PhoneNumberFields> {
      calls.push({ t: now, kind: 'get', from: id });
      const fields: PhoneNumberFields = {
        id,
        health_status: { can_send_message: 'AVAILABLE' },
        quality_rating: 'GREEN',
        whatsapp_business_manager_messaging_limit: 'TIER_250',
        status: 'CONNECTED',
        ...opts.phone?.(id, now),
      };
      return { ok: true, data: fields };
    },
    openApp(id) {
      calls.push({ t: now, kind: 'open', from: id });
    },
    rng: createStream(opts.seed ?? 1, 'strategy'),
  };
  for (const c of campaigns) push(c.startAt, false, () => strategy.onCampaignStart(api, c));
  return {
    api,
    calls,
    sends: () => calls.filter((c) => c.kind === 'template'),
    at: (t, fn) => push(t, false, () => fn(api, strategy)),
    runUntil(until) {
      while (queue.length && queue[0].t <= until) {
        const e = queue.shift()!;
        now = e.t;
        e.fn();
      }
      now = until;
    },
    stats,
  };
}

/** Sends per simulated day, for days 0 … days − 1. */
export function perDay(sends: readonly Call[], days: number): number[] {
  const out = new Array<number>(days).fill(0);
  for (const s of sends) if (s.t < days * DAY) out[Math.floor(s.t / DAY)]++;
  return out;
}

/** An error response for a send. */
export function refused(code: number | string): SendResponse {
  return { ok: false, code };
}
