/** What a route answers: status, content type and the exact body bytes (deterministic for a manual clock). */
import type { GraphErrorReply } from './graph-errors.js';

export interface Reply {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * A JSON reply.
 * @example json(200, { success: true }).body // '{"success":true}'
 */
export function json(status: number, value: unknown): Reply {
  return { status, contentType: 'application/json; charset=UTF-8', body: JSON.stringify(value) };
}

/** The reply for a Graph error. */
export function errorReply(e: GraphErrorReply): Reply {
  return json(e.status, e.body);
}

/** A plain-text reply (the webhook verification handshake). */
export function text(status: number, body: string): Reply {
  return { status, contentType: 'text/plain; charset=UTF-8', body };
}
