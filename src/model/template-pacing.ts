/**
 * Template pacing (MODEL.md §3; Meta "Template pacing"; seed 000):
 *
 *   paced template: sends 1..threshold go out ──▶ send threshold+1: holding starts, the window opens
 *        (message_status held_for_quality_assessment for every send while holding)
 *   end of window: the batch's blocks and reports per delivered message
 *        ├─ ≥ failRate (with enough signals) ─▶ template PAUSED, every held message dropped: failed 132015
 *        ├─ too few signals ─────────────────▶ released (no-feedback path)
 *        └─ otherwise ───────────────────────▶ released in batches, the last one `releaseMinutes` after holding started
 *   Meta's guardrail (99% of paced messages delivered within an hour) bounds a held message's wait
 *   from the hold start, feedback window included: the batches fill the rest of `releaseMinutes`.
 *   A template whose quality is established is not paced again (until it is unpaused). Business
 *   portfolio pacing (2026) paces every template while a number is RED or the portfolio is new.
 */
import { DAY, MINUTE } from '../engine/index.js';
import { bump, recordFailure } from '../metrics/collector.js';
import { ERROR_CODES } from './codes.js';
import type { RunContext } from './context.js';
import type { ModelEvent } from './events.js';
import { scheduleDelivery } from './message-schedule.js';
import { settleLimit } from './tiers.js';
import { emitStatus } from './webhooks.js';
import type { TemplateState, World, PacingState } from './state/index.js';

/** Fields per held message in `held`: id, number, recipient, counted (0/1). */
const HELD_FIELDS = 4;

export function createPacingState(needsAssessment: boolean): PacingState {
  return { needsAssessment, phase: 'open', cycle: 0, sent: 0, delivered: 0, negative: 0, signals: 0, held: [], releaseFrom: 0 };
}

/** A utility template was paused: utility templates are paced for `pacing.utilityAfterPauseDays` (Meta "Template pacing", documented). */
export function paceUtilityTemplates(ctx: RunContext): void {
  ctx.world.portfolio.utilityPacedUntil = ctx.sim.now + ctx.world.policy.pacing.utilityAfterPauseDays * DAY;
}

/** `t` needs a quality assessment again (it was just unpaused). */
export function reassess(t: TemplateState): void {
  t.pacing.needsAssessment = true;
}

/** Business-portfolio pacing is on: a number is RED, or the portfolio is below its first automatic tier (little history). */
export function portfolioPacing(world: World): boolean {
  if (!world.policy.pacing.portfolioPacing) return false;
  const firstAuto = world.portfolio.firstAutomaticTier;
  for (const n of world.numbers) if (n.quality === 'RED') return true;
  for (const p of world.pools) if (p.tierIndex < firstAuto) return true;
  return false;
}

/** Does pacing apply to a send of `t` now? Marketing; utility for a while after a utility pause; anything under portfolio pacing. */
function isPaced(world: World, t: TemplateState, now: number): boolean {
  if (t.category === 'authentication') return false;
  const applies = t.category === 'marketing' || now < world.portfolio.utilityPacedUntil;
  // applies: while the template needs an assessment, or under portfolio pacing; otherwise only under portfolio pacing
  return (applies && t.pacing.needsAssessment) || portfolioPacing(world);
}

/**
 * Decides the fate of an accepted send of template `t`: true if it is held (response
 * `held_for_quality_assessment`), false if it goes out now.
 */
export function holdIfPaced(ctx: RunContext, t: TemplateState, id: number, number: number, recipient: number, counted: boolean): boolean {
  const { world, sim } = ctx;
  const s = t.pacing;
  if (s.phase === 'releasing') return false; // the verdict was positive: new sends go out
  if (s.phase === 'open') {
    if (!isPaced(world, t, sim.now)) return false;
    if (++s.sent <= world.policy.pacing.threshold) return false; // the first batch goes out normally — Meta, documented; size estimate
    s.phase = 'holding';
    sim.scheduleIn(world.policy.pacing.windowMinutes * MINUTE, { type: 'pacing-verdict', template: t.index, cycle: s.cycle });
    ctx.trace?.({ t: sim.now, kind: 'pacing-hold-start', template: t.id, sent: s.sent - 1 });
  }
  s.held.push(id, number, recipient, counted ? 1 : 0);
  t.stats.held++;
  bump(ctx.metrics, 'held', sim.now);
  return true;
}

/** Feedback on a message of `t` during an assessment counts toward the verdict. */
export function notePacingFeedback(t: TemplateState, kind: 'delivered' | 'negative' | 'signal'): void {
  const s = t.pacing;
  if (s.sent === 0 && s.phase === 'open') return;
  if (kind === 'delivered') s.delivered++;
  else if (kind === 'negative') {
    s.negative++;
    s.signals++;
  } else s.signals++;
}

/** How an assessment ended: the template is to be paused (held messages dropped), or its held messages released. */
export type PacingVerdict = 'paused' | 'released' | 'released-no-feedback';

