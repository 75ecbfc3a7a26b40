/**
 * Graph API error replies as Meta returns them: an HTTP status and
 * `{error: {message, type: 'OAuthException', code, error_subcode?, error_data: {messaging_product, details}, fbtrace_id}}`.
 * Titles and details: Meta's error-codes page
 * (https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes), documented;
 * the message form `(#CODE) Title` and the envelope: Meta's Graph API "Handling errors" page, documented.
 */
import type { ErrorCode } from '../model/index.js';

/** One error reply: the HTTP status and the JSON body. */
export interface GraphErrorReply {
  readonly status: number;
  readonly body: { readonly error: GraphErrorObject };
}

export interface GraphErrorObject {
  readonly message: string;
  readonly type: 'OAuthException';
  readonly code: number;
  readonly error_subcode?: number;
  readonly error_data: { readonly messaging_product: 'whatsapp'; readonly details: string };
  readonly fbtrace_id: string;
}

/** What the server says for each error it gives: HTTP status, title (the message after `(#code)`) and details. */
interface Entry {
  readonly status: number;
  readonly title: string;
  readonly details: string;
}

/** Errors by Graph code. 131048 stands for the model's `limit_reached`, which Meta does not document (MODEL.md §1). */
const CATALOGUE: Readonly<Record<number, Entry>> = {
  1: { status: 500, title: 'An unknown error occurred', details: 'An unknown error occurred.' },
  2: { status: 503, title: 'Service temporarily unavailable', details: 'Temporary due to downtime or due to being overloaded.' },
  100: { status: 400, title: 'Invalid parameter', details: 'The request included one or more unsupported or misspelled parameters.' },
  190: { status: 401, title: 'Invalid OAuth access token - Cannot parse access token', details: 'The access token is missing, expired or invalid.' },
  80007: { status: 400, title: 'Rate limit issues', details: 'The WhatsApp Business Account has reached its rate limit.' },
  131000: { status: 400, title: 'Something went wrong', details: 'Message failed to send due to an unknown error.' },
  130429: { status: 400, title: 'Rate limit hit', details: 'Cloud API message throughput has been reached.' },
  131026: { status: 400, title: 'Message Undeliverable', details: 'Message failed to send because the recipient cannot receive it (not a user of this simulated audience).' },
  131031: { status: 400, title: 'Account has been locked', details: 'The account is restricted, disabled or under review.' },
  131047: { status: 400, title: 'Re-engagement message', details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
  131048: { status: 400, title: 'Spam rate limit hit', details: 'Message failed to send because the business portfolio reached its messaging limit (wabasim: limit_reached, no documented code).' },
  131049: { status: 400, title: 'This message was not delivered to maintain healthy ecosystem engagement.', details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' },
  131056: { status: 400, title: '(Business Account, Consumer Account) pair rate limit hit', details: 'Too many messages sent from the sender phone number to the same recipient phone number in a short period of time.' },
  131057: { status: 400, title: 'Account in maintenance mode', details: 'Business Account is in maintenance mode (a throughput upgrade is under way).' },
  132001: { status: 404, title: 'Template name does not exist in the translation', details: 'The template does not exist in the specified language or has not been approved.' },
  132015: { status: 400, title: 'Template is paused', details: 'Template is paused due to low quality so it cannot be sent in a template message.' },
  132016: { status: 400, title: 'Template is disabled', details: 'Template has been paused too many times due to low quality and is now permanently disabled.' },
  133010: { status: 400, title: 'Phone number not registered', details: 'Phone number not registered on the WhatsApp Business Platform.' },
};

/** The Graph code a model outcome is answered with (limit_reached → 131048, budget 429 → 80007, overload 503 → 2). */
export function graphCode(code: ErrorCode): number {
  if (code === 'limit_reached') return 131048;
  if (code === 429) return 80007;
  if (code === 503) return 2;
  return typeof code === 'number' && CATALOGUE[code] ? code : 1;
}

/**
 * The reply for Graph error `code`; `details` and `status` replace the catalogue's, `title`
 * replaces the message (190 and subcode-33 messages carry no `(#code)` prefix in Meta's replies).
 * @example graphError(130429, 'AbC123').status // 400
 */
export function graphError(code: number, fbtraceId: string, opts: { readonly details?: string; readonly status?: number; readonly message?: string; readonly subcode?: number } = {}): GraphErrorReply {
  const e = CATALOGUE[code] ?? CATALOGUE[1];
  const message = opts.message ?? (code === 190 ? e.title : `(#${code}) ${e.title}`);
  const error: GraphErrorObject = {
    message,
    type: 'OAuthException',
    code,
    ...(opts.subcode === undefined ? {} : { error_subcode: opts.subcode }),
    error_data: { messaging_product: 'whatsapp', details: opts.details ?? e.details },
    fbtrace_id: fbtraceId,
  };
  return { status: opts.status ?? e.status, body: { error } };
}

/** A request-validation error (code 100, 'Invalid parameter') with what was wrong. */
export function invalidParameter(details: string, fbtraceId: string, status = 400): GraphErrorReply {
  return graphError(100, fbtraceId, { details, status });
}

/**
 * Meta's answer for an id that names nothing the token can see (code 100, subcode 33).
 * @example unknownObject('post', '123', 'AbC').body.error.error_subcode // 33
 */
export function unknownObject(method: string, id: string, fbtraceId: string): GraphErrorReply {
  return graphError(100, fbtraceId, {
    subcode: 33,
    message: `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
    details: `No object with ID '${id}' in this simulated WhatsApp Business Account`,
  });
}

/**
 * Deterministic `fbtrace_id`s: the n-th error of a session gets the same id in every run, so a
 * manual-clock session replays byte for byte.
 * @example fbtraceId(1) // 'AWABASIM0000000001'
 */
export function fbtraceId(n: number): string {
  return `AWABASIM${n.toString(36).toUpperCase().padStart(10, '0')}`;
}
