/**
 * `wabasim init strategy NAME [--ts] [--out DIR] [--force]` (issue 22 item 4): writes NAME.mjs
 * (or NAME.ts) — a small, commented strategy built on `wabasim/strategy-kit` that stays under the
 * throughput and the pair rate — and prints the scenario line that runs it. The template is one
 * text with the TypeScript annotations marked, so both flavours say the same thing.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { kitMsg, UserInputError } from '../../errors/index.js';

/** Options of `init strategy`. */
export interface InitStrategyArgs {
  readonly name: string;
  readonly ts: boolean;
  readonly out: string;
  readonly force: boolean;
}

/** A strategy name that is also a file name. */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Writes the strategy file; returns what it printed (the path and how to use it).
 * @throws {UserInputError} a bad name, or a file that exists (without --force)
 * @example initStrategyCommand({ name: 'my-sender', ts: false, out: 'scenarios/strategies', force: false })
 */
export function initStrategyCommand(a: InitStrategyArgs): string {
  if (!NAME.test(a.name)) throw new UserInputError([kitMsg.badName(a.name)]);
  const path = join(a.out, `${a.name}${a.ts ? '.ts' : '.mjs'}`);
  if (existsSync(path) && !a.force) throw new UserInputError([kitMsg.exists(path)]);
  mkdirSync(a.out, { recursive: true });
  writeFileSync(path, strategyTemplate(a.name, a.ts));
  const shown = relative(process.cwd(), path) || path;
  const ref = `./${shown.split(sep).join('/')}`;
  const text = [
    `wrote ${shown}`,
    '',
    'Run it from a scenario file in this directory (the path is relative to the scenario file and stays inside its directory tree):',
    `  "strategies": ["tier-aware", "${ref}"]`,
    `  or with parameters: { "name": "${ref}", "params": { "perSecond": 20, "fraction": 0.8 } }`,
    `or from the command line: wabasim run SCENARIO.json --strategy ${ref}`,
    'README "Writing a strategy" explains the callbacks, the kit (wabasim/strategy-kit) and the rules it must respect.',
    '',
  ].join('\n');
  process.stdout.write(text);
  return text;
}

/**
 * The template for `name`: TypeScript (`ts`) or JavaScript with JSDoc types. Lines ending in
 * `//ts` exist only in the TypeScript flavour, `//js` only in the JavaScript one; `⟨…⟩` holds a
 * TypeScript annotation.
 * @example strategyTemplate('my-sender', true).startsWith('/**') // true
 */
export function strategyTemplate(name: string, ts: boolean): string {
  const text = TEMPLATE.replaceAll('NAME', name)
    .split('\n')
    .filter((line) => !(ts ? line.endsWith('//js') : line.endsWith('//ts')))
    .map((line) => line.replace(/ *\/\/(ts|js)$/, ''))
    .join('\n');
  return ts ? text.replace(/⟨([^⟩]*)⟩/g, '$1') : text.replace(/⟨[^⟩]*⟩/g, '');
}