/**
 * The end of the feedback window (a pacing-verdict event of the current cycle): the batch's
 * verdict, or undefined for a stale event. A release is scheduled here; a pause is the caller's
 * to carry out (templates.ts owns a template's status), which drops the held messages (dropHeld).
 */
export function judgeBatch(e: Extract<ModelEvent, { type: 'pacing-verdict' }>, ctx: RunContext, t: TemplateState): PacingVerdict | undefined {
  const s = t.pacing;
  if (s.cycle !== e.cycle || s.phase !== 'holding') return undefined;
  const p = ctx.world.policy.pacing;
  const rate = s.negative / Math.max(1, s.delivered);
  const enough = s.signals >= p.minSignals;
  const verdict: PacingVerdict = enough && rate >= p.failRate ? 'paused' : enough ? 'released' : 'released-no-feedback';
  ctx.trace?.({ t: ctx.sim.now, kind: 'pacing-verdict', template: t.id, verdict, held: s.held.length / HELD_FIELDS, delivered: s.delivered, negative: s.negative, signals: s.signals });
  t.stats.verdicts[verdict === 'paused' ? 'paused' : verdict === 'released' ? 'released' : 'noFeedback']++;
  if (verdict === 'paused') return verdict; // negative feedback → paused, held dropped (seed 000), documented
  s.phase = 'releasing';
  s.needsAssessment = false;
  s.releaseFrom = 0;
  const batches = Math.max(1, Math.round(p.releaseBatches));
  const offsets = releaseOffsets(p.releaseMinutes, p.windowMinutes, batches);
  for (let b = 0; b < batches; b++) ctx.sim.scheduleIn(offsets[b], { type: 'pacing-release', template: t.index, cycle: s.cycle, batch: b });
  return verdict;
}

/**
 * When each release batch goes out, in ms after the verdict: the first at once, the rest evenly
 * spaced so the last leaves one step before `releaseMinutes` after holding started. Every held
 * message was held at or after the hold start, so each waits at most
 * max(`windowMinutes`, `releaseMinutes` − step) plus the delivery latency.
 * Rule: held messages released in batches (seed 000, reported) and 99% of paced messages delivered
 * within an hour (Meta "Template pacing", documented) — the hour counts from when a message was held.
 * @example releaseOffsets(60, 15, 6) // [0, 450000, 900000, 1350000, 1800000, 2250000]: the last batch 52.5 min after the hold start
 */
export function releaseOffsets(releaseMinutes: number, windowMinutes: number, batches: number): number[] {
  const step = (Math.max(0, releaseMinutes - windowMinutes) * MINUTE) / batches;
  return Array.from({ length: batches }, (_, b) => Math.round(b * step));
}

/** Releases the next share of held messages to delivery. */
export function onPacingRelease(e: Extract<ModelEvent, { type: 'pacing-release' }>, ctx: RunContext): void {
  const t = ctx.world.templates[e.template];
  const s = t.pacing;
  if (s.cycle !== e.cycle || s.phase !== 'releasing') return;
  const batches = Math.max(1, Math.round(ctx.world.policy.pacing.releaseBatches));
  const total = s.held.length / HELD_FIELDS;
  const until = e.batch === batches - 1 ? total : Math.min(total, Math.ceil(((e.batch + 1) * total) / batches));
  for (let i = s.releaseFrom; i < until; i++) {
    const k = i * HELD_FIELDS;
    scheduleDelivery(ctx, s.held[k], s.held[k + 1], s.held[k + 2], t.index, s.held[k + 3] === 1);
    t.stats.released++;
    bump(ctx.metrics, 'released', ctx.sim.now);
  }
  s.releaseFrom = until;
  if (e.batch === batches - 1) resetCycle(s);
}

/** Drops every held (not yet released) message with a failed 132015 status (Meta "Template pacing", documented). */
export function dropHeld(ctx: RunContext, t: TemplateState): void {
  const s = t.pacing;
  const now = ctx.sim.now;
  const total = s.held.length / HELD_FIELDS;
  const from = s.phase === 'releasing' ? s.releaseFrom : 0;
  for (let i = from; i < total; i++) {
    const k = i * HELD_FIELDS;
    const n = ctx.world.numbers[s.held[k + 1]];
    if (s.held[k + 3] === 1) settleLimit(n.pool, s.held[k + 2], now, false, ctx.world.portfolio.tiers); // dropped, never delivered: no limit slot
    ctx.inFlight--;
    t.stats.dropped++;
    bump(ctx.metrics, 'dropped', now);
    recordFailure(ctx.metrics, ERROR_CODES.templatePaused, now);
    ctx.trace?.({ t: now, kind: 'failed', id: s.held[k], number: n.id, recipient: s.held[k + 2], code: ERROR_CODES.templatePaused, dropped: true });
    emitStatus(ctx, n, s.held[k], s.held[k + 2], 'failed', ERROR_CODES.templatePaused);
  }
  resetCycle(s);
}

function resetCycle(s: PacingState): void {
  s.phase = 'open';
  s.cycle++;
  s.sent = 0;
  s.delivered = 0;
  s.negative = 0;
  s.signals = 0;
  s.held = [];
  s.releaseFrom = 0;
}
