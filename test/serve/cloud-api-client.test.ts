/**
 * wabasim serve as a real client sees it. The client is @kapso/whatsapp-cloud-api (npm, maintained,
 * typed, and its `baseUrl` and `graphVersion` can be set, so it talks to the local server exactly
 * as it talks to graph.facebook.com); webhooks arrive in a small HTTP receiver that checks the
 * X-Hub-Signature-256 header as Meta's docs say (helpers.ts). Each enforcement gets a tiny
 * scenario that makes it happen within a few simulated minutes or hours, on a manual clock.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { GraphApiError, WhatsAppClient } from '@kapso/whatsapp-cloud-api';
import { startServer, type ServerHandle } from '../../src/serve/index.js';
import { APP_SECRET, changes, control, startReceiver, statuses, tinyScenario, TOKEN } from './helpers.js';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

async function setUp(scenario: object, receiverOpts: { failFirst?: number } = {}): Promise<{ server: ServerHandle; receiver: Receiver; client: WhatsAppClient; phone: string }> {
  const receiver = await startReceiver(receiverOpts);
  const server = await startServer(scenario, { webhook: receiver.url, appSecret: APP_SECRET, accessToken: TOKEN, verifyToken: 'verify-me', webhookRetry: { initialDelayMs: 20, maxDelayMs: 100, attempts: 10 } });
  const client = new WhatsAppClient({ accessToken: TOKEN, baseUrl: server.url, graphVersion: 'v24.0' });
  return { server, receiver, client, phone: server.numbers[0].phoneNumberId };
}

async function tearDown(s: { server: ServerHandle; receiver: Receiver }): Promise<void> {
  await s.server.close();
  await s.receiver.close();
}

/** The wa_id of audience user `i` as the audience route lists it. */
async function waIdOf(url: string, i: number): Promise<string> {
  const page = (await control(url, `audience?limit=1&offset=${i}`)) as { users: { wa_id: string }[] };
  return page.users[0].wa_id;
}

async function graphError(p: Promise<unknown>): Promise<GraphApiError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof GraphApiError) return err;
    throw err;
  }
  throw new Error('expected a Graph API error');
}

test('131049: a marketing message to a user saturated by other brands fails in a signed status webhook', async () => {
  const s = await setUp(tinyScenario({ segment: { marketingFromOthersPerDay: 30 } }));
  try {
    const sent = await s.client.messages.sendTemplate({ phoneNumberId: s.phone, to: await waIdOf(s.server.url, 0), template: { name: 'offer', language: { code: 'en_US' } } });
    const id = sent.messages[0].id;
    assert.is(sent.messages[0].messageStatus, 'accepted');
    await control(s.server.url, 'clock/advance', { seconds: 60 });
    await s.receiver.waitFor((r) => statuses(r).some((x) => x.id === id), 'the status of the send');
    assert.equal(statuses(s.receiver.received).find((x) => x.id === id), { id, status: 'failed', code: 131049 });
    assert.ok(s.receiver.received.every((r) => r.signatureValid), 'every webhook is signed with the app secret');
    assert.is(((await control(s.server.url, 'state')) as { webhooks: { verified: boolean } }).webhooks.verified, true, 'the receiver passed the verification request');
  } finally {
    await tearDown(s);
  }
});

test('130429: a burst over 80 sends in one simulated second gets the throughput error from the 81st on', async () => {
  const s = await setUp(tinyScenario({ template: { category: 'utility' } }));
  try {
    const results: (string | number)[] = [];
    for (let i = 0; i < 85; i++) {
      try {
        const r = await s.client.messages.sendTemplate({ phoneNumberId: s.phone, to: await waIdOf(s.server.url, i), template: { name: 'offer', language: { code: 'en_US' } } });
        results.push(r.messages[0].messageStatus ?? 'sent');
      } catch (err) {
        if (!(err instanceof GraphApiError)) throw err;
        results.push(Number(err.code));
        assert.is(err.httpStatus, 400);
        assert.is(err.isRateLimit(), true);
      }
    }
    assert.equal(results, [...Array(80).fill('accepted'), ...Array(5).fill(130429)]);
    await control(s.server.url, 'clock/advance', { seconds: 1 });
    const again = await s.client.messages.sendTemplate({ phoneNumberId: s.phone, to: await waIdOf(s.server.url, 90), template: { name: 'offer', language: { code: 'en_US' } } });
    assert.is(again.messages[0].messageStatus, 'accepted', 'the next second has room again');
  } finally {
    await tearDown(s);
  }
});

test('132015: pacing holds sends, negative feedback pauses the template, held messages fail with 132015 and new sends are refused', async () => {
  const s = await setUp(
    tinyScenario({
      template: { quality: 'PENDING' },
      segment: { blockProbability: 0.9, blockDelay: { exponential: { mean: 20 } }, readDelay: { exponential: { mean: 20 } } },
      overrides: { 'pacing.threshold': 3, 'pacing.minSignals': 1, 'pacing.failRate': 0.05 },
    }),
  );
  try {
    const send = async (i: number) => s.client.messages.sendTemplate({ phoneNumberId: s.phone, to: await waIdOf(s.server.url, i), template: { name: 'offer', language: { code: 'en_US' } } });
    const kinds: (string | undefined)[] = [];
    const held: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await send(i);
      kinds.push(r.messages[0].messageStatus);
      if (r.messages[0].messageStatus === 'held_for_quality_assessment') held.push(r.messages[0].id);
    }
    assert.equal(kinds, ['accepted', 'accepted', 'accepted', 'held_for_quality_assessment', 'held_for_quality_assessment', 'held_for_quality_assessment']);
    await control(s.server.url, 'clock/advance', { seconds: 20 * 60 });
    await s.receiver.waitFor((r) => held.every((id) => statuses(r).some((x) => x.id === id)), 'the held messages');
    for (const id of held) assert.equal(statuses(s.receiver.received).find((x) => x.id === id), { id, status: 'failed', code: 132015 });
    assert.ok(changes(s.receiver.received, 'message_template_status_update').some((v) => v.event === 'PAUSED'), 'a PAUSED template webhook');
    const refused = await graphError(send(10));
    assert.is(Number(refused.code), 132015);
    const list = await s.client.templates.list({ businessAccountId: s.server.wabaId });
    assert.is(list.data[0].status, 'PAUSED');
  } finally {
    await tearDown(s);
  }
});

