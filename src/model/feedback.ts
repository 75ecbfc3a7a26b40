/**
 * Recipient-driven events (MODEL.md §8): reads, replies, blocks, reports, STOP replies and
 * spontaneous inbound messages. They feed the number's quality rating (§2); replies, STOP and
 * inbound messages open the customer-service window; blocks close the number to the user.
 */
import { BLOCK_REASONS, type BlockReason } from '../policy/index.js';
import { recordBlock, count } from '../metrics/collector.js';
import type { RunContext } from './context.js';
import { openServiceWindow } from './service-window.js';
import type { ModelEvent } from './events.js';
import type { MessageFields } from './messages.js';
import { blockWeight, noteNegative, notePositive } from './quality.js';
import { nextInboundDelay, noteStopped, pickRecipient } from './recipients.js';
import { noteReply } from './marketing-cap.js';
import { notePacingFeedback } from './template-pacing.js';
import { takeThroughput } from './throughput.js';
import { noteTrust } from './trust-score.js';
import { noteViolationEvidence } from './policy-enforcement.js';
import { emitInbound, emitStatus } from './webhooks.js';
import type { NumberState } from './state/index.js';

type Ev<T extends ModelEvent['type']> = Extract<ModelEvent, { type: T }>;

/**
 * Feedback on a template's message: into the template's own quality buckets (MODEL.md §3,
 * tracked apart from the number) and into a running pacing assessment. `weight` > 0 is credit,
 * < 0 negative weight.
 */
function noteTemplate(ctx: RunContext, index: number, kind: 'negative' | 'signal', weight: number): void {
  if (index < 0) return;
  const t = ctx.world.templates[index];
  if (weight > 0) notePositive(t.feedback, ctx.sim.now, weight);
  else if (weight < 0) noteNegative(t.feedback, ctx.sim.now, -weight);
  notePacingFeedback(t, kind);
}

export function onRead(datum: number, ctx: RunContext): void {
  const { id, number: numberIndex, recipient, template } = ctx.messages.load(datum);
  const number = ctx.world.numbers[numberIndex];
  count(ctx.metrics, 'read', ctx.sim.now);
  notePositive(number.feedback, ctx.sim.now, ctx.world.policy.quality.readCredit); // seed 002: read rate a weak signal, estimate
  noteTemplate(ctx, template, 'signal', ctx.world.policy.quality.readCredit);
  ctx.trace?.({ t: ctx.sim.now, kind: 'read', id, number: number.id, recipient });
  emitStatus(ctx, number, id, recipient, 'read');
}

export function onReply(datum: number, ctx: RunContext): void {
  const { id, number: numberIndex, recipient, template } = ctx.messages.load(datum);
  const number = ctx.world.numbers[numberIndex];
  if (number.blocked[recipient]) return;
  count(ctx.metrics, 'replies', ctx.sim.now);
  notePositive(number.feedback, ctx.sim.now, ctx.world.policy.quality.replyCredit); // MODEL.md §2: replies to templates positive, estimate
  noteTemplate(ctx, template, 'signal', ctx.world.policy.quality.replyCredit);
  noteReply(ctx.world.audience.marketing, recipient, ctx.sim.now); // a reply allows one more marketing message (BSP, reported)
  noteTrust(number.trust, ctx.sim.now, 'replies');
  openServiceWindow(ctx, number.index, recipient);
  ctx.trace?.({ t: ctx.sim.now, kind: 'reply', id, number: number.id, recipient });
  emitInbound(ctx, number, recipient, 'reply', id);
}

export function onBlock(datum: number, ctx: RunContext): void {
  const m = ctx.messages.load(datum);
  const reason: BlockReason = BLOCK_REASONS[m.blockReason] ?? 'other';
  const number = blockNumber(ctx, m, reason, blockWeight(reason, ctx.world.policy.quality)); // seed 002/003: blocks by reason, estimate
  if (number) ctx.trace?.({ t: ctx.sim.now, kind: 'block', id: m.id, number: number.id, recipient: m.recipient, reason });
}

/** A spam report: the user also blocks; reports weigh most (MODEL.md §2 "reports severe"). */
export function onReport(datum: number, ctx: RunContext): void {
  const m = ctx.messages.load(datum);
  const number = blockNumber(ctx, m, 'spam', ctx.world.policy.quality.reportWeight); // estimate
  if (!number) return;
  noteViolationEvidence(ctx, number, 'reports'); // user reports feed Meta's policy enforcement — documented
  count(ctx.metrics, 'reports', ctx.sim.now);
  ctx.trace?.({ t: ctx.sim.now, kind: 'report', id: m.id, number: number.id, recipient: m.recipient });
}

/**
 * The recipient of message `m` blocks its number (for `reason`, weighing `weight` on the number's
 * and the template's quality and a block on the trust score); returns the number, or undefined if
 * the user had blocked it already.
 */
function blockNumber(ctx: RunContext, m: Readonly<MessageFields>, reason: BlockReason, weight: number): NumberState | undefined {
  const recipient = m.recipient;
  const number = ctx.world.numbers[m.number];
  if (number.blocked[recipient]) return undefined;
  number.blocked[recipient] = 1;
  recordBlock(ctx.metrics, reason, ctx.sim.now);
  noteNegative(number.feedback, ctx.sim.now, weight);
  noteTemplate(ctx, m.template, 'negative', -weight);
  noteTrust(number.trust, ctx.sim.now, 'blocks');
  noteViolationEvidence(ctx, number, 'blocks'); // excessive negative feedback (Meta policy enforcement) — documented
  return number;
}

/** A STOP reply: an inbound message (opens the window) that asks the business to stop. */
export function onStop(datum: number, ctx: RunContext): void {
  const { id, number: numberIndex, recipient, template } = ctx.messages.load(datum);
  const number = ctx.world.numbers[numberIndex];
  if (number.blocked[recipient] || ctx.world.audience.stopped[recipient]) return;
  noteStopped(ctx.world.audience, recipient);
  count(ctx.metrics, 'stops', ctx.sim.now);
  openServiceWindow(ctx, number.index, recipient);
  takeThroughput(number.throughput, ctx.sim.now, true); // inbound counts toward throughput (Meta throughput page)
  noteTemplate(ctx, template, 'signal', 0);
  ctx.trace?.({ t: ctx.sim.now, kind: 'stop', id, number: number.id, recipient });
  emitInbound(ctx, number, recipient, 'stop', id);
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
  count(ctx.metrics, 'inbound', sim.now);
  openServiceWindow(ctx, numberIndex, recipient);
  takeThroughput(number.throughput, sim.now, true); // inbound and outbound combined — Meta throughput page, documented
  noteReply(world.audience.marketing, recipient, sim.now); // a user who writes in has answered (unanswered counter, cap)
  ctx.trace?.({ t: sim.now, kind: 'inbound', number: number.id, recipient });
  emitInbound(ctx, number, recipient, 'text');
}
