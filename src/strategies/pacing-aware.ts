/**
 * `pacing-aware`: ramps a marketing template through small batches to the best recipients first
 * and waits for the feedback between batches, so template pacing has little to hold and a bad
 * template is caught early.
 *
 *   campaign start ─▶ batch (firstBatch, lowest indices = most engaged first)
 *        ─▶ wait feedbackMinutes ─▶ batch × growth ─▶ wait ─▶ … until dailyTarget, then next day
 *   a send answered held_for_quality_assessment ─▶ no new sends until a
 *        message_template_status_update for the template, or feedbackMinutes pass
 *   PAUSED (webhook) ─▶ nothing until REINSTATED, then the ramp starts again at firstBatch
 *        (an unpaused template is paced again); DISABLED ─▶ the campaign stops
 *   132015 on a send without the webhook ─▶ one probe send every feedbackMinutes, never a loop
 *
 * Utility and authentication templates are not ramped (one batch of the daily target), but get
 * the same hold and pause handling. Batches go out at `perSecond`. limit_reached, 131031
 * (account locked) and 133010 (not registered) end the batch (the recipient is kept for the next
 * one); no batch starts while an `account_update` has the number restricted (until its end or
 * reinstatement); other failures are not retried.
 * Sources: Meta "Template pacing" and "Template pausing" (held_for_quality_assessment, 132015,
 * PAUSED / REINSTATED), documented; seeds/000 (pacing lifecycle, feedback within the first
 * 30–60 minutes, reported); seeds/003 (most engaged contacts first).
 */
import { MINUTE, SECOND, DAY } from '../engine/index.js';
import { ERROR_CODES } from '../model/codes.js';
import type { CampaignView, SenderApi } from '../model/observable.js';
import { META_TEMPLATE_PACING, META_TEMPLATE_PAUSING, SEED_000, SEED_003 } from '../policy/sources.js';
import { accountEffect, createAccountWatch } from './account-watch.js';
import { numberFor } from './campaign-numbers.js';
import { defineStrategy, integerParam, numberParam } from './define-strategy.js';

type Phase = 'sending' | 'waiting' | 'held' | 'paused' | 'probing' | 'disabled' | 'done';

interface Run {
  next: number;
  size: number;
  left: number;
  sentToday: number;
  dayStart: number;
  phase: Phase;
  /** Sequence of the one pending wake-up (older ones are stale). */
  seq: number;
}