const TEMPLATE = `/**
 * NAME — a wabasim strategy (made by \`wabasim init strategy\`; edit freely).
 *
 * What it does: each day, from the campaign start, sends new recipients spread over a daily
 * sending window — at most min(the campaign's daily target, \`fraction\` of the number's messaging
 * limit) a day, at most \`perSecond\` sends in one simulated second — skips anyone who sent STOP,
 * and keeps a recipient for the next slot when a send is refused "for now" (limit_reached).
 *
 * The two rules every strategy must respect (README "Strategies"; policy profile meta-2025-10
 * \`throughput\` and \`pairRate\`):
 * - throughput: a number sends at most 80 messages per simulated second (inbound included;
 *   1,000 after Meta's automatic upgrade, 20 on a coexistence number). A send over it fails with
 *   130429. The kit's createDailySender fills at most \`perSecond\` slots a second (default 20).
 * - pair rate: one number to one user, one message per 6 s sustained (bursts up to 45). A send
 *   over it fails with 131056. This strategy messages each user once per campaign, and
 *   createPairGuard keeps any repeat at least 6 s apart.
 *
 * Everything a strategy sees comes through \`api\` (the SenderApi): api.now() is the simulated time
 * in ms, api.rng.next() the run's random stream. Math.random() and Date.now() are refused.
 */
import { createDailySender, createPairGuard, defineStrategy, notNow, numberParam, sendingWindow, tierLimit, SECOND, WINDOW_PARAMS } from 'wabasim/strategy-kit';
import type { CampaignView, SenderApi } from 'wabasim/strategy-kit'; //ts
/** @typedef {import('wabasim/strategy-kit').SenderApi} SenderApi */ //js
/** @typedef {import('wabasim/strategy-kit').CampaignView} CampaignView */ //js

export default defineStrategy({
  name: 'NAME',
  description: 'Daily share of the messaging limit over a sending window, under 80 MPS and the pair rate; no sends after STOP',
  // where its rules come from (shown by wabasim run and the report)
  source: 'NAME (wabasim init strategy template); Meta "Messaging limits", "Throughput"; seed 003 (window)',
  // each parameter is declared once; scenario values are checked against it (wabasim list strategies shows the kinds)
  params: {
    fraction: numberParam(0.9, 0.01, 1, 'Share of the messaging limit used per day'),
    // windowStartHour, windowHours and perSecond (1–1000, default 20: keep it under 80)
    ...WINDOW_PARAMS,
  },
  create(params) {
    // all state lives here: create() runs once per run
    const stopped = new Set⟨<number>⟩();
    const next = new Map⟨<number, number>⟩(); // campaign index → next recipient
    const waiting = new Map⟨<number, number[]>⟩(); // recipients refused "for now", per campaign
    const pairs = createPairGuard(6 * SECOND);
    let limit = 250; // Meta: a new portfolio starts at 250 unique users a day; read from the API below

    /** @param {SenderApi} api @param {CampaignView} c @param {number} i @returns {'sent' | 'wait' | 'done'} */ //js
    const fill = (api⟨: SenderApi⟩, c⟨: CampaignView⟩, i⟨: number⟩)⟨: 'sent' | 'wait' | 'done'⟩ => {
      const queue = waiting.get(i) ?? [];
      let to = queue.shift();
      while (to === undefined || stopped.has(to)) {
        const r = next.get(i) ?? c.first;
        if (r >= c.first + c.count) return 'done';
        next.set(i, r + 1);
        to = stopped.has(r) ? undefined : r;
      }
      if (!pairs.take(c.number, to, api.now())) {
        queue.unshift(to); // messaged less than 6 s ago: next slot
        waiting.set(i, queue);
        return 'wait';
      }
      const res = api.sendTemplate(c.number, to, c.template);
      if (!res.ok && notNow(res.code)) {
        queue.unshift(to); // limit_reached and the like: try this recipient again at the next slot
        waiting.set(i, queue);
        return 'wait';
      }
      waiting.set(i, queue);
      return 'sent';
    };

    const sender = createDailySender(sendingWindow(params), params.perSecond, {
      // new recipients for day \`day\` of the campaign: called when each day's window opens
      quota(api, c) {
        const r = api.getPhoneNumber(c.number); // one Graph API request a day
        const read = r.ok ? tierLimit(r.data.whatsapp_business_manager_messaging_limit) : undefined;
        if (read !== undefined) limit = read;
        return Math.min(c.dailyTarget, Math.floor(params.fraction * limit));
      },
      fill,
    });

    return {
      onCampaignStart: (api, campaign) => sender.onCampaignStart(api, campaign),
      onWake: (api, tag) => void sender.onWake(api, tag),
      onInbound(_api, message) {
        if (message.kind === 'stop') stopped.add(message.from);
      },
    };
  },
});
`;
