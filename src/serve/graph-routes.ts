/**
 * The Cloud API routes the served model answers, in Meta's request and response shapes:
 *   POST /{version}/{phone-number-id}/messages   send (template, text and other common types) or mark as read
 *   GET  /{version}/{phone-number-id}            the phone number's fields (`fields=` respected)
 *   GET  /{version}/{waba-id}/message_templates  the templates
 *   GET  …?hub.mode=subscribe&hub.verify_token=…&hub.challenge=…   the webhook verification handshake
 * Sources: Meta Cloud API reference (messages, phone numbers, message templates) and "Webhooks:
 * verification requests", documented. Every send goes through the model's SenderApi at the current
 * simulated time; its outcome codes become Graph errors (graph-errors.ts).
 */
import { waId, wamid, type World } from '../model/index.js';
import { graphCode, graphError, invalidParameter, unknownObject } from './graph-errors.js';
import { errorReply, json, text, type Reply } from './reply.js';
import type { Session } from './session.js';

type NumberState = World['numbers'][number];

/** What the routes share: the session, id lookups and the deterministic fbtrace ids. */
export interface ServeContext {
  readonly session: Session;
  readonly numberByPhoneId: ReadonlyMap<string, NumberState>;
  readonly verifyToken?: string;
  /** The next error's fbtrace_id. */
  nextTraceId(): string;
}

/** Message types a send may have besides `template`: free-form messages to the model (Cloud API reference, documented). */
export const FREE_FORM_TYPES = ['text', 'image', 'audio', 'video', 'document', 'sticker', 'location', 'contacts', 'interactive', 'reaction'] as const;

/** Why sends fail (131000) once simulated time reached the scenario's horizon. */
export const HORIZON_REACHED = "The simulation reached the scenario's horizon (horizonDays): nothing more is simulated; lengthen horizonDays to serve longer";

/** The language every simulated template is approved in (model/webhooks.ts). */
const TEMPLATE_LANGUAGE = 'en_US';

/** wa_ids are the model's (10000000000 + recipient index): the recipient `to` names, or -1. */
export function recipientOf(world: World, to: string): number {
  const digits = to.replace(/[\s+()-]/g, '');
  if (!/^[0-9]{11}$/.test(digits)) return -1;
  const index = Number(digits) - Number(waId(0));
  return index >= 0 && index < world.audience.size ? index : -1;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * POST /{phone-number-id}/messages: validates the body as the Cloud API does (code 100 for a
 * malformed one), then sends through the model.
 */
export function sendMessage(c: ServeContext, phoneNumberId: string, body: unknown): Reply {
  const n = c.numberByPhoneId.get(phoneNumberId);
  if (!n) return errorReply(unknownObject('post', phoneNumberId, c.nextTraceId()));
  const bad = (details: string): Reply => errorReply(invalidParameter(details, c.nextTraceId()));
  if (!isObject(body)) return bad('The request body must be a JSON object');
  if (body.messaging_product !== 'whatsapp') return bad('The parameter messaging_product is required and must be "whatsapp"');
  if (body.status !== undefined) {
    if (body.status !== 'read') return bad('Param status must be "read"');
    if (typeof body.message_id !== 'string' || !/^wamid\.[A-Za-z0-9=_-]+$/.test(body.message_id)) return bad('The parameter message_id is required and must be a message id (wamid.…)');
    return json(200, { success: true });
  }
  if (typeof body.to !== 'string' || body.to.length === 0) return bad('The parameter to is required');
  const type = body.type === undefined ? 'text' : body.type;
  if (typeof type !== 'string') return bad('Param type must be a string');
  const world = c.session.world;
  const api = c.session.ctx.api;
  let template: string | undefined;
  if (type === 'template') {
    const t = body.template;
    if (!isObject(t) || typeof t.name !== 'string') return bad("Param template['name'] is required");
    if (!isObject(t.language) || typeof t.language.code !== 'string') return bad("Param template['language']['code'] is required");
    if (!world.templateById.has(t.name) || t.language.code !== TEMPLATE_LANGUAGE) {
      return errorReply(graphError(132001, c.nextTraceId(), { details: `template name (${t.name}) does not exist in ${t.language.code}` }));
    }
    template = t.name;
  } else if ((FREE_FORM_TYPES as readonly string[]).includes(type)) {
    const content = body[type];
    if (!isObject(content)) return bad(`Param ${type} is required for a message of type ${type}`);
    if (type === 'text' && (typeof content.body !== 'string' || content.body.length === 0)) return bad("Param text['body'] is required");
  } else return bad(`Param type must be one of {${['template', ...FREE_FORM_TYPES].join(', ').toUpperCase()}}`);
  const to = recipientOf(world, body.to);
  if (to < 0) return errorReply(graphError(131026, c.nextTraceId()));
  // past the horizon the model stops: a send would be accepted and never delivered, so say so
  if (c.session.ctx.sim.now >= world.horizon) return errorReply(graphError(131000, c.nextTraceId(), { details: HORIZON_REACHED }));
  const r = template === undefined ? api.sendText(n.id, to) : api.sendTemplate(n.id, to, template);
  if (!r.ok) return errorReply(graphError(graphCode(r.code), c.nextTraceId()));
  const message = template === undefined ? { id: wamid(r.messageId) } : { id: wamid(r.messageId), message_status: r.messageStatus };
  return json(200, { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: waId(to) }], messages: [message] });
}