/** Small batches first, a feedback wait between them, and no sends into a hold or a pause. */
export const pacingAware = defineStrategy({
  name: 'pacing-aware',
  description: 'Marketing templates go out in growing batches (200, 400, …) with a 60-minute feedback wait between; stops on a pacing hold, waits out a PAUSED template',
  source: `${META_TEMPLATE_PACING}; ${META_TEMPLATE_PAUSING}; ${SEED_000} (pacing lifecycle); ${SEED_003} (engaged contacts first)`,
  params: {
    firstBatch: integerParam(200, 1, 10_000_000, 'Size of the first batch of a marketing template'),
    growth: numberParam(2, 1, 100, 'Each batch is this many times the previous one'),
    feedbackMinutes: numberParam(60, 1, 1440, 'Wait after a batch (or a hold) for early feedback (seed 000: 30–60 min)'),
    perSecond: integerParam(20, 1, 1000, 'Sends per simulated second within a batch (under the 80 MPS throughput)'),
  },
  create({ firstBatch, growth, feedbackMinutes, perSecond }) {
    const wait = feedbackMinutes * MINUTE;
    const runs = new Map<number, Run>();
    const watch = createAccountWatch();

    const wake = (api: SenderApi, i: number, r: Run, at: number): void => api.wakeAt(Math.ceil(at), `${i}:${++r.seq}`);
    const rampStart = (api: SenderApi, c: CampaignView): number =>
      api.templates().find((t) => t.id === c.template)?.category === 'marketing' ? firstBatch : c.dailyTarget;

    const beginBatch = (api: SenderApi, i: number, r: Run): void => {
      const c = api.campaigns()[i];
      const now = api.now();
      if (now >= r.dayStart + DAY) {
        r.dayStart += Math.floor((now - r.dayStart) / DAY) * DAY;
        r.sentToday = 0;
      }
      if (r.next >= c.first + c.count) return void (r.phase = 'done');
      const held = watch.heldUntil(c.number);
      if (held > now) {
        r.phase = 'waiting'; // restricted: until the restriction ends, or the update reinstating the number
        if (Number.isFinite(held)) wake(api, i, r, held);
        else r.seq++;
        return;
      }
      const size = Math.min(Math.floor(r.size), c.dailyTarget - r.sentToday, c.first + c.count - r.next);
      if (size <= 0) {
        r.phase = 'waiting';
        return wake(api, i, r, r.dayStart + DAY);
      }
      r.left = size;
      r.phase = 'sending';
      sendChunk(api, i, r);
    };

    /** Sends up to `perSecond` of the batch; ends it on a hold, a pause, the limit or its last send. */
    const sendChunk = (api: SenderApi, i: number, r: Run): void => {
      const c = api.campaigns()[i];
      const now = api.now();
      for (let k = 0; k < perSecond && r.left > 0; k++) {
        const res = api.sendTemplate(numberFor(c, r.next)!, r.next, c.template);
        if (!res.ok && res.code === ERROR_CODES.templateDisabled) return void (r.phase = 'disabled');
        if (!res.ok && res.code === ERROR_CODES.templatePaused) {
          r.phase = 'probing'; // paused without the webhook yet: one probe per wait, never a loop
          return wake(api, i, r, now + wait);
        }
        if (!res.ok && (res.code === ERROR_CODES.limitReached || res.code === ERROR_CODES.accountLocked || res.code === ERROR_CODES.notRegistered)) {
          r.phase = 'waiting'; // the batch ends here; the recipient is kept for the next one
          return wake(api, i, r, now + wait);
        }
        r.next++;
        r.sentToday++;
        r.left--;
        if (res.ok && res.messageStatus === 'held_for_quality_assessment') {
          r.phase = 'held';
          return wake(api, i, r, now + wait);
        }
      }
      if (r.left > 0) return wake(api, i, r, now + SECOND);
      r.size *= growth;
      r.phase = 'waiting';
      wake(api, i, r, now + wait);
    };

    return {
      onCampaignStart(api, campaign) {
        const i = api.campaigns().findIndex((c) => c.id === campaign.id);
        const r: Run = { next: campaign.first, size: rampStart(api, campaign), left: 0, sentToday: 0, dayStart: api.now(), phase: 'sending', seq: 0 };
        runs.set(i, r);
        beginBatch(api, i, r);
      },
      onWake(api, tag) {
        const [index, seq] = tag.split(':').map(Number);
        const r = runs.get(index);
        if (!r || seq !== r.seq) return;
        if (r.phase === 'sending') sendChunk(api, index, r);
        else if (r.phase === 'waiting' || r.phase === 'held' || r.phase === 'probing') beginBatch(api, index, r);
      },
      onWebhook(api, w) {
        watch.note(w);
        if (w.kind === 'account_update' && w.number !== undefined && accountEffect(w.event) === 'resume') {
          for (const [i, r] of runs) {
            if (api.campaigns()[i].number !== w.number || r.phase !== 'waiting') continue;
            r.seq++;
            beginBatch(api, i, r);
          }
        }
        if (w.kind !== 'message_template_status_update') return;
        for (const [i, r] of runs) {
          if (api.campaigns()[i].template !== w.template || r.phase === 'done' || r.phase === 'disabled') continue;
          if (w.event === 'PAUSED' || w.event === 'DISABLED') {
            r.seq++; // supersedes any pending wake-up: nothing goes out until REINSTATED
            r.phase = w.event === 'PAUSED' ? 'paused' : 'disabled';
          } else if (w.event === 'REINSTATED' && (r.phase === 'paused' || r.phase === 'probing')) {
            r.seq++;
            r.size = rampStart(api, api.campaigns()[i]); // an unpaused template is paced again: start small
            beginBatch(api, i, r);
          } else if (r.phase === 'held') {
            r.seq++;
            beginBatch(api, i, r);
          }
        }
      },
    };
  },
});
