/**
 * What a sender learns about its numbers' accounts (MODEL.md §7, §9): an `account_update`
 * webhook restricting, banning, reviewing or disconnecting a number stops sends from it until
 * the restriction's end (`until`) or the update that reinstates or reconnects it; and which send
 * refusals mean "not now" rather than "not this recipient". Event names: Meta's
 * ACCOUNT_RESTRICTION and DISABLED_UPDATE, wabasim's where Meta has none (ACCOUNT_UNDER_REVIEW,
 * DISCONNECTED, BANNED; REINSTATED, RECONNECTED).
 * Sources: Meta Webhooks reference (account_update) and error codes (131031, 133010), documented;
 * MODEL.md §1 (limit_reached); seeds/000 (restrictions).
 */
import { ERROR_CODES, type ErrorCode } from '../model/codes.js';
import type { Webhook } from '../model/observable.js';

const STOPS: ReadonlySet<string> = new Set(['ACCOUNT_RESTRICTION', 'DISABLED_UPDATE', 'ACCOUNT_UNDER_REVIEW', 'DISCONNECTED', 'BANNED']);
const RESUMES: ReadonlySet<string> = new Set(['REINSTATED', 'RECONNECTED']);
/** Refusals about the sender's state now, not the recipient: try that recipient again later. */
const NOT_NOW: ReadonlySet<ErrorCode> = new Set<ErrorCode>([ERROR_CODES.limitReached, ERROR_CODES.accountLocked, ERROR_CODES.notRegistered]);

/**
 * 'stop' when an account_update event stops the number sending, 'resume' when it lets it send
 * again, else undefined.
 * @example accountEffect('ACCOUNT_RESTRICTION') // 'stop'
 */
export function accountEffect(event: string): 'stop' | 'resume' | undefined {
  return STOPS.has(event) ? 'stop' : RESUMES.has(event) ? 'resume' : undefined;
}

/**
 * True for a send refusal that says "not now" (limit_reached, 131031 account locked, 133010 not
 * registered): the recipient should be kept for later, and the sends due now given up.
 * @example notNow('limit_reached') // true
 * @example notNow(131049) // false
 */
export function notNow(code: ErrorCode): boolean {
  return NOT_NOW.has(code);
}

/** Which numbers may not send, from the account_update webhooks seen. */
export interface AccountWatch {
  /** Takes note of a webhook (anything but an account_update about one number is ignored). */
  note(w: Webhook): void;
  /** The time until which `number` may not send (Infinity: until further notice; ≤ now: free). */
  heldUntil(number: string): number;
}

/**
 * Creates an empty watch: every number free.
 * @example const watch = createAccountWatch(); watch.note(webhook); watch.heldUntil('a') > api.now()
 */
export function createAccountWatch(): AccountWatch {
  const until = new Map<string, number>();
  return {
    note(w) {
      if (w.kind !== 'account_update' || w.number === undefined) return;
      const effect = accountEffect(w.event);
      if (effect === 'stop') until.set(w.number, Math.max(until.get(w.number) ?? -Infinity, w.until ?? Infinity));
      else if (effect === 'resume') until.delete(w.number);
    },
    heldUntil: (number) => until.get(number) ?? -Infinity,
  };
}
