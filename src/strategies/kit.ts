/**
 * `wabasim/strategy-kit` — the helpers the built-in strategies use, for your own strategy
 * (README "Writing a strategy"). Import it from a strategy module:
 *
 *   import { defineStrategy, createDailySender, sendingWindow, WINDOW_PARAMS } from 'wabasim/strategy-kit';
 *
 * It is the one package a strategy module may import: `run` bundles it from wabasim's own
 * compiled code into the module (src/run/strategy-bundle.ts), so it is pure — no Node built-ins,
 * no packages, no wall clock, no unseeded randomness — and runs in the strategy realm like your code.
 *
 * The two rules a strategy must respect (README "Strategies"; policy profile `throughput`,
 * `pairRate`; MODEL.md §4):
 * - throughput: per number, 80 messages per simulated second by default (1,000 after the
 *   automatic upgrade, 20 for a coexistence number); a send over it fails with 130429. Pace
 *   with `createDailySender(window, perSecond, …)` or `createThroughputGuard(perSecond)`.
 * - pair rate: one number to one user, one message per 6 s sustained, bursts up to 45; a send
 *   over it fails with 131056. Space messages to one user with `createPairGuard(intervalMs)`;
 *   retry a 131056 after `pairRateRetryDelay(attempt)` (4^X seconds).
 */
import { SECOND } from '../engine/time.js';
import type { StrategyParamDoc, StrategyParamDocs, UserStrategyDefinition } from './types.js';

export { SECOND, MINUTE, HOUR, DAY } from '../engine/time.js';
export { ERROR_CODES, type ErrorCode } from '../model/codes.js';
export type { Rng } from '../engine/rng.js';
export type { CampaignView, InboundMessage, MessageStatus, NumberView, PhoneNumberFields, QualityRating, SenderApi, SendResponse, StatusUpdate, Strategy, TemplateView, Webhook } from '../model/observable.js';
export type { ShapeField, StrategyParamDoc, StrategyParamDocs, StrategyParamType, StrategyParamValue, StrategyParamValueAny, StrategyParamValues, UserStrategyDefinition } from './types.js';
export { booleanParam, integerParam, numberParam, type BooleanParamDoc, type NumberParamDoc } from './define-strategy.js';
export { createLocalWindowQueue, sendingWindow, spreadTimes, windowDay, windowOf, WINDOW_PARAMS, type LocalWindowQueue, type SendingWindow } from './sending-window.js';
export { numberFor, rotate } from './campaign-numbers.js';
export { tierLimit } from './tier-limit.js';
export { createDailySender, sendNextRecipient, type DailySender, type DailySenderHooks, type SlotOutcome } from './daily-sender.js';
export { createUnansweredCounter, type UnansweredCounter } from './unanswered-counter.js';
export { accountEffect, createAccountWatch, notNow, type AccountWatch } from './account-watch.js';

/** A user strategy definition as the kit types it: `source` and `params` optional. */
export type StrategyDefinitionOf<P extends StrategyParamDocs> = UserStrategyDefinition<P>;

/**
 * Returns `definition` as it is, typed so that `create` receives the values of the declared
 * `params` (numbers, booleans, strings, lists, objects of the declared shape); `source` and
 * `params` may be left out. Export the result as `default`.
 * @example export default defineStrategy({ name: 'mine', description: '…', params: { perSecond: integerParam(20, 1, 80, 'Sends per second') }, create: (p) => ({ onCampaignStart() {} }) })
 */
export function defineStrategy<const P extends StrategyParamDocs = {}>(definition: UserStrategyDefinition<P>): UserStrategyDefinition<P> {
  return definition;
}

/** A string parameter declaration; with `enum`, one of the listed values. */
export interface StringParamDoc extends StrategyParamDoc {
  readonly type: 'string';
  readonly default: string;
}

/**
 * A string parameter; with `values`, one of them (the scenario check rejects others, and
 * `create` receives the union of the values as its type).
 * @example stringParam('round-robin', 'How to pick a number', ['round-robin', 'first']) // { type: 'string', default: 'round-robin', enum: [...], description: … }
 */
export function stringParam<const E extends string>(defaultValue: NoInfer<E>, description: string, values: readonly E[]): StringParamDoc & { readonly enum: readonly E[] };
export function stringParam(defaultValue: string, description: string): StringParamDoc;
export function stringParam(defaultValue: string, description: string, values?: readonly string[]): StringParamDoc {
  return values ? { type: 'string', default: defaultValue, enum: values, description } : { type: 'string', default: defaultValue, description };
}

/**
 * A list of numbers, each in [min, max].
 * @example numberListParam([9, 13, 17], 0, 23, 'Hours a batch goes out') // { type: 'number[]', default: [9, 13, 17], min: 0, max: 23, description: … }
 */
export function numberListParam(defaultValue: readonly number[], min: number, max: number, description: string): StrategyParamDoc & { readonly type: 'number[]' } {
  return { type: 'number[]', default: defaultValue, min, max, description };
}

