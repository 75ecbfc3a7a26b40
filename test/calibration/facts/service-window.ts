/** At the limit, business-initiated sends fail but replies inside service windows go (MODEL.md §1, §4). */
import type { SenderApi } from '../../../src/model/index.js';
import type { ResolvedStrategy } from '../../../src/run/index.js';
import { count, type Fact, fmt, mean, ofRuns, tracedRuns } from '../fact.js';
import { campaign, optedInList, phone, template } from '../lists.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * A sender that blasts its campaign (80 a second, no retries) and answers every inbound message
 * (a reply or a user writing in) at once with a free-form message: what a support desk does.
 */
export const responder: ResolvedStrategy = {
  label: 'blast + answer every inbound',
  params: {},
  definition: {
    name: 'blast-and-answer',
    description: 'Blasts the campaign; answers each inbound message with a free-form message',
    source: 'test/calibration (a support desk beside a campaign)',
    params: {},
    create() {
      let next = -1;
      const chunk = (api: SenderApi): void => {
        const c = api.campaigns()[0];
        if (next < 0) next = c.first;
        const to = Math.min(c.first + c.count, next + 80);
        for (let r = next; r < to; r++) api.sendTemplate(c.number, r, c.template);
        next = to;
        if (to < c.first + c.count) api.wakeAt(api.now() + 1000, 'chunk');
      };
      return {
        onCampaignStart: (api) => chunk(api),
        onWake: (api) => chunk(api),
        onInbound: (api, m) => {
          if (m.kind !== 'stop') api.sendText(m.to, m.from);
        },
      };
    },
  },
};

/** A new, unverified portfolio (TIER_250) blasts 3,000 opted-in users who reply and write in often. */
export function atTheLimit(): Record<string, unknown> {
  return {
    name: 'at-the-limit',
    policy: 'meta-2025-10',
    horizonDays: 2,
    portfolio: { verified: false, numbers: [phone('cloud-api', 180)] },
    templates: [template()],
    audience: { segments: [optedInList(3000, { replyProbability: 0.3, inboundPerDay: 0.2 })] },
    campaigns: [campaign()],
    strategies: ['blast'],
  };
}

export const repliesGoAtTheLimit: Fact = {
  id: 'replies-go-at-the-limit',
  fact: 'A number at its messaging limit fails further business-initiated sends (limit_reached), while its replies inside open customer-service windows still go through',
  source: 'Meta "Messaging limits" (messages in a customer-service window are not counted; at the limit only business-initiated messages are restricted); MODEL.md §1, §4',
  expected: 'in every run: templates refused with limit_reached; free-form replies sent after the limit was hit within 24 h; 0 free-form replies refused at the limit',
  seeds: { full: 20, reduced: 6 },
  async check(run) {
    const runs = await tracedRuns(atTheLimit(), responder, run);
    const stats = runs.map(({ trace }) => {
      let firstLimit = Infinity;
      let templatesAtLimit = 0;
      let repliesAfter = 0;
      let repliesRefusedAtLimit = 0;
      for (const r of trace) {
        if (r.kind === 'rejected' && r.code === 'limit_reached') {
          if (r.template === -1) repliesRefusedAtLimit++;
          else {
            templatesAtLimit++;
            firstLimit = Math.min(firstLimit, r.t);
          }
        } else if (r.kind === 'accepted' && r.template === -1 && r.t > firstLimit && r.t < firstLimit + DAY) repliesAfter++;
      }
      return { templatesAtLimit, repliesAfter, repliesRefusedAtLimit };
    });
    const ok = count(stats, (s) => s.templatesAtLimit > 0 && s.repliesAfter > 0 && s.repliesRefusedAtLimit === 0);
    const n = runs.length;
    return {
      figure: `per run: ${fmt(mean(stats.map((s) => s.templatesAtLimit)), 0)} templates refused at the limit, ${fmt(mean(stats.map((s) => s.repliesAfter)), 0)} free-form replies sent after it, ${stats.reduce((a, s) => a + s.repliesRefusedAtLimit, 0)} replies refused at the limit in all; holds in ${ofRuns(ok, n)}`,
      pass: ok === n,
    };
  },
};
