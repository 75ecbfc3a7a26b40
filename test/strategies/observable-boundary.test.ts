import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { SenderApi } from '../../src/model/observable.js';
import type { StrategyDefinition } from '../../src/strategies/index.js';
import { runWith, scenario } from '../model/helpers.js';

/** The documented SenderApi (src/model/observable.ts), and the keys of each view it hands out. */
const API_KEYS = ['attribute', 'attributes', 'campaigns', 'getPhoneNumber', 'inLocalWindow', 'localHour', 'now', 'numbers', 'openApp', 'rng', 'sendTemplate', 'sendText', 'templates', 'wakeAt'];
const VIEW_KEYS = new Set([
  ...['id', 'channel'],
  ...['id', 'category'],
  ...['id', 'template', 'number', 'first', 'count', 'startAt', 'dailyTarget', 'numbers', 'series', 'occurrence', 'localWindow', 'from', 'to'],
  ...['ok', 'data', 'code', 'messageId', 'messageStatus'],
  ...['id', 'health_status', 'can_send_message', 'quality_rating', 'whatsapp_business_manager_messaging_limit', 'messaging_limit_tier', 'status'],
  ...['next'],
  ...API_KEYS,
]);
/** Names of hidden state that must never be reachable from what a strategy is given. */
const HIDDEN = /^(world|ctx|sim|queue|audience|trust|pool|pools|policy|metrics|streams|feedback|pacing|blocked|windowUntil|score)$/;

/** Every object or function reachable from `root` through own properties, with its property names. */
function reachable(root: object): { path: string; keys: string[] }[] {
  const seen = new Set<object>();
  const out: { path: string; keys: string[] }[] = [];
  const visit = (value: unknown, path: string): void => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.add(value);
    out.push({ path, keys: Object.getOwnPropertyNames(value).filter((k) => !/^\d+$/.test(k) && k !== 'length' && k !== 'name') });
    for (const k of Object.getOwnPropertyNames(value)) visit((value as Record<string, unknown>)[k], `${path}.${k}`);
  };
  visit(root, 'api');
  return out;
}

test('a strategy is handed exactly the documented SenderApi, and nothing hidden is reachable from it', () => {
  let seenApi: SenderApi | undefined;
  const spy: StrategyDefinition = {
    name: 'spy',
    description: 'records the api',
    source: 'test',
    params: {},
    create: () => ({
      onCampaignStart(api, campaign) {
        seenApi = api;
        api.sendTemplate(campaign.number, campaign.first, campaign.template);
      },
    }),
  };
  runWith(scenario({ horizonDays: 1 }), spy);
  const api = seenApi!;
  assert.equal(Object.keys(api).sort(), API_KEYS);
  const phone = api.getPhoneNumber(api.numbers()[0].id);
  const views = [api, api.numbers(), api.templates(), api.campaigns(), phone, api.rng, api.sendTemplate('nobody', -1, 'none')];
  for (const { path, keys } of views.flatMap(reachable)) {
    for (const k of keys) {
      assert.not.match(k, HIDDEN, `${path}.${k}`);
      assert.ok(VIEW_KEYS.has(k), `${path}.${k} is not part of a documented view`);
    }
  }
  for (const k of API_KEYS) if (k !== 'rng') assert.is(typeof (api as unknown as Record<string, unknown>)[k], 'function');
  assert.equal(Object.keys(api.rng), ['next']);
});

test('built-in strategies import nothing from src/model but the types of observable.ts and codes.ts', () => {
  const dir = 'src/strategies';
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
    const text = readFileSync(`${dir}/${f}`, 'utf8');
    for (const m of text.matchAll(/^import\s+(type\s+)?[^'"]*from\s+'([^']+)'/gm)) {
      const [, typeOnly, from] = m;
      if (!from.includes('/model/')) continue;
      assert.ok(from === '../model/observable.js' || from === '../model/codes.js', `${f} imports ${from}`);
      if (from === '../model/observable.js') assert.ok(typeOnly, `${f}: observable.ts is imported for types only`);
    }
    assert.not.match(text, /Math\.random|Date\.now|new Date\(/, `${f} draws randomness or reads the clock`);
  }
});

test.run();
