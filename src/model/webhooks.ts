/**
 * What a sender observes, delivered (MODEL.md §9): status updates, inbound messages and management
 * webhooks go to the strategy, and — when a trace sink is attached (`wabasim events`, tests) —
 * into the event log in Meta's JSON payload shapes so a user can replay them into a real webhook
 * handler. Shapes: Meta's webhook reference for the WhatsApp Business Account object, one page per
 * field (https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/<field>:
 * messages/status, messages/text, phone_number_quality_update, business_capability_update,
 * message_template_status_update, message_template_quality_update, account_update); seed 002
 * shows QUALITY_UPDATED, which Meta's reference does not. test/fixtures/meta-webhooks holds
 * Meta's examples and test/model/webhook-shapes.test.ts checks every payload against them.
 * Ids are synthetic: wamid.<message id>, wa_id = 10000000000 + recipient index.
 */
import type { EmitterContext, RunContext } from './context.js';
import { tally } from '../metrics/collector.js';
import type { InboundMessage, StatusUpdate, Webhook } from './observable.js';
import type { NumberState, World } from './state/index.js';

/**
 * The envelope every WhatsApp Business Account webhook shares. Management webhooks carry the
 * trigger time `at` as `entry[].time` (unix seconds, an integer); `messages` webhooks have no
 * `time` in Meta's examples, so `at` is left out for them.
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update (and every other field's page), documented.
 * @example envelope(world, 'account_update', { event: 'ACCOUNT_DELETED' }, 0)
 */
