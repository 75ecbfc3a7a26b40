/**
 * startServer as a library: a speed clock moves time by itself, the phone number's default fields,
 * the state and audience control routes, and close() writing the session's outputs.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { startServer } from '../../src/index.js';
import { APP_SECRET, control, startReceiver, statuses, tinyScenario } from './helpers.js';

test('at speed:3600 a sent message is delivered and its status posted with no control call', async () => {
  const receiver = await startReceiver();
  const server = await startServer(tinyScenario({ template: { category: 'utility' } }), { clock: 'speed:3600', webhook: receiver.url, appSecret: APP_SECRET });
  try {
    const res = await fetch(`${server.url}/v21.0/${server.numbers[0].phoneNumberId}/messages`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to: '+1 000 000 0004', type: 'template', template: { name: 'offer', language: { code: 'en_US' } } }) });
    const sent = (await res.json()) as { contacts: { wa_id: string }[]; messages: { id: string }[] };
    assert.is(sent.contacts[0].wa_id, '10000000004');
    await receiver.waitFor((r) => statuses(r).some((s) => s.id === sent.messages[0].id && s.status === 'delivered'), 'the delivered status');
  } finally {
    await server.close();
    await receiver.close();
  }
});

test('GET on the phone number without fields= gives Meta\'s default fields; an unknown field is error 100', async () => {
  const server = await startServer(tinyScenario({}));
  try {
    const phone = server.numbers[0].phoneNumberId;
    const body = (await (await fetch(`${server.url}/v24.0/${phone}`)).json()) as Record<string, unknown>;
    assert.equal(body, { verified_name: 'line-1', code_verification_status: 'VERIFIED', display_phone_number: '+1 555 0100', quality_rating: 'UNKNOWN', platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' }, id: phone });
    const bad = await fetch(`${server.url}/v24.0/${phone}?fields=quality_rating,colour`);
    assert.is(bad.status, 400);
    assert.is(((await bad.json()) as { error: { message: string } }).error.message, '(#100) Tried accessing nonexisting field (colour) on node type (WhatsAppBusinessPhoneNumber)');
  } finally {
    await server.close();
  }
});

test('control routes: audience pages, state, run until idle; close() writes results.json and report.html', async () => {
  const out = mkdtempSync(join(tmpdir(), 'wabasim-serve-lib-'));
  const server = await startServer(tinyScenario({ size: 30 }), { out });
  try {
    const page = (await control(server.url, 'audience?limit=3&offset=28')) as { users: unknown[]; total: number };
    assert.equal(page, { users: [{ wa_id: '10000000028', segment: 'customers' }, { wa_id: '10000000029', segment: 'customers' }], total: 30 });
    assert.is(((await control(server.url, 'audience?limit=0')) as { error: { code: number } }).error.code, 100);
    await fetch(`${server.url}/v24.0/${server.numbers[0].phoneNumberId}/messages`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to: '10000000001', type: 'template', template: { name: 'offer', language: { code: 'en_US' } } }) });
    const run = await control(server.url, 'clock/run', { until: 'idle' });
    assert.is(run.idle, true);
    const state = (await control(server.url, 'state')) as { idle: boolean; summary: { accepted: number; delivered: number }; numbers: { id: string }[] };
    assert.is(state.idle, true);
    assert.is(state.summary.accepted, 1);
    assert.is(state.summary.delivered, 1);
    assert.is(((await control(server.url, 'clock/advance', { seconds: -1 })) as { error: { code: number } }).error.code, 100);
  } finally {
    const written = await server.close();
    assert.equal(written, { results: join(out, 'results.json'), report: join(out, 'report.html') });
  }
  assert.is(JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')).runs[0].strategy, 'http-client');
  assert.ok(existsSync(join(out, 'report.html')));
});

test('time stops at the horizon, where sends fail with 131000 saying why; an odd path is a Graph error, not a crash', async () => {
  const notes: string[] = [];
  const server = await startServer(tinyScenario({}), { log: (line) => notes.push(line) });
  try {
    const advanced = await control(server.url, 'clock/advance', { seconds: 10 * 86_400 });
    assert.is(advanced.now, '2026-03-05T00:00:00.000Z', 'the 3-day horizon');
    const res = await fetch(`${server.url}/v24.0/${server.numbers[0].phoneNumberId}/messages`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to: '10000000002', type: 'template', template: { name: 'offer', language: { code: 'en_US' } } }) });
    const error = ((await res.json()) as { error: { code: number; error_data: { details: string } } }).error;
    assert.is(error.code, 131000);
    assert.match(error.error_data.details, 'horizon');
    assert.is((await fetch(`${server.url}//`)).status, 404);
    assert.equal(notes, []);
  } finally {
    await server.close();
  }
});

test('a receiver that fails the verification request is reported, and webhooks are sent anyway', async () => {
  const receiver = await startReceiver();
  const notes: string[] = [];
  const server = await startServer(tinyScenario({ template: { category: 'utility' } }), { webhook: receiver.url, verifyToken: 'not-the-receivers', log: (line) => notes.push(line) });
  try {
    assert.match(notes.join('\n'), 'the webhook receiver failed the verification request (HTTP 403)');
    await fetch(`${server.url}/v24.0/${server.numbers[0].phoneNumberId}/messages`, { method: 'POST', body: JSON.stringify({ messaging_product: 'whatsapp', to: '10000000002', type: 'template', template: { name: 'offer', language: { code: 'en_US' } } }) });
    await control(server.url, 'clock/advance', { seconds: 60 });
    await receiver.waitFor((r) => statuses(r).length > 0, 'a status');
    assert.is(((await control(server.url, 'state')) as { webhooks: { verified: boolean } }).webhooks.verified, false);
  } finally {
    await server.close();
    await receiver.close();
  }
});

test.run();