/**
 * A list of strings; with `values`, each one of them.
 * @example stringListParam(['main'], 'Numbers to send from') // { type: 'string[]', default: ['main'], description: … }
 */
export function stringListParam(defaultValue: readonly string[], description: string, values?: readonly string[]): StrategyParamDoc & { readonly type: 'string[]' } {
  return values ? { type: 'string[]', default: defaultValue, enum: values, description } : { type: 'string[]', default: defaultValue, description };
}

/**
 * A small object of declared fields (all required, no others), each a number, integer, boolean or
 * string (with min/max or enum).
 * @example objectParam({ startHour: 9, hours: 8 }, { startHour: { type: 'integer', min: 0, max: 23 }, hours: { type: 'number', min: 1, max: 24 } }, 'Sending window')
 */
export function objectParam<const S extends Readonly<Record<string, { readonly type: 'number' | 'integer' | 'boolean' | 'string'; readonly min?: number; readonly max?: number; readonly enum?: readonly string[] }>>>(
  defaultValue: { readonly [K in keyof S]: S[K]['type'] extends 'boolean' ? boolean : S[K]['type'] extends 'string' ? string : number },
  shape: S,
  description: string,
): { readonly type: 'object'; readonly default: Readonly<Record<string, number | boolean | string>>; readonly shape: S; readonly description: string } {
  return { type: 'object', default: defaultValue as Readonly<Record<string, number | boolean | string>>, shape, description };
}

/** Sends per simulated second, per number. */
export interface ThroughputGuard {
  /** True, and counted, if `number` may send once more in the simulated second of `now`; false when `perSecond` sends went in it. */
  take(number: string, now: number): boolean;
  /** The start of the next simulated second (ms): when a refused send may go. */
  nextSecond(now: number): number;
}

/**
 * Counts sends per number per simulated second so a strategy stays under the throughput (80
 * messages/s per number by default; over it a send fails with 130429 — policy `throughput`,
 * Meta "Throughput", documented). Keep `perSecond` below the number's throughput: inbound
 * messages count too.
 * @example const guard = createThroughputGuard(40); if (guard.take(c.number, api.now())) api.sendTemplate(…); else api.wakeAt(guard.nextSecond(api.now()), tag);
 */
export function createThroughputGuard(perSecond: number): ThroughputGuard {
  const seconds = new Map<string, { second: number; count: number }>();
  return {
    take(number, now) {
      const second = Math.floor(now / SECOND);
      const s = seconds.get(number);
      if (!s || s.second !== second) {
        seconds.set(number, { second, count: 1 });
        return perSecond >= 1;
      }
      if (s.count >= perSecond) return false;
      s.count++;
      return true;
    },
    nextSecond: (now) => (Math.floor(now / SECOND) + 1) * SECOND,
  };
}

/** Spacing of messages from one number to one user. */
export interface PairGuard {
  /** The earliest time (ms, ≥ now) `number` may message `to` again. */
  nextAllowed(number: string, to: number, now: number): number;
  /** True, and noted, if `number` may message `to` at `now`; false (nothing noted) otherwise. */
  take(number: string, to: number, now: number): boolean;
}

/**
 * Keeps at least `intervalMs` between messages from one number to one user, under the pair rate
 * (one message per 6 s sustained, bursts up to 45; over it a send fails with 131056 — policy
 * `pairRate`, seed 002, documented). Memory: one entry per pair messaged.
 * @example const pairs = createPairGuard(6 * SECOND); if (pairs.take(c.number, r, api.now())) api.sendTemplate(c.number, r, c.template);
 */
export function createPairGuard(intervalMs: number): PairGuard {
  const last = new Map<string, number>();
  const nextAllowed = (number: string, to: number, now: number): number => {
    const t = last.get(`${number}\u0000${to}`);
    return t === undefined ? now : Math.max(now, t + intervalMs);
  };
  return {
    nextAllowed,
    take(number, to, now) {
      if (nextAllowed(number, to, now) > now) return false;
      last.set(`${number}\u0000${to}`, now);
      return true;
    },
  };
}

/**
 * The documented wait before retrying a 131056 (pair rate): 4^attempt seconds, in ms (attempt 0
 * → 1 s, 1 → 4 s, 2 → 16 s; seed 002, documented).
 * @example pairRateRetryDelay(2) // 16000
 */
export function pairRateRetryDelay(attempt: number): number {
  return 4 ** Math.max(0, attempt) * SECOND;
}

/**
 * An exponential backoff with jitter: baseMs × 2^(attempt − 1) × (1 + jitter × u), at most
 * `maxMs`; u from `rng` (the strategy's `api.rng`, fixed by the run seed). Seed 002 ("retry with
 * exponential backoff and jitter").
 * @example backoffDelay(3, 2000, 0.5, 3_600_000, api.rng) // between 8 s and 12 s
 */
export function backoffDelay(attempt: number, baseMs: number, jitter: number, maxMs: number, rng: { next(): number }): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1) * (1 + jitter * rng.next()));
}
