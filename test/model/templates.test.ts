import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DAY, HOUR, createStream } from '../../src/engine/index.js';
import type { SendResponse } from '../../src/model/index.js';
import { createQualityState, feedbackRate, noteDelivered, noteNegative } from '../../src/model/quality.js';
import type { QualityState, TemplateQuality, TemplateState } from '../../src/model/state/index.js';
import { evaluateTemplates, nextTemplateQuality, pauseTemplate, templateSendError } from '../../src/model/templates.js';
import { resolvePolicy } from '../../src/policy/index.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';
import { liveRun, webhookEvents, type LiveRun } from './live-run.js';

const policy = resolvePolicy(meta202510, {}, (n) => createStream(1, n));

/** Feedback of `delivered` messages and `negative` weight, all in the current hour (weight 1). */
function fed(delivered: number, negative: number, q: QualityState = createQualityState(policy), now = 0): QualityState {
  for (let i = 0; i < delivered; i++) noteDelivered(q, now);
  noteNegative(q, now, negative);
  return q;
}

/** The quality that follows `current` after `delivered` messages with `negative` weight. */
const next = (current: TemplateQuality, delivered: number, negative: number): TemplateQuality => nextTemplateQuality(current, fed(delivered, negative), 0, policy);

test('the profile holds Meta\'s pausing rules and the estimated thresholds this file tests', () => {
  const t = policy.templates;
  assert.equal([t.minDelivered, t.mediumThreshold, t.lowThreshold, t.firstPauseHours, t.secondPauseHours, t.disableAfterPauses, policy.quality.hysteresis, policy.pacing.utilityAfterPauseDays], [50, 0.01, 0.02, 3, 6, 3, 0.2, 7]);
});

test('PENDING until templates.minDelivered (50) messages; any rating is kept on too little data (Meta "Template quality": not enough data)', () => {
  assert.equal([next('PENDING', 49, 49), next('HIGH', 49, 49), next('LOW', 49, 0)], ['PENDING', 'HIGH', 'LOW']);
  assert.is(next('PENDING', 50, 0), 'HIGH', 'rated from the 50th delivered message');
});

test('thresholds (seed 003, estimates): up to 1% HIGH, up to 2% MEDIUM, above 2% LOW', () => {
  // 1,000 delivered; negative weight 10 is exactly 1%, 20 exactly 2%
  assert.equal([0, 10, 10.5, 20, 20.5, 100].map((neg) => next('PENDING', 1000, neg)), ['HIGH', 'HIGH', 'MEDIUM', 'MEDIUM', 'LOW', 'LOW']);
});

test('hysteresis (quality.hysteresis 0.2): worse at once, better only below threshold × 0.8', () => {
  assert.equal(
    [next('HIGH', 1000, 10.1), next('MEDIUM', 1000, 20.1), next('HIGH', 1000, 25)],
    ['MEDIUM', 'LOW', 'LOW'],
    'worsening needs no margin',
  );
  assert.equal([next('MEDIUM', 1000, 9), next('MEDIUM', 1000, 8), next('MEDIUM', 1000, 7.9)], ['MEDIUM', 'MEDIUM', 'HIGH'], 'MEDIUM → HIGH below 0.8%');
  assert.equal([next('LOW', 1000, 19), next('LOW', 1000, 16), next('LOW', 1000, 15.9), next('LOW', 1000, 7.9)], ['LOW', 'LOW', 'MEDIUM', 'HIGH'], 'LOW → MEDIUM below 1.6%, → HIGH below 0.8%');
});

/** A live run with a marketing template (established, HIGH), a utility one (HIGH) and two new utility ones; pacing holds from the 6th send. */
function templatesRun(): LiveRun & { t: (id: string) => TemplateState; send: (template: string, count: number) => (string | number)[] } {
  const run = liveRun({
    overrides: { 'pacing.threshold': 5 },
    portfolio: { startTier: 'TIER_100K', autoAppeal: false, numbers: [{ id: 'a' }] },
    templates: [
      { id: 'promo', category: 'marketing', quality: 'HIGH' },
      { id: 'note', category: 'utility', quality: 'HIGH' },
      { id: 'fresh', category: 'utility', quality: 'PENDING' },
      { id: 'later', category: 'utility', quality: 'PENDING' },
    ],
  });
  let next = 0;
  const answer = (r: SendResponse): string | number => (r.ok ? r.messageStatus : r.code);
  return {
    ...run,
    t: (id) => run.ctx.world.templates.find((x) => x.id === id)!,
    send: (template, count) => Array.from({ length: count }, () => answer(run.ctx.api.sendTemplate('a', next++, template))),
  };
}

