import { createHmac } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { createWebhookSender, signature } from '../../src/serve/webhook-sender.js';
import { APP_SECRET, startReceiver } from './helpers.js';

test('signature is sha256= and the hex HMAC-SHA256 of the raw body with the app secret', () => {
  const body = '{"object":"whatsapp_business_account","entry":[]}';
  assert.is(signature(body, 'secret'), `sha256=${createHmac('sha256', 'secret').update(body).digest('hex')}`);
});

test('payloads arrive once each, in order, signed; a failing receiver gets retries', async () => {
  const receiver = await startReceiver({ failFirst: 2 });
  const sender = createWebhookSender({ url: receiver.url, appSecret: APP_SECRET, retry: { initialDelayMs: 5, maxDelayMs: 20, attempts: 5 } });
  try {
    for (let i = 0; i < 5; i++) sender.enqueue(JSON.stringify({ entry: [{ changes: [{ field: 'n', value: { i } }] }] }));
    await sender.idle();
    assert.equal(receiver.received.map((r) => r.body.entry[0].changes[0].value.i), [0, 1, 2, 3, 4]);
    assert.ok(receiver.received.every((r) => r.signatureValid));
    assert.equal({ ...sender.stats }, { queued: 5, delivered: 5, retried: 2, givenUp: 0 });
  } finally {
    await sender.close();
    await receiver.close();
  }
});

test('a payload is given up after its last attempt, and the next one still goes', async () => {
  const receiver = await startReceiver({ failFirst: 3 });
  const gaveUp: string[] = [];
  const sender = createWebhookSender({ url: receiver.url, retry: { initialDelayMs: 1, maxDelayMs: 2, attempts: 3 }, onGiveUp: (body) => gaveUp.push(body) });
  try {
    sender.enqueue('{"entry":[{"changes":[{"field":"a","value":{}}]}]}');
    sender.enqueue('{"entry":[{"changes":[{"field":"b","value":{}}]}]}');
    await sender.idle();
    assert.equal(gaveUp, ['{"entry":[{"changes":[{"field":"a","value":{}}]}]}']);
    assert.equal(receiver.received.map((r) => r.body.entry[0].changes[0].field), ['b']);
  } finally {
    await sender.close();
    await receiver.close();
  }
});

test.run();
