/**
 * What a sender observes, delivered (MODEL.md §9): status updates, inbound messages and management
 * webhooks go to the strategy, and — when a trace sink is attached (`wabasim events`, tests) —
 * into the event log in Meta's JSON payload shapes so a user can replay them into a real webhook
 * handler. Shapes: Meta "Webhooks" reference for the WhatsApp Business Account object
 * (messages, phone_number_quality_update, business_capability_update,
 * message_template_status_update, message_template_quality_update, account_update); seed 002
 * shows phone_number_quality_update and business_capability_update.
 * Ids are synthetic: wamid.<message id>, wa_id = 10000000000 + recipient index.
 */
import type { RunContext } from './context.js';
import type { InboundMessage, StatusUpdate, Webhook } from './observable.js';
import type { NumberState, World } from './world.js';

/** The envelope every WhatsApp Business Account webhook shares. */
export function envelope(world: World, field: string, value: object): object {
  return { object: 'whatsapp_business_account', entry: [{ id: world.portfolio.wabaId, changes: [{ field, value }] }] };
}

/** Synthetic message id in Meta's `wamid.` form. */
export function wamid(id: number): string {
  return `wamid.WABASIM${id.toString(36).toUpperCase().padStart(8, '0')}`;
}

/** Synthetic WhatsApp user id of a recipient. */
export function waId(recipient: number): string {
  return String(10_000_000_000 + recipient);
}

/** Unix timestamp in seconds, as a string (Meta's format), of simulated time `t`. */
export function unixSeconds(world: World, t: number): string {
  return String(Math.floor((world.epoch + t) / 1000));
}

function metadata(n: NumberState): object {
  return { display_phone_number: n.displayPhoneNumber, phone_number_id: n.phoneNumberId };
}

/** Error titles for failure codes in status webhooks (Meta error-codes page). */
const ERROR_TITLES: Readonly<Record<string, string>> = {
  '131026': 'Message undeliverable',
  '131047': 'Re-engagement message',
  '131049': 'This message was not delivered to maintain healthy ecosystem engagement.',
  '131056': '(Business Account, Consumer Account) pair rate limit hit',
  '130429': 'Rate limit hit',
  '132015': 'Template is paused',
  '132016': 'Template is disabled',
  limit_reached: 'Messaging limit reached (no documented code; wabasim name)',
};

/** Meta's `messages` status payload for one status update. */
export function statusPayload(world: World, n: NumberState, u: StatusUpdate): object {
  const status: Record<string, unknown> = { id: wamid(u.messageId), status: u.status, timestamp: unixSeconds(world, u.at), recipient_id: waId(u.to) };
  if (u.code !== undefined) status.errors = [{ code: u.code, title: ERROR_TITLES[String(u.code)] ?? 'Error', error_data: { details: ERROR_TITLES[String(u.code)] ?? '' } }];
  return envelope(world, 'messages', { messaging_product: 'whatsapp', metadata: metadata(n), statuses: [status] });
}

/** Meta's `messages` payload for an inbound user message. */
export function inboundPayload(world: World, n: NumberState, m: InboundMessage, id: number): object {
  const message: Record<string, unknown> = { from: waId(m.from), id: wamid(id), timestamp: unixSeconds(world, m.at), type: 'text', text: { body: m.kind === 'stop' ? 'STOP' : m.kind === 'reply' ? 'Reply' : 'Hello' } };
  if (m.context !== undefined) message.context = { from: n.displayPhoneNumber, id: wamid(m.context) };
  return envelope(world, 'messages', { messaging_product: 'whatsapp', metadata: metadata(n), contacts: [{ profile: { name: `User ${m.from}` }, wa_id: waId(m.from) }], messages: [message] });
}