test('LOW pauses 3 h, then 6 h; the third time disables for good; sends fail 132015 while paused and 132016 once disabled (Meta "Template pausing", documented)', () => {
  const { ctx, trace, advance, t, send } = templatesRun();
  const promo = t('promo');
  const t0 = ctx.sim.now;
  const mark = trace.length;
  const sent: (string | number)[][] = [];
  pauseTemplate(ctx, promo, 'LOW_QUALITY');
  sent.push(send('promo', 1));
  advance(3 * HOUR);
  sent.push(send('promo', 1));
  pauseTemplate(ctx, promo, 'LOW_QUALITY');
  advance(5 * HOUR);
  sent.push(send('promo', 1));
  advance(HOUR);
  pauseTemplate(ctx, promo, 'LOW_QUALITY');
  sent.push(send('promo', 1));
  advance(2 * DAY);
  sent.push(send('promo', 1));
  const steps = trace.slice(mark).filter((r) => r.kind === 'template-status').map((r) => [(r.t - t0) / HOUR, r.status, r.hours ?? null]);
  assert.equal(steps, [[0, 'PAUSED', 3], [3, 'REINSTATED', null], [3, 'PAUSED', 6], [9, 'REINSTATED', null], [9, 'DISABLED', null]]);
  assert.equal(sent, [[132015], ['accepted'], [132015], [132016], [132016]]);
  assert.equal([promo.status, promo.pauses, promo.pausedHours, templateSendError(promo)], ['DISABLED', 3, [3, 6], 132016]);
  const hooks = webhookEvents(trace.slice(mark), 'message_template_status_update').map(([at, ev]) => [(at - t0) / HOUR, ev]);
  assert.equal(hooks, [[0, 'PAUSED'], [3, 'REINSTATED'], [3, 'PAUSED'], [9, 'REINSTATED'], [9, 'DISABLED']]);
});

test('reinstatement: ACTIVE, quality PENDING with its feedback forgotten, and paced again ("just unpaused", Meta "Template pacing")', () => {
  const { ctx, advance, t, send } = templatesRun();
  const promo = t('promo');
  assert.equal(send('promo', 8), Array(8).fill('accepted'), 'an established HIGH template is not paced');
  fed(100, 1, promo.feedback, ctx.sim.now);
  pauseTemplate(ctx, promo, 'LOW_QUALITY');
  advance(3 * HOUR);
  assert.equal([promo.status, promo.quality, feedbackRate(promo.feedback, ctx.sim.now, policy.quality).delivered], ['ACTIVE', 'PENDING', 0]);
  assert.equal(send('promo', 8), [...Array(5).fill('accepted'), ...Array(3).fill('held_for_quality_assessment')], 'past the pacing threshold (5 here) the rest are held');
});

test('a paused utility template paces utility templates for 7 days (pacing.utilityAfterPauseDays); a paused marketing one does not', () => {
  const { ctx, advance, t, send } = templatesRun();
  assert.equal(send('fresh', 8), Array(8).fill('accepted'), 'a new utility template is not paced by default');
  pauseTemplate(ctx, t('promo'), 'LOW_QUALITY');
  assert.is(ctx.world.portfolio.utilityPacedUntil, -1, 'a marketing pause changes nothing for utility');
  const pausedAt = ctx.sim.now;
  pauseTemplate(ctx, t('note'), 'LOW_QUALITY');
  assert.is(ctx.world.portfolio.utilityPacedUntil, pausedAt + 7 * DAY);
  assert.equal(send('fresh', 8), [...Array(5).fill('accepted'), ...Array(3).fill('held_for_quality_assessment')]);
  advance(7 * DAY);
  assert.equal(send('later', 8), Array(8).fill('accepted'), 'seven days later utility is no longer paced');
});

test('hourly re-rating: each change is a message_template_quality_update (GREEN/YELLOW/RED/UNKNOWN); LOW also pauses with LOW_QUALITY', () => {
  const { ctx, trace, t } = templatesRun();
  const now = ctx.sim.now;
  fed(100, 3, t('promo').feedback, now); // 3% → LOW
  fed(100, 1.5, t('note').feedback, now); // 1.5% → MEDIUM
  fed(100, 0, t('fresh').feedback, now); // PENDING → HIGH
  fed(10, 5, t('later').feedback, now); // too little data: stays PENDING
  const mark = trace.length;
  evaluateTemplates(ctx);
  const records = trace.slice(mark).map((r) => [r.t - now, r.kind, r.template ?? r.field, r.quality ?? r.status ?? null]);
  assert.equal(records, [
    [0, 'template-quality', 'promo', 'LOW'],
    [0, 'webhook', 'message_template_quality_update', null],
    [0, 'template-status', 'promo', 'PAUSED'],
    [0, 'webhook', 'message_template_status_update', null],
    [0, 'template-quality', 'note', 'MEDIUM'],
    [0, 'webhook', 'message_template_quality_update', null],
    [0, 'template-quality', 'fresh', 'HIGH'],
    [0, 'webhook', 'message_template_quality_update', null],
  ]);
  const scores = trace
    .slice(mark)
    .filter((r) => r.field === 'message_template_quality_update')
    .map((r) => (r.payload as { entry: { changes: { value: Record<string, unknown> }[] }[] }).entry[0].changes[0].value)
    .map((v) => [v.message_template_name, v.previous_quality_score, v.new_quality_score]);
  assert.equal(scores, [['promo', 'GREEN', 'RED'], ['note', 'GREEN', 'YELLOW'], ['fresh', 'UNKNOWN', 'GREEN']]);
  assert.is(trace.slice(mark).find((r) => r.kind === 'template-status')?.reason, 'LOW_QUALITY');
  const again = trace.length;
  evaluateTemplates(ctx);
  assert.equal(trace.slice(again), [], 'no change, no record: a paused template is not re-rated');
});

test.run();
