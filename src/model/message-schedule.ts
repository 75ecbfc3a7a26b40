/**
 * Putting accepted messages in flight: the delivery after the platform latency, and every later
 * event about a message (read, reply, block, report, STOP) as a compact engine event whose datum
 * carries the message (messages.ts). Delivery, pacing (releases) and the recipient's reactions all
 * schedule through here, so none of them imports another for it.
 */
import { SECOND, exponential } from '../engine/index.js';
import type { RunContext } from './context.js';
import { MESSAGE_EVENT_KIND, type MessageEvent } from './messages.js';

/** Puts an accepted message in flight: its delivery after the platform latency (an estimate). */
export function scheduleDelivery(ctx: RunContext, id: number, from: number, to: number, template: number, counted: boolean): void {
  const latency = Math.round(exponential(ctx.streams.delivery, ctx.world.policy.delivery.latencyMeanSeconds) * SECOND); // estimate
  scheduleMessageEvent(ctx, latency, 'deliver', ctx.messages.open(id, from, to, template, counted));
}

/** Schedules event `kind` about the in-flight message `datum` carries, after `delay` ms (messages.ts). */
export function scheduleMessageEvent(ctx: RunContext, delay: number, kind: MessageEvent, datum: number): void {
  ctx.messages.retain(datum);
  ctx.sim.scheduleCompactIn(delay, MESSAGE_EVENT_KIND[kind], datum);
}
