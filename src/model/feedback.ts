/**
 * Recipient-driven events (MODEL.md §8): reads, replies, blocks and spontaneous inbound messages.
 * Replies and inbound messages open the customer-service window; blocks close the number to the user.
 */
import { bump, recordBlock } from '../metrics/collector.js';
import type { RunContext } from './context.js';
import { openServiceWindow } from './delivery.js';
import type { ModelEvent } from './events.js';
import { nextInboundDelay, pickRecipient } from './recipients.js';

type Ev<T extends ModelEvent['type']> = Extract<ModelEvent, { type: T }>;

export function onRead(e: Ev<'read'>, ctx: RunContext): void {
  ctx.metrics.read++;
  bump(ctx.metrics, 'read', ctx.sim.now);
  const from = ctx.world.numbers[e.number].id;
  ctx.trace?.({ t: ctx.sim.now, kind: 'read', id: e.id, number: from, recipient: e.recipient });
  ctx.strategy.onStatus?.(ctx.api, { messageId: e.id, status: 'read', from, to: e.recipient, at: ctx.sim.now });
}

export function onReply(e: Ev<'reply'>, ctx: RunContext): void {
  const number = ctx.world.numbers[e.number];
  if (number.blocked[e.recipient]) return;
  ctx.metrics.replies++;
  bump(ctx.metrics, 'replies', ctx.sim.now);
  openServiceWindow(ctx, e.number, e.recipient);
  ctx.trace?.({ t: ctx.sim.now, kind: 'reply', id: e.id, number: number.id, recipient: e.recipient });
  ctx.strategy.onInbound?.(ctx.api, { from: e.recipient, to: number.id, kind: 'reply', context: e.id, at: ctx.sim.now });
}

export function onBlock(e: Ev<'block'>, ctx: RunContext): void {
  const number = ctx.world.numbers[e.number];
  if (number.blocked[e.recipient]) return;
  number.blocked[e.recipient] = 1;
  recordBlock(ctx.metrics, e.reason, ctx.sim.now);
  ctx.trace?.({ t: ctx.sim.now, kind: 'block', id: e.id, number: number.id, recipient: e.recipient, reason: e.reason });
}

/** A spontaneous inbound message from a random member of the segment to a random number. */
export function onInboundArrival(e: Ev<'inbound-arrival'>, ctx: RunContext): void {
  const { world, streams, sim } = ctx;
  const seg = world.audience.segments[e.segment];
  const recipient = pickRecipient(seg, streams.inbound);
  const numberIndex = Math.floor(streams.inbound.next() * world.numbers.length);
  const number = world.numbers[numberIndex];
  const next = nextInboundDelay(seg, streams.inbound);
  if (Number.isFinite(next)) sim.scheduleIn(next, e);
  if (number.blocked[recipient]) return;
  ctx.metrics.inbound++;
  bump(ctx.metrics, 'inbound', sim.now);
  openServiceWindow(ctx, numberIndex, recipient);
  ctx.trace?.({ t: sim.now, kind: 'inbound', number: number.id, recipient });
  ctx.strategy.onInbound?.(ctx.api, { from: recipient, to: number.id, kind: 'text', at: sim.now });
}
