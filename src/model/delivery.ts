/**
 * Delivery mechanics (MODEL.md §4, and §1 for the limit check at send time): the synchronous send
 * path and the delivery of accepted messages, which draws the recipient's reaction (§8).
 */
import { recordFailure, count, tally } from '../metrics/collector.js';
import { ERROR_CODES, type ErrorCode } from './codes.js';
import type { RunContext } from './context.js';
import { scheduleDelivery, scheduleMessageEvent } from './message-schedule.js';
import { inServiceWindow } from './service-window.js';
import type { SendResponse } from './observable.js';
import { noteDelivered } from './quality.js';
import { isRetryAfterCap, marketingCapped } from './marketing-cap.js';
import { admitPair } from './pair-rate.js';
import { holdIfPaced, notePacingFeedback } from './template-pacing.js';
import { templateSendError } from './templates.js';
import { checkThroughputUpgrade, takeThroughput } from './throughput.js';
import { touch } from './unique-counter.js';
import { coexistenceBroadcastRefused } from './coexistence.js';
import { enforcementError } from './restrictions.js';
import { noteSend, noteTrust } from './trust-score.js';
import { noteBusinessDelivery } from './unanswered.js';
import { noteViolationEvidence } from './policy-enforcement.js';
import { drawFeedback, noteMessage, noteReached, reactionDraws } from './recipients.js';
import { admitToLimit, checkUpgrade, notePathDelivery, settleLimit } from './tiers.js';
import { emitStatus } from './webhooks.js';
import { categoryIndex, chargeDelivered, UTILITY } from './pricing.js';

/**
 * Handles one send request: a template (`template` ≥ 0) or free-form (-1) message from number
 * index `from` to recipient `to`. Every attempt ends in exactly one terminal state: a synchronous
 * failure here, or acceptance followed by a `deliver` event.
 */
export function send(ctx: RunContext, from: number, to: number, template: number): SendResponse {
  const { world, metrics, sim } = ctx;
  const now = sim.now;
  const p = world.policy;
  count(metrics, 'attempted', now);
  const number = world.numbers[from];
  const t = template >= 0 ? world.templates[template] : undefined;
  if (t?.category === 'marketing' && isRetryAfterCap(world.audience.marketing, to, now, p.marketingCap)) {
    tally(metrics, 'aggressiveRetries'); // seed 000: retrying 131049 in a loop is aggressive behaviour, estimate
    noteTrust(number.trust, now, 'retries');
    ctx.trace?.({ t: now, kind: 'aggressive-retry', number: number.id, recipient: to });
  }
  const inWindow = inServiceWindow(number, to, now);
  const enforced = enforcementError(number, t !== undefined && !inWindow);
  if (enforced) return fail(ctx, from, to, template, enforced); // restricted, banned, under review, disconnected (MODEL.md §5–§7)
  if (now < number.throughput.upgradingUntil) return fail(ctx, from, to, template, ERROR_CODES.throughputUpgrading); // 131057, documented
  if (!takeThroughput(number.throughput, now)) return fail(ctx, from, to, template, ERROR_CODES.throughput); // 130429, documented
  if (!t && !inWindow) return fail(ctx, from, to, template, ERROR_CODES.reEngagement); // Meta error codes 131047, documented
  const templateError = t ? templateSendError(t) : 0;
  if (templateError) return fail(ctx, from, to, template, templateError); // 132015 / 132016: not charged, not counted — documented
  if (!admitPair(number, to, world.audience.size, now, p.pairRate)) return fail(ctx, from, to, template, ERROR_CODES.pairRate); // 131056, documented
  const counted = t !== undefined && !inWindow;
  if (counted && coexistenceBroadcastRefused(ctx, number)) return fail(ctx, from, to, template, ERROR_CODES.pairRate); // seed 000, estimate
  // Business-initiated (template outside a service window) counts toward the limit — Meta "Messaging limits", documented
  if (counted) {
    if (!admitToLimit(number.pool, to, now, world.portfolio.tiers)) return fail(ctx, from, to, template, ERROR_CODES.limitReached); // MODEL.md §1: no documented code, named limit_reached
    if (touch(number.window, to, now)) checkThroughputUpgrade(ctx, number); // the upgrade lands within 12 h of the qualifying volume — Meta throughput page, documented
  }
  noteSend(number.trust, now, template, counted);
  const id = ctx.nextMessageId++;
  count(metrics, 'accepted', now);
  ctx.inFlight++;
  ctx.trace?.({ t: now, kind: 'accepted', id, number: number.id, recipient: to, template, businessInitiated: counted });
  if (t && holdIfPaced(ctx, t, id, from, to, counted)) {
    ctx.trace?.({ t: now, kind: 'held', id, template: t.id });
    return { ok: true, messageId: id, messageStatus: 'held_for_quality_assessment' }; // Meta send response v24, documented
  }
  scheduleDelivery(ctx, id, from, to, template, counted);
  return { ok: true, messageId: id, messageStatus: 'accepted' };
}

