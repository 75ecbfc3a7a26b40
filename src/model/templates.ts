/**
 * Template quality and pausing (MODEL.md §3; Meta "Template quality", "Template pausing"):
 * a template's quality (PENDING → HIGH / MEDIUM / LOW) comes from the feedback on its own
 * messages, tracked apart from the number's rating. A template reaching LOW is paused — 3 h the
 * first time, 6 h the second, disabled the third. Sending a paused template fails with 132015, a
 * disabled one with 132016; such attempts are not charged and do not count toward the limit.
 */
import { HOUR } from '../engine/index.js';
import type { Policy } from '../policy/index.js';
import { ERROR_CODES } from './codes.js';
import type { RunContext } from './context.js';
import type { ModelEvent } from './events.js';
import { createQualityState, feedbackRate } from './quality.js';
import { clearHourly } from './hourly-ring.js';
import { createPacingState, dropHeld, judgeBatch, paceUtilityTemplates, reassess } from './template-pacing.js';
import { emitWebhook } from './webhooks.js';
import type { QualityState, TemplateQuality, TemplateState } from './state/index.js';

/** A template's state at the start of a run. */
export function createTemplateState(
  index: number,
  spec: { id: string; category: TemplateState['category']; personalized: boolean; branded: boolean; sameLink: boolean; sameMedia: boolean; quality: TemplateQuality },
  policy: Policy,
): TemplateState {
  return {
    index,
    id: spec.id,
    category: spec.category,
    personalized: spec.personalized,
    branded: spec.branded,
    sameLink: spec.sameLink,
    sameMedia: spec.sameMedia,
    quality: spec.quality,
    status: 'ACTIVE',
    pauses: 0,
    feedback: createQualityState(policy),
    // Pacing applies to templates whose quality is not yet established as HIGH — Meta "Template pacing", documented
    pacing: createPacingState(spec.quality !== 'HIGH'),
    pausedHours: [],
    stats: { held: 0, released: 0, dropped: 0, verdicts: { released: 0, paused: 0, noFeedback: 0 } },
  };
}

/** The synchronous error for sending template `t` now, or 0 (Meta error codes 132015 / 132016, documented). */
export function templateSendError(t: TemplateState): number {
  return t.status === 'PAUSED' ? ERROR_CODES.templatePaused : t.status === 'DISABLED' ? ERROR_CODES.templateDisabled : 0;
}

/** Meta's quality score names in template webhooks. */
const SCORE: Readonly<Record<TemplateQuality, string>> = { PENDING: 'UNKNOWN', HIGH: 'GREEN', MEDIUM: 'YELLOW', LOW: 'RED' };

/**
 * The template quality that follows from its feedback rate: thresholds are estimates (seed 003's
 * block-rate figures); PENDING until `minDelivered`; improves only below threshold × (1 − hysteresis).
 */
export function nextTemplateQuality(current: TemplateQuality, q: QualityState, now: number, policy: Policy): TemplateQuality {
  const p = policy.templates;
  const { rate, delivered } = feedbackRate(q, now, policy.quality);
  if (delivered < p.minDelivered) return current;
  const raw: TemplateQuality = rate > p.lowThreshold ? 'LOW' : rate > p.mediumThreshold ? 'MEDIUM' : 'HIGH';
  const rank = (x: TemplateQuality): number => (x === 'LOW' ? 2 : x === 'MEDIUM' ? 1 : 0);
  if (current === 'PENDING' || rank(raw) >= rank(current)) return raw;
  const relax = 1 - policy.quality.hysteresis;
  return rate < p.mediumThreshold * relax ? 'HIGH' : rate < p.lowThreshold * relax ? 'MEDIUM' : current;
}

/** Hourly: re-rates every active template; a change emits message_template_quality_update; LOW pauses. */
export function evaluateTemplates(ctx: RunContext): void {
  const now = ctx.sim.now;
  for (const t of ctx.world.templates) {
    if (t.status !== 'ACTIVE') continue;
    const next = nextTemplateQuality(t.quality, t.feedback, now, ctx.world.policy);
    if (next === t.quality) continue;
    const previous = t.quality;
    t.quality = next;
    ctx.trace?.({ t: now, kind: 'template-quality', template: t.id, quality: next, previous });
    emitWebhook(ctx, { kind: 'message_template_quality_update', template: t.id, previousQualityScore: SCORE[previous], newQualityScore: SCORE[next], at: now });
    if (next === 'LOW') pauseTemplate(ctx, t, 'LOW_QUALITY'); // Meta "Template pausing": LOW → paused, documented
  }
}

/**
 * Pauses `t` (1st: firstPauseHours, 2nd: secondPauseHours, then disabled), dropping every held
 * message with 132015. A paused utility template makes utility templates paced for a while.
 */
export function pauseTemplate(ctx: RunContext, t: TemplateState, reason: string): void {
  const { world, sim } = ctx;
  const p = world.policy.templates;
  const now = sim.now;
  t.pauses++;
  dropHeld(ctx, t);
  if (t.category === 'utility') paceUtilityTemplates(ctx); // Meta "Template pacing", documented
  if (t.pauses >= p.disableAfterPauses) {
    t.status = 'DISABLED'; // 3rd time disabled — Meta "Template pausing", documented
    ctx.trace?.({ t: now, kind: 'template-status', template: t.id, status: 'DISABLED', reason });
    emitWebhook(ctx, { kind: 'message_template_status_update', template: t.id, event: 'DISABLED', reason, at: now });
    return;
  }
  const hours = t.pauses === 1 ? p.firstPauseHours : p.secondPauseHours; // 3 h then 6 h — documented
  t.status = 'PAUSED';
  t.pausedHours.push(hours);
  sim.scheduleIn(hours * HOUR, { type: 'template-reinstate', template: t.index, pause: t.pauses });
  ctx.trace?.({ t: now, kind: 'template-status', template: t.id, status: 'PAUSED', reason, hours });
  emitWebhook(ctx, { kind: 'message_template_status_update', template: t.id, event: 'PAUSED', reason, at: now });
}

/** The end of a pacing assessment: negative feedback pauses the template (held messages dropped) — Meta "Template pacing", documented. */
export function onPacingVerdict(e: Extract<ModelEvent, { type: 'pacing-verdict' }>, ctx: RunContext): void {
  const t = ctx.world.templates[e.template];
  if (judgeBatch(e, ctx, t) === 'paused') pauseTemplate(ctx, t, 'PACING');
}

/** The pause ends: ACTIVE again, feedback starts afresh, and the template is paced again ("just unpaused"). */
export function onTemplateReinstate(e: Extract<ModelEvent, { type: 'template-reinstate' }>, ctx: RunContext): void {
  const t = ctx.world.templates[e.template];
  if (t.status !== 'PAUSED' || t.pauses !== e.pause) return;
  t.status = 'ACTIVE';
  t.quality = 'PENDING';
  clearHourly(t.feedback.buckets);
  reassess(t); // "just unpaused": paced again — Meta "Template pacing", documented
  ctx.trace?.({ t: ctx.sim.now, kind: 'template-status', template: t.id, status: 'REINSTATED' });
  emitWebhook(ctx, { kind: 'message_template_status_update', template: t.id, event: 'REINSTATED', at: ctx.sim.now });
}
