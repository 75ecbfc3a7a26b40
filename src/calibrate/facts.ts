/**
 * The facts of a webhook payload that calibration uses, and nothing else: a status (message id,
 * time, status, hashed recipient, pricing category, first error code), an inbound message (time,
 * hashed sender, STOP or not, the message it answers), a phone-number id, a management change
 * (quality, template, account updates: rare, kept whole) and the payload's end.
 *
 *   payload ──payloadFacts──▶ FactSink (Accumulator, EvidenceTally)
 *                        └──▶ FactWriter ──postMessage──▶ replayFacts ──▶ FactSink   (parse-worker.ts)
 *
 * One extraction for both paths, so a log read on worker threads gives the same facts, in the same
 * order, as one read on the main thread. Phone numbers are hashed here, as they are read: no fact
 * carries one, and no body text leaves the extraction (only whether it is a STOP).
 * Shapes: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
 * and .../messages/text, documented.
 */
import { isObj, list, seconds, type Obj } from './json-shape.js';

/**
 * STOP and unsubscribe words (a whole message, any case, trailing punctuation allowed): the
 * keywords WhatsApp Business senders conventionally honour, in English, Portuguese and Spanish.
 * Source: wabasim's list of common opt-out keywords (a community convention, estimate); the
 * simulator's own STOP reply is the text "STOP" (src/model/webhooks.ts).
 */
export const STOP_PATTERN = /^\s*(stop|stop all|unsubscribe|unsub|cancel|end|quit|opt[\s-]?out|optout|remove me|parar|pare|sair|cancelar|baja|darse de baja)\s*[.!]*\s*$/i;

/** One entry of `statuses` (an object). */
export interface StatusFact {
  /** `id` when it is text. */
  readonly id: string | undefined;
  /** `timestamp`, unix seconds. */
  readonly at: number | undefined;
  /** `status` when it is text, else ''. */
  readonly status: string;
  /** `recipient_id`, hashed. */
  readonly recipient: string | undefined;
  /** `pricing.category` when it is text. */
  readonly category: string | undefined;
  /** The first error's code as text ('unknown' without one). */
  readonly firstError: string;
  /** Some error has code 131026 (the recipient cannot receive it). */
  readonly undeliverable: boolean;
}

/** One entry of `messages` (an inbound message, an object). */
export interface MessageFact {
  /** `timestamp`, unix seconds. */
  readonly at: number | undefined;
  /** `from`, hashed. */
  readonly from: string | undefined;
  /** Its text (or button text) is a STOP word (STOP_PATTERN). */
  readonly stop: boolean;
  /** `context.id`: the message it answers. */
  readonly contextId: string | undefined;
}

/** What consumes facts, in the order the payloads give them. */
export interface FactSink {
  /** `metadata.phone_number_id` of a `messages` change. */
  number(id: string): void;
  status(s: StatusFact): void;
  message(m: MessageFact): void;
  /** A change of any other field, with its entry's time (unix seconds). */
  change(field: string, value: Obj, entryTime: number | undefined): void;
  /** The end of one payload. */
  end(): void;
}

function statusFact(s: Obj, hash: (phone: string) => string): StatusFact {
  let firstError = 'unknown';
  let undeliverable = false;
  const errors = list(s.errors);
  errors.forEach((e, i) => {
    if (i === 0) firstError = isObj(e) ? String(e.code) : 'unknown';
    if (isObj(e) && Number(e.code) === 131026) undeliverable = true;
  });
  return {
    id: typeof s.id === 'string' ? s.id : undefined,
    at: seconds(s.timestamp),
    status: typeof s.status === 'string' ? s.status : '',
    recipient: s.recipient_id === undefined ? undefined : hash(String(s.recipient_id)),
    category: isObj(s.pricing) && typeof s.pricing.category === 'string' ? s.pricing.category : undefined,
    firstError,
    undeliverable,
  };
}

function messageFact(m: Obj, hash: (phone: string) => string): MessageFact {
  const body = isObj(m.text) && typeof m.text.body === 'string' ? m.text.body : isObj(m.button) && typeof m.button.text === 'string' ? m.button.text : undefined;
  return {
    at: seconds(m.timestamp),
    from: m.from === undefined ? undefined : hash(String(m.from)),
    stop: body !== undefined && STOP_PATTERN.test(body),
    contextId: isObj(m.context) && typeof m.context.id === 'string' ? m.context.id : undefined,
  };
}

/**
 * Gives `sink` the facts of one `whatsapp_business_account` payload (the caller checked `object`),
 * then its end. `receivedAt` (unix seconds) stands in for a missing `entry[].time`.
 * @example payloadFacts(payload, undefined, hash, accumulator)
 */
export function payloadFacts(payload: Obj, receivedAt: number | undefined, hash: (phone: string) => string, sink: FactSink): void {
  for (const entry of list(payload.entry)) {
    if (!isObj(entry)) continue;
    const entryTime = entry.time === undefined && receivedAt !== undefined ? Math.floor(receivedAt) : seconds(entry.time);
    for (const change of list(entry.changes)) {
      if (!isObj(change) || !isObj(change.value)) continue;
      const value = change.value;
      if (change.field !== 'messages') {
        sink.change(String(change.field), value, entryTime);
        continue;
      }
      if (isObj(value.metadata) && value.metadata.phone_number_id !== undefined) sink.number(String(value.metadata.phone_number_id));
      for (const s of list(value.statuses)) if (isObj(s)) sink.status(statusFact(s, hash));
      for (const m of list(value.messages)) if (isObj(m)) sink.message(messageFact(m, hash));
    }
  }
  sink.end();
}