function fail(ctx: RunContext, from: number, to: number, template: number, code: ErrorCode): SendResponse {
  recordFailure(ctx.metrics, code, ctx.sim.now);
  if (code === ERROR_CODES.throughput || code === ERROR_CODES.pairRate) noteTrust(ctx.world.numbers[from].trust, ctx.sim.now, 'hammer'); // seed 000: hammering
  ctx.trace?.({ t: ctx.sim.now, kind: 'rejected', number: ctx.world.numbers[from].id, recipient: to, template, code });
  return { ok: false, code };
}

/** An accepted message reaches the handset (or fails if the user blocked the number). */
export function onDeliver(datum: number, ctx: RunContext): void {
  const { world, metrics, sim, messages } = ctx;
  const now = sim.now;
  ctx.inFlight--;
  const { id, recipient, template: templateIndex, counted, number: numberIndex } = messages.load(datum);
  const number = world.numbers[numberIndex];
  if (number.blocked[recipient]) {
    const code = world.policy.delivery.blockedRecipientCode; // Meta error codes 131026, reported
    if (counted) settleLimit(number.pool, recipient, now, false, world.portfolio.tiers); // not delivered: no limit slot
    recordFailure(metrics, code, now);
    ctx.trace?.({ t: now, kind: 'failed', id, number: number.id, recipient, code });
    emitStatus(ctx, number, id, recipient, 'failed', code);
    return;
  }
  const audience = world.audience;
  const seg = audience.segments[audience.segmentOf[recipient]];
  const template = templateIndex >= 0 ? world.templates[templateIndex] : undefined;
  // Per-user marketing cap: 131049 even at GREEN quality — seed 000 cluster 3, BSP caps reported
  if (template?.category === 'marketing' && marketingCapped(audience.marketing, recipient, now, seg.marketingFromOthersPerDay, world.policy.marketingCap, ctx.streams.marketing)) {
    const code = ERROR_CODES.marketingCap;
    if (counted) settleLimit(number.pool, recipient, now, false, world.portfolio.tiers); // not delivered: no limit slot (Meta counts deliveries)
    recordFailure(metrics, code, now);
    ctx.trace?.({ t: now, kind: 'failed', id, number: number.id, recipient, code });
    emitStatus(ctx, number, id, recipient, 'failed', code);
    return;
  }
  // Delivered: the user counts toward the limit and the upgrade lookback now — Meta "Messaging limits", documented
  if (counted && settleLimit(number.pool, recipient, now, true, world.portfolio.tiers)) checkUpgrade(ctx, number.pool);
  count(metrics, 'delivered', now);
  noteReached(audience, recipient);
  ctx.trace?.({ t: now, kind: 'delivered', id, number: number.id, recipient, template: templateIndex, businessInitiated: counted });
  if (template) {
    const category = categoryIndex(template.category);
    // Meta "Pricing": a delivered template is charged, documented (the service window matters only to a utility template)
    chargeDelivered(world.pricing, number, recipient, category, category === UTILITY && inServiceWindow(number, recipient, now));
    noteDelivered(number.feedback, now);
    noteDelivered(template.feedback, now);
    noteTrust(number.trust, now, 'deliveredAll');
    if (counted) {
      noteTrust(number.trust, now, 'delivered');
      noteBusinessDelivery(number.trust.unanswered, now, recipient); // the 30-day unanswered counter (seed 003)
      noteViolationEvidence(ctx, number, 'delivered'); // Meta's policy-enforcement ladder judges feedback per delivery
    }
    notePacingFeedback(template, 'delivered');
    if (counted) notePathDelivery(ctx, number.pool, recipient, template.quality !== 'LOW' && template.quality !== 'MEDIUM');
    const recent = noteMessage(audience, recipient, now, world.policy.recipients);
    // Fatigue (MODEL.md §8, estimate): each recent message beyond the first raises the block probability
    let factor = world.blockFactors[seg.index * world.templates.length + templateIndex] * (1 + seg.fatigue * Math.max(0, recent - 1));
    if (audience.stopped[recipient]) factor *= world.policy.recipients.afterStopBlockMultiplier; // seed 003: messaging after STOP, estimate
    const fb = drawFeedback(seg, factor, template.category === 'marketing' && !audience.stopped[recipient], reactionDraws(audience, recipient, ctx.streams.reactions), ctx.feedback);
    if (fb.readAfter >= 0) scheduleMessageEvent(ctx, fb.readAfter, 'read', datum);
    if (fb.replyAfter >= 0) scheduleMessageEvent(ctx, fb.replyAfter, 'reply', datum);
    if (fb.blockAfter >= 0) scheduleMessageEvent(ctx, fb.blockAfter, 'block', messages.withBlockReason(datum, fb.blockReason));
    if (fb.reportAfter >= 0) scheduleMessageEvent(ctx, fb.reportAfter, 'report', datum);
    if (fb.stopAfter >= 0) scheduleMessageEvent(ctx, fb.stopAfter, 'stop', datum);
  }
  emitStatus(ctx, number, id, recipient, 'delivered', undefined, templateIndex);
}