test('tier upgrade: delivering to enough unique users brings an UPGRADE webhook and a higher messaging_limit_tier', async () => {
  const s = await setUp(tinyScenario({ template: { category: 'utility' }, portfolio: { verified: false, startTier: 'TIER_2K' }, overrides: { 'limits.upgradeUtilisation': 0.01 } }));
  try {
    const tier = async () => ((await s.client.request('GET', s.phone, { query: { fields: 'messaging_limit_tier,quality_rating' }, responseType: 'json' })) as { messagingLimitTier: string }).messagingLimitTier;
    assert.is(await tier(), 'TIER_2K');
    for (let i = 0; i < 25; i++) await s.client.messages.sendTemplate({ phoneNumberId: s.phone, to: await waIdOf(s.server.url, i), template: { name: 'offer', language: { code: 'en_US' } } });
    await control(s.server.url, 'clock/advance', { seconds: 60 });
    await control(s.server.url, 'clock/advance', { seconds: 7 * 3600 });
    await s.receiver.waitFor((r) => changes(r, 'phone_number_quality_update').some((v) => v.event === 'UPGRADE'), 'the UPGRADE webhook');
    const upgrade = changes(s.receiver.received, 'phone_number_quality_update').find((v) => v.event === 'UPGRADE');
    assert.is(upgrade?.old_limit, 'TIER_2K');
    assert.is(upgrade?.current_limit, 'TIER_10K');
    assert.is(await tier(), 'TIER_10K');
  } finally {
    await tearDown(s);
  }
});

test('a webhook receiver that fails gets each payload again with back-off, in order', async () => {
  const s = await setUp(tinyScenario({ template: { category: 'utility' } }), { failFirst: 3 });
  try {
    for (let i = 0; i < 3; i++) await s.client.messages.sendTemplate({ phoneNumberId: s.phone, to: await waIdOf(s.server.url, i), template: { name: 'offer', language: { code: 'en_US' } } });
    await control(s.server.url, 'clock/run', { until: 'idle' });
    await s.receiver.waitFor((r) => statuses(r).filter((x) => x.status === 'delivered').length === 3, 'three delivered statuses');
    assert.ok(s.receiver.attempts() >= s.receiver.received.length + 3, 'the three failed attempts were retried');
    const times = s.receiver.received.map((r) => Number((r.body.entry[0].changes[0].value.statuses as { timestamp: string }[] | undefined)?.[0]?.timestamp ?? 0)).filter((t) => t > 0);
    assert.equal(times, [...times].sort((a, b) => a - b), 'statuses arrive in simulated-time order');
  } finally {
    await tearDown(s);
  }
});

test('errors as the Graph API gives them: bad token (190), malformed body (100), unknown recipient (131026), oversized body (413), mark as read, handshake', async () => {
  const s = await setUp(tinyScenario({}));
  try {
    const bad = new WhatsAppClient({ accessToken: 'wrong', baseUrl: s.server.url, graphVersion: 'v24.0' });
    const e190 = await graphError(bad.messages.sendText({ phoneNumberId: s.phone, to: '10000000001', body: 'hi' }));
    assert.is(Number(e190.code), 190);
    assert.is(e190.httpStatus, 401);
    const malformed = await fetch(`${s.server.url}/v24.0/${s.phone}/messages`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{"messaging_product":"whatsapp","to":' });
    const body = (await malformed.json()) as { error: Record<string, unknown> };
    assert.is(malformed.status, 400);
    assert.equal(Object.keys(body.error), ['message', 'type', 'code', 'error_data', 'fbtrace_id']);
    assert.is(body.error.code, 100);
    assert.is(body.error.message, '(#100) Invalid parameter');
    const e131026 = await graphError(s.client.messages.sendTemplate({ phoneNumberId: s.phone, to: '19999999999', template: { name: 'offer', language: { code: 'en_US' } } }));
    assert.is(Number(e131026.code), 131026);
    const huge = await fetch(`${s.server.url}/v24.0/${s.phone}/messages`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}` }, body: 'x'.repeat(1024 * 1024 + 10) });
    assert.is(huge.status, 413);
    assert.is(((await huge.json()) as { error: { code: number } }).error.code, 100);
    const sent = await s.client.messages.sendTemplate({ phoneNumberId: s.phone, to: '10000000001', template: { name: 'offer', language: { code: 'en_US' } } });
    assert.equal(await s.client.messages.markRead({ phoneNumberId: s.phone, messageId: sent.messages[0].id }), { success: true });
    const ok = await fetch(`${s.server.url}/webhook?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444`);
    assert.is(ok.status, 200);
    assert.is(await ok.text(), '1158201444');
    assert.is((await fetch(`${s.server.url}/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`)).status, 403);
  } finally {
    await tearDown(s);
  }
});

test.run();
