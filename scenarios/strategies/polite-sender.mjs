// @ts-check
/**
 * polite-sender — an example user strategy for wabasim.
 *
 * What it does: sends each campaign in hourly batches of `perHour` recipients (lowest recipient
 * indices first), only between `firstHour` and `lastHour` of each simulated day, never messages a
 * recipient again after they sent STOP, and does not retry a failed send. At most `dailyTarget`
 * recipients a day per campaign.
 *
 * How a user strategy works:
 * - Reference it from a scenario by path, relative to the scenario file and inside the scenario's
 *   directory tree (README "Threat model"; `--allow-strategy-path DIR` allows another directory):
 *     "strategies": ["blast", "./strategies/polite-sender.mjs"]
 *   or with parameters: { "name": "./strategies/polite-sender.mjs", "params": { "perHour": 10 } }
 *   On the command line, `--strategy ./scenarios/strategies/polite-sender.mjs` is relative to the
 *   working directory. `.js`, `.mjs`, `.ts` and `.mts` load alike (bundled by esbuild).
 * - Export `default` (or `strategy`): { name, description, source?, params?, create(params) }.
 *   `params` declares each parameter { type: 'number' | 'integer' | 'boolean', default, min?,
 *   max?, description }; wabasim checks scenario values against it and passes the resolved values
 *   to `create`. `create` is called once per run and returns the callbacks: onCampaignStart
 *   (required), onWake, onStatus, onInbound, onWebhook. Keep all state inside `create`.
 * - The callbacks get the SenderApi (src/model/observable.ts) and nothing else: now(),
 *   numbers(), templates(), campaigns(), sendTemplate(from, to, template), sendText(from, to),
 *   wakeAt(at, tag), getPhoneNumber(id), openApp(id) and rng. Times are simulated milliseconds
 *   since the run start. Use `api.rng.next()` for randomness — never Math.random() or Date.now()
 *   — so the same seed gives the same results.
 * - Schedule a wake-up per batch, not per message, so a large campaign stays fast.
 *
 * Source of its rules: seeds/003_bb4d35adda67ac79.txt (steady hourly pace within a daytime
 * window; "automated opt-out handling that removes the contact from future sends immediately").
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** @type {import('wabasim').StrategyDefinition} */
export default {
  name: 'polite-sender',
  description: 'Hourly batches during office hours, lowest recipient indices first; never messages a recipient after STOP; no retries',
  source: 'scenarios/strategies/polite-sender.mjs; seeds/003_bb4d35adda67ac79.txt (pace, window, STOP handling)',
  params: {
    perHour: { type: 'integer', default: 25, min: 1, max: 100000, description: 'Recipients per hourly batch' },
    firstHour: { type: 'integer', default: 9, min: 0, max: 23, description: 'First hour of the day a batch goes out' },
    lastHour: { type: 'integer', default: 17, min: 1, max: 24, description: 'Batches stop at this hour' },
  },
  create(params) {
    const perHour = Number(params.perHour);
    const firstHour = Number(params.firstHour);
    const lastHour = Number(params.lastHour);
    /** Recipients who sent STOP. */
    const stopped = new Set();
    /** Per campaign id: next recipient, and the day and count of today's sends. */
    const state = new Map();

    /** The next batch time at or after `t`: on the hour, inside office hours. */
    function nextSlot(t) {
      const hourStart = Math.ceil(t / HOUR) * HOUR;
      const hour = (hourStart % DAY) / HOUR;
      if (hour >= firstHour && hour < lastHour) return hourStart;
      const day = Math.floor(hourStart / DAY) + (hour >= lastHour ? 1 : 0);
      return day * DAY + firstHour * HOUR;
    }

    /** @param {import('wabasim').SenderApi} api @param {string} id */
    function batch(api, id) {
      const campaign = api.campaigns().find((c) => c.id === id);
      const s = state.get(id);
      if (!campaign || !s) return;
      const today = Math.floor(api.now() / DAY);
      if (today !== s.day) {
        s.day = today;
        s.sentToday = 0;
      }
      const end = campaign.first + campaign.count;
      let sent = 0;
      while (s.next < end && sent < perHour && s.sentToday < campaign.dailyTarget) {
        const to = s.next++;
        if (stopped.has(to)) continue;
        api.sendTemplate(campaign.number, to, campaign.template);
        sent++;
        s.sentToday++;
      }
      if (s.next < end) api.wakeAt(nextSlot(api.now() + 1), id);
    }

    return {
      onCampaignStart(api, campaign) {
        state.set(campaign.id, { next: campaign.first, day: -1, sentToday: 0 });
        const at = nextSlot(api.now());
        if (at === api.now()) batch(api, campaign.id);
        else api.wakeAt(at, campaign.id);
      },
      onWake(api, tag) {
        batch(api, tag);
      },
      onInbound(_api, message) {
        if (message.kind === 'stop') stopped.add(message.from);
      },
    };
  },
};
