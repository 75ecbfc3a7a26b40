/**
 * Manual clock is deterministic: a scripted client replayed against two fresh servers gets
 * byte-identical responses and byte-identical (signed) webhooks, in the same order.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startServer } from '../../src/serve/index.js';
import { APP_SECRET, startReceiver, tinyScenario } from './helpers.js';

interface Exchange {
  readonly request: string;
  readonly status: number;
  readonly contentType: string | null;
  readonly body: string;
}

const SCENARIO = tinyScenario({
  segment: { replyProbability: 0.5, replyDelay: { exponential: { mean: 120 } }, inboundPerDay: 3, marketingFromOthersPerDay: 1, blockProbability: 0.05, blockDelay: { exponential: { mean: 600 } } },
  size: 60,
});

/** The script: sends of every kind, errors, clock moves, reads of the number, templates, state and audience. */
async function session(): Promise<{ exchanges: Exchange[]; webhooks: string[] }> {
  const receiver = await startReceiver();
  const server = await startServer(SCENARIO, { webhook: receiver.url, appSecret: APP_SECRET, clock: 'manual' });
  const phone = server.numbers[0].phoneNumberId;
  const exchanges: Exchange[] = [];
  const call = async (method: string, path: string, body?: unknown): Promise<void> => {
    const res = await fetch(`${server.url}${path}`, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body) });
    exchanges.push({ request: `${method} ${path}`, status: res.status, contentType: res.headers.get('content-type'), body: await res.text() });
  };
  const template = (to: string) => ({ messaging_product: 'whatsapp', to, type: 'template', template: { name: 'offer', language: { code: 'en_US' } } });
  try {
    await call('GET', '/_wabasim/audience?limit=5&offset=0');
    for (let i = 0; i < 40; i++) await call('POST', `/v24.0/${phone}/messages`, template(String(10_000_000_000 + i)));
    await call('POST', `/v24.0/${phone}/messages`, template('10000000000')); // the same user at once: pair rate
    await call('POST', `/v24.0/${phone}/messages`, { messaging_product: 'whatsapp', to: '10000000003', type: 'text', text: { body: 'hello' } });
    await call('POST', `/v24.0/${phone}/messages`, '{"broken');
    await call('POST', `/v24.0/${phone}/messages`, { messaging_product: 'whatsapp', to: '10000000003', type: 'template', template: { name: 'nope', language: { code: 'en_US' } } });
    for (let step = 0; step < 6; step++) {
      await call('POST', '/_wabasim/clock/advance', { seconds: 600 });
      await call('GET', `/v24.0/${phone}?fields=quality_rating,messaging_limit_tier,status,throughput`);
      for (let i = 0; i < 8; i++) await call('POST', `/v24.0/${phone}/messages`, { messaging_product: 'whatsapp', to: String(10_000_000_000 + ((step * 8 + i) % 60)), type: 'text', text: { body: 'follow-up' } });
    }
    await call('GET', `/v24.0/${server.wabaId}/message_templates`);
    await call('POST', '/_wabasim/clock/run', { until: 'idle' });
    await call('POST', '/_wabasim/clock/advance', { seconds: 86_400 });
    await call('GET', '/_wabasim/state');
  } finally {
    await server.close();
    await receiver.close();
  }
  return { exchanges, webhooks: receiver.received.map((r) => r.raw) };
}

test('two runs of one scripted client give byte-identical responses and webhooks', async () => {
  const a = await session();
  const b = await session();
  assert.ok(a.exchanges.length > 90);
  assert.ok(a.webhooks.length > 40, `webhooks: ${a.webhooks.length}`);
  assert.ok(a.exchanges.some((e) => e.status === 400), 'the script meets errors');
  assert.ok(a.webhooks.some((w) => w.includes('"messages":[')), 'the script meets inbound messages');
  assert.equal(b.exchanges, a.exchanges);
  assert.equal(b.webhooks, a.webhooks);
});

test.run();