/** Fields a GET on a phone number may ask for, and those Meta returns without `fields=`. */
const PHONE_FIELDS = ['id', 'display_phone_number', 'verified_name', 'quality_rating', 'messaging_limit_tier', 'whatsapp_business_manager_messaging_limit', 'throughput', 'status', 'name_status', 'code_verification_status', 'platform_type', 'health_status'] as const;
const DEFAULT_PHONE_FIELDS = ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput', 'id'] as const;

/** `fields=a,b` as a list, or the default; the unknown one if any. */
function pickFields(query: URLSearchParams, known: readonly string[], defaults: readonly string[]): { fields: readonly string[]; unknown?: string } {
  const raw = query.get('fields');
  if (raw === null || raw.trim() === '') return { fields: defaults };
  const fields = raw.split(',').map((f) => f.trim()).filter((f) => f !== '');
  const unknown = fields.find((f) => !known.includes(f));
  return { fields: fields.includes('id') ? fields : [...fields, 'id'], unknown };
}

/** GET /{phone-number-id}: spends one Graph API request of the model's budget (SenderApi.getPhoneNumber). */
export function getPhoneNumber(c: ServeContext, phoneNumberId: string, query: URLSearchParams): Reply {
  const n = c.numberByPhoneId.get(phoneNumberId);
  if (!n) return errorReply(unknownObject('get', phoneNumberId, c.nextTraceId()));
  const { fields, unknown } = pickFields(query, PHONE_FIELDS, DEFAULT_PHONE_FIELDS);
  if (unknown !== undefined) return errorReply(graphError(100, c.nextTraceId(), { message: `(#100) Tried accessing nonexisting field (${unknown}) on node type (WhatsAppBusinessPhoneNumber)`, details: `Unknown field ${unknown}` }));
  const r = c.session.ctx.api.getPhoneNumber(n.id);
  if (!r.ok) return errorReply(graphError(graphCode(r.code), c.nextTraceId()));
  const world = c.session.world;
  const all: Record<(typeof PHONE_FIELDS)[number], unknown> = {
    id: n.phoneNumberId,
    display_phone_number: n.displayPhoneNumber,
    verified_name: n.id,
    quality_rating: r.data.quality_rating,
    messaging_limit_tier: r.data.messaging_limit_tier,
    whatsapp_business_manager_messaging_limit: r.data.whatsapp_business_manager_messaging_limit,
    // Meta's throughput levels: STANDARD (80 mps) and HIGH (after the upgrade), documented
    throughput: { level: n.throughput.mps >= world.policy.throughput.upgradedMps ? 'HIGH' : 'STANDARD' },
    status: r.data.status,
    name_status: 'APPROVED',
    code_verification_status: 'VERIFIED',
    platform_type: 'CLOUD_API',
    health_status: { can_send_message: r.data.health_status.can_send_message, entities: [{ entity_type: 'PHONE_NUMBER', id: n.phoneNumberId, can_send_message: r.data.health_status.can_send_message }] },
  };
  return json(200, Object.fromEntries(fields.map((f) => [f, all[f as keyof typeof all]])));
}

/** Template quality as Meta's quality_score (model/templates.ts SCORE). */
const SCORE = { PENDING: 'UNKNOWN', HIGH: 'GREEN', MEDIUM: 'YELLOW', LOW: 'RED' } as const;
/** Template status as Meta names it. */
const STATUS = { ACTIVE: 'APPROVED', PAUSED: 'PAUSED', DISABLED: 'DISABLED' } as const;
const TEMPLATE_FIELDS = ['name', 'status', 'category', 'language', 'id', 'quality_score', 'components'] as const;

/** GET /{waba-id}/message_templates (`fields=`, `name=`, `status=` filters; one page). */
export function listTemplates(c: ServeContext, wabaId: string, query: URLSearchParams): Reply {
  const world = c.session.world;
  if (wabaId !== world.portfolio.wabaId) return errorReply(unknownObject('get', wabaId, c.nextTraceId()));
  const { fields, unknown } = pickFields(query, TEMPLATE_FIELDS, TEMPLATE_FIELDS);
  if (unknown !== undefined) return errorReply(graphError(100, c.nextTraceId(), { message: `(#100) Tried accessing nonexisting field (${unknown}) on node type (WhatsAppBusinessHSM)`, details: `Unknown field ${unknown}` }));
  const name = query.get('name');
  const status = query.get('status');
  const data = world.templates
    .map((t) => ({
      name: t.id,
      status: STATUS[t.status],
      category: t.category.toUpperCase(),
      language: TEMPLATE_LANGUAGE,
      id: String(900_000 + t.index), // the ids template webhooks carry (model/webhooks.ts)
      quality_score: { score: SCORE[t.quality] },
      components: [{ type: 'BODY', text: `${t.id} (simulated)` }],
    }))
    .filter((t) => (name === null || t.name === name) && (status === null || t.status === status))
    .map((t) => Object.fromEntries(fields.map((f) => [f, t[f as keyof typeof t]])));
  return json(200, { data, paging: { cursors: { before: 'MAZDZD', after: 'MjQZD' } } });
}

/**
 * The webhook verification handshake: the challenge as text/plain when hub.mode is subscribe and
 * the verify token matches, else 403 (Meta "Webhooks: verification requests", documented).
 */
export function verifyWebhook(c: ServeContext, query: URLSearchParams): Reply {
  const ok = query.get('hub.mode') === 'subscribe' && c.verifyToken !== undefined && query.get('hub.verify_token') === c.verifyToken;
  const challenge = query.get('hub.challenge');
  return ok && challenge !== null ? text(200, challenge) : text(403, 'Forbidden');
}
