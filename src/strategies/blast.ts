/**
 * `blast`: the whole campaign at once, as fast as the API takes it, with immediate retries — the
 * naive sender seed 000 warns against ("blasting" a list). A baseline for the other strategies.
 * "At once" means `perSecond` sends every second from the campaign start (default 80, the
 * documented default throughput — seed 002), so its outcome is about limits and quality rather
 * than the sender's own HTTP speed; set it above 80 to see 130429.
 */
import type { SenderApi, Strategy } from '../model/observable.js';
import { SEED_000, SEED_002 } from '../policy/sources.js';
import { booleanParam, defineStrategy, integerParam } from './define-strategy.js';
import { numberFor } from './campaign-numbers.js';

export const blast = defineStrategy({
  name: 'blast',
  description: 'Sends every campaign recipient from the campaign start at full speed; retries a failed send immediately',
  source: `${SEED_000} (the anti-pattern it describes); speed: ${SEED_002}`,
  params: {
    retries: integerParam(2, 0, 100, 'Immediate retries of a synchronously failed send'),
    perSecond: integerParam(80, 1, 100_000, 'Sends per second'),
    retryFailedStatus: booleanParam(false, 'Also resend at once when a status webhook says failed (the naive 131049 retry loop)'),
    maxStatusRetries: integerParam(5, 0, 1000, 'Resends per recipient on failed status webhooks'),
  },
  create({ retries, perSecond, retryFailedStatus, maxStatusRetries }) {
    /** Next recipient per campaign id. */
    const next = new Map<string, number>();
    const sendChunk = (api: SenderApi, id: string): void => {
      const c = api.campaigns().find((x) => x.id === id)!;
      const from = next.get(id) ?? c.first;
      const to = Math.min(c.first + c.count, from + perSecond);
      for (let r = from; r < to; r++) {
        const from = numberFor(c, r)!;
        for (let attempt = 0; attempt <= retries; attempt++) if (api.sendTemplate(from, r, c.template).ok) break;
      }
      next.set(id, to);
      if (to < c.first + c.count) api.wakeAt(api.now() + 1000, id);
    };
    const statusRetries = new Map<number, number>();
    const strategy: Strategy = {
      onCampaignStart: (api, campaign) => sendChunk(api, campaign.id),
      onWake: sendChunk,
    };
    if (!retryFailedStatus) return strategy; // no status listener: the model need not build status updates
    return {
      ...strategy,
      onStatus(api, update) {
        if (update.status !== 'failed') return;
        const done = statusRetries.get(update.to) ?? 0;
        if (done >= maxStatusRetries) return;
        const c = api.campaigns().find((x) => x.numbers.includes(update.from) && update.to >= x.first && update.to < x.first + x.count);
        if (!c) return;
        statusRetries.set(update.to, done + 1);
        api.sendTemplate(update.from, update.to, c.template);
      },
    };
  },
});
