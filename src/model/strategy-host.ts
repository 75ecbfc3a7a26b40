/**
 * Hosting the business's strategy: the SenderApi it acts through (the observable boundary,
 * MODEL.md §9) and the events that call it (campaign starts, its own wake-ups).
 */
import type { Rng } from '../engine/index.js';
import { ERROR_CODES } from './codes.js';
import type { ApiUsage, RunContext } from './context.js';
import { send } from './delivery.js';
import { spendRequest } from './graph-api.js';
import { openApp as openCoexistenceApp } from './coexistence.js';
import type { ModelEvent } from './events.js';
import type { CampaignView, NumberView, PhoneNumberFields, SenderApi, SendResponse, TemplateView } from './observable.js';
import { poolLimit } from './tiers.js';
import { numberStatus } from './restrictions.js';
import { countAt } from './unique-counter.js';
import { localHourOf } from './recipients.js';
import type { CampaignState, NumberState, TemplateState, World } from './state/index.js';

/** The campaign as the business planned it (no hidden state). */
export function campaignView(c: CampaignState): CampaignView {
  return {
    id: c.id,
    template: c.template.id,
    number: c.number.id,
    first: c.first,
    count: c.count,
    startAt: c.startAt,
    dailyTarget: c.spec.dailyTarget ?? c.count,
    numbers: c.numbers.map((n) => n.id),
    series: c.series,
    occurrence: c.occurrence,
    ...(c.localWindow ? { localWindow: { from: c.localWindow.from, to: c.localWindow.to } } : {}),
  };
}

/** A fresh usage count for a world's numbers. */
export function createApiUsage(numbers: number): ApiUsage {
  return { sends: new Uint32Array(numbers), localTime: 0, attributes: 0 };
}

/** True when the hour `h` is in the local window [from, to) (wrapping past midnight when from > to). */
export function inWindow(h: number, w: { readonly from: number; readonly to: number }): boolean {
  return w.from <= w.to ? h >= w.from && h < w.to : h >= w.from || h < w.to;
}

/**
 * Creates the SenderApi for a run. `getCtx` is read lazily because the context holds the API.
 * Invalid ids or recipients answer error 100 (invalid parameter), as the Cloud API does.
 */