export function envelope(world: World, field: string, value: object, at?: number): object {
  const entry = at === undefined ? { id: world.portfolio.wabaId, changes: [{ value, field }] } : { id: world.portfolio.wabaId, time: Number(unixSeconds(world, at)), changes: [{ value, field }] };
  return { object: 'whatsapp_business_account', entry: [entry] };
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

/** Title and details for failure codes in status webhooks (Meta error-codes page; 131049 as in Meta's failed-status example). */
const ERRORS: Readonly<Record<string, { readonly title: string; readonly details: string }>> = {
  '131026': { title: 'Message undeliverable', details: 'Message failed to send because the recipient cannot receive it.' },
  '131047': { title: 'Re-engagement message', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
  '131049': { title: 'This message was not delivered to maintain healthy ecosystem engagement.', details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' },
  '131056': { title: '(Business Account, Consumer Account) pair rate limit hit', details: 'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.' },
  '130429': { title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  '132015': { title: 'Template is paused', details: 'Template is paused due to low quality so it cannot be sent in a template message.' },
  '132016': { title: 'Template is disabled', details: 'Template has been paused too many times due to low quality and is now permanently disabled.' },
  limit_reached: { title: 'Messaging limit reached (no documented code; wabasim name)', details: 'The business portfolio reached its messaging limit.' },
};

/** `href` of every status error (Meta's failed-status example). */
const ERROR_CODES_HREF = '/documentation/business-messaging/whatsapp/support/error-codes';

/**
 * The `pricing` object of a delivered status for a message of template index `template` (−1: a
 * free-form message inside a customer-service window). Per-message pricing (PMP) since 2025-07-01;
 * the pricing category is the template's category; free-form messages in a service window are free.
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status, documented.
 */
function pricing(world: World, template: number): object {
  if (template < 0) return { billable: false, pricing_model: 'PMP', type: 'free_customer_service', category: 'service' };
  return { billable: true, pricing_model: 'PMP', type: 'regular', category: world.templates[template].category };
}

/**
 * Meta's `messages` status payload for one status update. Delivered statuses carry `pricing` when
 * the message's template index is known (Meta sends it on one of delivered or read); since v24.0
 * there is no `conversation` object. Failed statuses carry `errors`.
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status, documented.
 * @example statusPayload(world, world.numbers[0], { messageId: 1, status: 'read', from: 'a', to: 7, at: 0 })
 */
export function statusPayload(world: World, n: NumberState, u: StatusUpdate, template?: number): object {
  const status: Record<string, unknown> = { id: wamid(u.messageId), status: u.status, timestamp: unixSeconds(world, u.at), recipient_id: waId(u.to) };
  if (u.status === 'delivered' && template !== undefined) status.pricing = pricing(world, template);
  if (u.code !== undefined) {
    const e = ERRORS[String(u.code)] ?? { title: 'Error', details: '' };
    status.errors = [{ code: typeof u.code === 'number' ? u.code : 0, title: e.title, message: e.title, error_data: { details: e.details }, href: ERROR_CODES_HREF }];
  }
  return envelope(world, 'messages', { messaging_product: 'whatsapp', metadata: metadata(n), statuses: [status] });
}

/**
 * Meta's `messages` payload for an inbound text message; a reply carries `context` (the business
 * number and the id of the message replied to).
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/text, documented.
 * @example inboundPayload(world, world.numbers[0], { from: 7, to: 'a', kind: 'stop', at: 0 }, 9)
 */
export function inboundPayload(world: World, n: NumberState, m: InboundMessage, id: number): object {
  const message: Record<string, unknown> = { from: waId(m.from), id: wamid(id), timestamp: unixSeconds(world, m.at), type: 'text', text: { body: m.kind === 'stop' ? 'STOP' : m.kind === 'reply' ? 'Reply' : 'Hello' } };
  if (m.context !== undefined) message.context = { from: n.displayPhoneNumber, id: wamid(m.context) };
  return envelope(world, 'messages', { messaging_product: 'whatsapp', metadata: metadata(n), contacts: [{ profile: { name: `User ${m.from}` }, wa_id: waId(m.from) }], messages: [message] });
}

/**
 * Meta's payload for a management webhook, with the trigger time in `entry[].time`.
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/<field> for each field below, documented.
 * @example managementPayload(world, { kind: 'message_template_status_update', template: 'promo', event: 'PAUSED', at: 0 })
 */
export function managementPayload(world: World, w: Webhook): { field: string; payload: object } {
  return { field: w.kind, payload: envelope(world, w.kind, managementValue(world, w), w.at) };
}

function managementValue(world: World, w: Webhook): object {
  switch (w.kind) {
    case 'phone_number_quality_update':
      return qualityUpdateValue(world, w);
    case 'business_capability_update':
      return capabilityValue(w);
    case 'message_template_status_update':
      return templateStatusValue(world, w);
    case 'message_template_quality_update': {
      // Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_quality_update, documented
      const t = world.templateById.get(w.template);
      return { previous_quality_score: w.previousQualityScore, new_quality_score: w.newQualityScore, message_template_id: templateId(t?.index ?? 0), message_template_name: w.template, message_template_language: TEMPLATE_LANGUAGE };
    }
    case 'account_update':
      return accountUpdateValue(world, w);
  }
}

/**
 * `phone_number_quality_update`: `old_limit` only for messaging-limit changes (UPGRADE, DOWNGRADE),
 * `max_daily_conversations_per_business` (a tier name) under the 2025-10 portfolio rules.
 * QUALITY_UPDATED (with `phone_number_id` and the current/previous quality ratings) is not in Meta's
 * reference: its shape is seed 002's (a BSP's published example), reported.
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/phone_number_quality_update, documented; seed 002 for QUALITY_UPDATED.
 */
function qualityUpdateValue(world: World, w: Extract<Webhook, { kind: 'phone_number_quality_update' }>): object {
  const number = world.numberById.get(w.number);
  const value: Record<string, unknown> = { display_phone_number: number?.displayPhoneNumber, event: w.event };
  if (w.event === 'QUALITY_UPDATED') value.phone_number_id = number?.phoneNumberId;
  if (w.previousLimit !== undefined) value.old_limit = w.previousLimit;
  value.current_limit = w.currentLimit;
  if (world.policy.limits.scope === 'portfolio') value.max_daily_conversations_per_business = w.currentLimit;
  if (w.currentQualityRating) value.current_quality_rating = w.currentQualityRating;
  if (w.previousQualityRating) value.previous_quality_rating = w.previousQualityRating;
  return value;
}

/**
 * Phone-number caps in `business_capability_update`: Meta's reference example values (2 per
 * portfolio at a limit of 250, else 25 per WABA), not modelled by wabasim.
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/business_capability_update, documented example values.
 */
const PHONE_NUMBER_CAPS = { perBusinessAt250: 2, perWaba: 25, limit250: 250 } as const;

/**
 * `business_capability_update`: the portfolio's limit (2025-10) or a number's (legacy, deprecated
 * field), −1 for unlimited, with the phone-number cap Meta sends beside it.
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/business_capability_update, documented.
 */
function capabilityValue(w: Extract<Webhook, { kind: 'business_capability_update' }>): object {
  const value: Record<string, unknown> = {};
  const limit = w.maxDailyConversationsPerBusiness ?? w.maxDailyConversationPerPhone;
  if (w.maxDailyConversationPerPhone !== undefined) value.max_daily_conversation_per_phone = meta(w.maxDailyConversationPerPhone);
  if (w.maxDailyConversationsPerBusiness !== undefined) value.max_daily_conversations_per_business = meta(w.maxDailyConversationsPerBusiness);
  if (limit === PHONE_NUMBER_CAPS.limit250) value.max_phone_numbers_per_business = PHONE_NUMBER_CAPS.perBusinessAt250;
  else value.max_phone_numbers_per_waba = PHONE_NUMBER_CAPS.perWaba;
  return value;
}

/** Meta's integer for a limit: −1 means unlimited (business_capability_update reference). */
function meta(limit: number | 'UNLIMITED'): number {
  return limit === 'UNLIMITED' ? -1 : limit;
}

/** Synthetic template ids and the one language every wabasim template has. */
const TEMPLATE_ID_BASE = 900_000;
const TEMPLATE_LANGUAGE = 'en_US';
function templateId(index: number): number {
  return TEMPLATE_ID_BASE + index;
}

/** `other_info.description` of pause events (Meta's reference quotes the unpause text). */
const PAUSE_TEXT = {
  paused: 'Your WhatsApp message template has been paused because of low quality.',
  unpaused: 'Your WhatsApp message template has been unpaused.',
} as const;

/**
 * `message_template_status_update` with the template's category; a pause carries `other_info`
 * (FIRST_PAUSE, SECOND_PAUSE; UNPAUSE when REINSTATED), a disabled template `disable_info`.
 * `reason` is NONE for pauses, as Meta sends it ("Indicates template was paused").
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update, documented.
 */
function templateStatusValue(world: World, w: Extract<Webhook, { kind: 'message_template_status_update' }>): object {
  const t = world.templateById.get(w.template);
  const value: Record<string, unknown> = {
    event: w.event,
    message_template_id: templateId(t?.index ?? 0),
    message_template_name: w.template,
    message_template_language: TEMPLATE_LANGUAGE,
    reason: w.event === 'PAUSED' || w.event === 'REINSTATED' || w.event === 'DISABLED' ? 'NONE' : (w.reason ?? 'NONE'),
    message_template_category: (t?.category ?? 'marketing').toUpperCase(),
  };
  if (w.event === 'PAUSED') value.other_info = { title: (t?.pauses ?? 0) <= 1 ? 'FIRST_PAUSE' : 'SECOND_PAUSE', description: PAUSE_TEXT.paused };
  if (w.event === 'REINSTATED') value.other_info = { title: 'UNPAUSE', description: PAUSE_TEXT.unpaused };
  if (w.event === 'DISABLED') value.disable_info = { disable_date: Number(unixSeconds(world, w.at)) };
  return value;
}

/** Restriction types of an ACCOUNT_RESTRICTION, by what it takes away (account_update reference, documented). */
const RESTRICTION_TYPES = {
  'business-initiated': ['RESTRICTED_BIZ_INITIATED_MESSAGING', 'RESTRICTED_ADD_PHONE_NUMBER_ACTION'],
  all: ['RESTRICTED_BIZ_INITIATED_MESSAGING', 'RESTRICTED_CUSTOMER_INITIATED_MESSAGING', 'RESTRICTED_ADD_PHONE_NUMBER_ACTION'],
} as const;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** `ban_info.waba_ban_date` in Meta's example form ("April 17, 2025"), UTC. */
function banDate(world: World, t: number): string {
  const d = new Date(world.epoch + t);
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/**
 * `account_update` in Meta's shapes: ACCOUNT_VIOLATION with `violation_info`, ACCOUNT_RESTRICTION
 * with `restriction_info` (one entry per restriction type, `expiration` in unix seconds),
 * DISABLED_UPDATE with `ban_info` (DISABLE), and wabasim's REINSTATED (any enforcement lifted) as
 * DISABLED_UPDATE with `ban_info` REINSTATE — Meta sends nothing when a timed restriction expires.
 * DISCONNECTED, RECONNECTED and ACCOUNT_UNDER_REVIEW are wabasim's names (Meta documents
 * ACCOUNT_OFFBOARDED and ACCOUNT_RECONNECTED); they carry only `event`, like Meta's examples of those.
 * The value names no phone number: Meta's account_update is about the WABA.
 * Source: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/account_update, documented.
 */
function accountUpdateValue(world: World, w: Extract<Webhook, { kind: 'account_update' }>): object {
  switch (w.event) {
    case 'ACCOUNT_VIOLATION':
      return { event: w.event, violation_info: { violation_type: w.violation ?? w.reason ?? 'NONE' } };
    case 'ACCOUNT_RESTRICTION': {
      const expiration = w.until === undefined ? undefined : Number(unixSeconds(world, w.until));
      // an open-ended restriction has no expiration; Meta's reference shows none (the shape test flags it)
      const restriction_info = RESTRICTION_TYPES[w.restriction ?? 'business-initiated'].map((restriction_type) => (expiration === undefined ? { restriction_type } : { restriction_type, expiration }));
      return { event: w.event, restriction_info };
    }
    case 'DISABLED_UPDATE':
      return { event: w.event, ban_info: { waba_ban_state: 'DISABLE', waba_ban_date: banDate(world, w.at) } };
    case 'REINSTATED':
      return { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'REINSTATE', waba_ban_date: banDate(world, w.at) } };
    default:
      return { event: w.event };
  }
}

/** Meta's number for a tier name: 2000, 10000, 100000 or UNLIMITED. */
export function limitValue(world: World, tierName: string): number | 'UNLIMITED' {
  const tier = world.portfolio.tiers.find((t) => t.name === tierName);
  return tier?.limit ?? 'UNLIMITED';
}

/** Delivers a management webhook to the strategy and the event log. */
export function emitWebhook(ctx: EmitterContext, w: Webhook): void {
  if (ctx.trace) {
    const { field, payload } = managementPayload(ctx.world, w);
    ctx.trace({ t: ctx.sim.now, kind: 'webhook', field, payload });
  }
  tally(ctx.metrics, 'webhooks');
  ctx.strategy.onWebhook?.(ctx.api, w);
}

/**
 * Delivers a status update about message `messageId` to `to`, at now, to the strategy and the
 * event log; `template` (its index, −1 for free-form) gives a delivered status its pricing. The update object is built only when someone listens (most runs have no listener
 * for most statuses).
 */
export function emitStatus(ctx: EmitterContext, n: NumberState, messageId: number, to: number, status: StatusUpdate['status'], code?: StatusUpdate['code'], template?: number): void {
  const onStatus = ctx.strategy.onStatus;
  if (!ctx.trace && !onStatus) return;
  const u: StatusUpdate = code === undefined ? { messageId, status, from: n.id, to, at: ctx.sim.now } : { messageId, status, code, from: n.id, to, at: ctx.sim.now };
  ctx.trace?.({ t: u.at, kind: 'webhook', field: 'messages', payload: statusPayload(ctx.world, n, u, template) });
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