/** Meta's payload for a management webhook. */
export function managementPayload(world: World, w: Webhook): { field: string; payload: object } {
  const number = 'number' in w && w.number !== undefined ? world.numberById.get(w.number) : undefined;
  switch (w.kind) {
    case 'phone_number_quality_update': {
      const value: Record<string, unknown> = { display_phone_number: number?.displayPhoneNumber, phone_number_id: number?.phoneNumberId, event: w.event, current_limit: w.currentLimit };
      if (world.policy.limits.scope === 'portfolio') value.max_daily_conversations_per_business = limitValue(world, w.currentLimit);
      if (w.currentQualityRating) value.current_quality_rating = w.currentQualityRating;
      if (w.previousQualityRating) value.previous_quality_rating = w.previousQualityRating;
      return { field: w.kind, payload: envelope(world, w.kind, value) };
    }
    case 'business_capability_update': {
      const value: Record<string, unknown> = {};
      if (w.maxDailyConversationPerPhone !== undefined) value.max_daily_conversation_per_phone = w.maxDailyConversationPerPhone;
      if (w.maxDailyConversationsPerBusiness !== undefined) value.max_daily_conversations_per_business = w.maxDailyConversationsPerBusiness;
      if (w.event) value.event = w.event;
      return { field: w.kind, payload: envelope(world, w.kind, value) };
    }
    case 'message_template_status_update': {
      const t = world.templateById.get(w.template);
      return { field: w.kind, payload: envelope(world, w.kind, { event: w.event, message_template_id: 900_000 + (t?.index ?? 0), message_template_name: w.template, message_template_language: 'en_US', reason: w.reason ?? 'NONE' }) };
    }
    case 'message_template_quality_update': {
      const t = world.templateById.get(w.template);
      return { field: w.kind, payload: envelope(world, w.kind, { previous_quality_score: w.previousQualityScore, new_quality_score: w.newQualityScore, message_template_id: 900_000 + (t?.index ?? 0), message_template_name: w.template, message_template_language: 'en_US' }) };
    }
    case 'account_update': {
      const value: Record<string, unknown> = { phone_number: number?.displayPhoneNumber, event: w.event };
      if (w.reason) value.violation_info = { violation_type: w.reason };
      if (w.until !== undefined) value.restriction_info = [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: Number(unixSeconds(world, w.until)) }];
      return { field: w.kind, payload: envelope(world, w.kind, value) };
    }
  }
}

/** Meta's number for a tier name: 2000, 10000, 100000 or UNLIMITED. */
export function limitValue(world: World, tierName: string): number | 'UNLIMITED' {
  const tier = world.portfolio.tiers.find((t) => t.name === tierName);
  return tier?.limit ?? 'UNLIMITED';
}

/** Delivers a management webhook to the strategy and the event log. */
export function emitWebhook(ctx: RunContext, w: Webhook): void {
  if (ctx.trace) {
    const { field, payload } = managementPayload(ctx.world, w);
    ctx.trace({ t: ctx.sim.now, kind: 'webhook', field, payload });
  }
  ctx.metrics.webhooks++;
  ctx.strategy.onWebhook?.(ctx.api, w);
}

/**
 * Delivers a status update about message `messageId` to `to`, at now, to the strategy and the
 * event log. The update object is built only when someone listens (most runs have no listener
 * for most statuses).
 */
export function emitStatus(ctx: RunContext, n: NumberState, messageId: number, to: number, status: StatusUpdate['status'], code?: StatusUpdate['code']): void {
  const onStatus = ctx.strategy.onStatus;
  if (!ctx.trace && !onStatus) return;
  const u: StatusUpdate = code === undefined ? { messageId, status, from: n.id, to, at: ctx.sim.now } : { messageId, status, code, from: n.id, to, at: ctx.sim.now };
  ctx.trace?.({ t: u.at, kind: 'webhook', field: 'messages', payload: statusPayload(ctx.world, n, u) });
  onStatus?.call(ctx.strategy, ctx.api, u);
}

/**
 * Delivers an inbound message from recipient `from` to number `n`, at now, to the strategy and
 * the event log; `context` is the message replied to. Built only when someone listens.
 */
export function emitInbound(ctx: RunContext, n: NumberState, from: number, kind: InboundMessage['kind'], context?: number): void {
  const id = ctx.nextMessageId++; // inbound messages get ids too, traced or not, so ids never depend on tracing
  const onInbound = ctx.strategy.onInbound;
  if (!ctx.trace && !onInbound) return;
  const m: InboundMessage = context === undefined ? { from, to: n.id, kind, at: ctx.sim.now } : { from, to: n.id, kind, context, at: ctx.sim.now };
  ctx.trace?.({ t: m.at, kind: 'webhook', field: 'messages', payload: inboundPayload(ctx.world, n, m, id) });
  onInbound?.call(ctx.strategy, ctx.api, m);
}