export function createSenderApi(world: World, getCtx: () => RunContext, rng: Rng, usage: ApiUsage = createApiUsage(world.numbers.length)): SenderApi {
  const numbers: readonly NumberView[] = world.numbers.map((n) => ({ id: n.id, channel: n.channel }));
  const templates: readonly TemplateView[] = world.templates.map((t) => ({ id: t.id, category: t.category }));
  const campaigns: readonly CampaignView[] = world.campaigns.map(campaignView);
  const campaignById = new Map(campaigns.map((c) => [c.id, c]));
  const zones = world.audience.zones;
  const attributeNames = [...world.audience.attributes.keys()];
  const noAttributes = Object.freeze({});
  const invalid: SendResponse = { ok: false, code: ERROR_CODES.invalidParameter };
  const validRecipient = (to: number): boolean => Number.isInteger(to) && to >= 0 && to < world.audience.size;
  // Strategies send runs of messages from one number with one template: remember the last lookups
  let lastNumber: NumberState | undefined;
  let lastTemplate: TemplateState | undefined;
  const numberFor = (id: string): NumberState | undefined => (lastNumber?.id === id ? lastNumber : (lastNumber = world.numberById.get(id)));
  const templateFor = (id: string): TemplateState | undefined => (lastTemplate?.id === id ? lastTemplate : (lastTemplate = world.templateById.get(id)));
  return {
    now: () => getCtx().sim.now,
    numbers: () => numbers,
    templates: () => templates,
    campaigns: () => campaigns,
    sendTemplate(from, to, template) {
      const n = numberFor(from);
      const t = templateFor(template);
      if (!n || !t || !validRecipient(to)) return invalid;
      usage.sends[n.index]++;
      return send(getCtx(), n.index, to, t.index);
    },
    sendText(from, to) {
      const n = numberFor(from);
      if (!n || !validRecipient(to)) return invalid;
      usage.sends[n.index]++;
      return send(getCtx(), n.index, to, -1);
    },
    localHour(recipient) {
      usage.localTime++;
      return validRecipient(recipient) ? localHourOf(zones, recipient, getCtx().sim.now) : NaN;
    },
    inLocalWindow(campaign, recipient) {
      usage.localTime++;
      const c = campaignById.get(typeof campaign === 'string' ? campaign : campaign?.id);
      if (!c?.localWindow) return true;
      return validRecipient(recipient) && inWindow(localHourOf(zones, recipient, getCtx().sim.now), c.localWindow);
    },
    attributes(recipient) {
      usage.attributes++;
      if (attributeNames.length === 0 || !validRecipient(recipient)) return noAttributes;
      const out: Record<string, number> = {};
      for (const name of attributeNames) {
        const v = world.audience.attributes.get(name)![recipient];
        if (!Number.isNaN(v)) out[name] = v;
      }
      return Object.freeze(out);
    },
    attribute(recipient, name) {
      usage.attributes++;
      const values = world.audience.attributes.get(name);
      return values && validRecipient(recipient) ? values[recipient] : NaN;
    },
    getPhoneNumber(id) {
      const n = world.numberById.get(id);
      if (!n) return { ok: false, code: ERROR_CODES.invalidParameter };
      const code = spendRequest(getCtx()); // polling spends the Graph API budget — seed 002, documented
      return code ? { ok: false, code } : { ok: true, data: phoneNumberFields(world, n, getCtx().sim.now) };
    },
    openApp(id) {
      const n = world.numberById.get(id);
      if (n) openCoexistenceApp(getCtx(), n);
    },
    wakeAt(at, tag) {
      const ctx = getCtx();
      ctx.sim.schedule(Math.max(ctx.sim.now, Math.round(at)), { type: 'strategy-wake', tag: String(tag) });
    },
    rng: { next: () => rng.next() }, // only `next` is the strategy's to see
  };
}

/**
 * The fields a GET on the phone number returns at `now` (seed 002's shape). A connected number whose
 * pool has reached its messaging limit shows RESTRICTED and health LIMITED until the moving window
 * frees a slot — read from the pool at GET time, never written to the number's status.
 * Rule: "When a business reaches its daily messaging limit, the phone number's status changes to
 * Restricted" (seed 000, reported; MODEL.md §1).
 * @example phoneNumberFields(world, world.numbers[0], 0).status // 'CONNECTED'
 */
export function phoneNumberFields(world: World, n: NumberState, now: number): PhoneNumberFields {
  const tier = world.portfolio.tiers[n.pool.tierIndex].name;
  const own = numberStatus(n);
  const status = own === 'CONNECTED' && atMessagingLimit(world, n, now) ? 'RESTRICTED' : own;
  const blocked = status === 'DISCONNECTED' || status === 'BANNED' || status === 'PENDING_REVIEW'; // seed 002: health_status
  return {
    id: n.id,
    health_status: { can_send_message: blocked ? 'BLOCKED' : status === 'RESTRICTED' || n.quality === 'RED' ? 'LIMITED' : 'AVAILABLE' },
    quality_rating: n.quality,
    whatsapp_business_manager_messaging_limit: tier,
    messaging_limit_tier: tier,
    status,
  };
}

/** The number's pool has as many unique users in its moving window (delivered, or with a message on its way) as its tier allows (MODEL.md §1). */
function atMessagingLimit(world: World, n: NumberState, now: number): boolean {
  return countAt(n.pool.window, now) + n.pool.reserved >= poolLimit(n.pool, world.portfolio.tiers);
}

export function onCampaignStart(e: Extract<ModelEvent, { type: 'campaign-start' }>, ctx: RunContext): void {
  const view = ctx.api.campaigns()[e.campaign];
  ctx.trace?.({ t: ctx.sim.now, kind: 'campaign-start', campaign: view.id });
  ctx.strategy.onCampaignStart(ctx.api, view);
}

export function onStrategyWake(e: Extract<ModelEvent, { type: 'strategy-wake' }>, ctx: RunContext): void {
  ctx.strategy.onWake?.(ctx.api, e.tag);
}
