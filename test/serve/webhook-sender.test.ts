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

test('with lanes, each key\'s payloads keep their order while keys interleave', async () => {
  const receiver = await startReceiver({ failFirst: 1 });
  const sender = createWebhookSender({ url: receiver.url, lanes: 4, retry: { initialDelayMs: 5, maxDelayMs: 20, attempts: 5 } });
  try {
    for (let i = 0; i < 40; i++) sender.enqueue(JSON.stringify({ entry: [{ changes: [{ field: `user-${i % 5}`, value: { i } }] }] }), `user-${i % 5}`);
    await sender.idle();
    assert.is(receiver.received.length, 40);
    for (let k = 0; k < 5; k++) {
      const seen = receiver.received.filter((r) => r.body.entry[0].changes[0].field === `user-${k}`).map((r) => r.body.entry[0].changes[0].value.i as number);
      assert.equal(seen, Array.from({ length: 8 }, (_, j) => k + 5 * j), `user-${k}`);
    }
  } finally {
    await sender.close();
    await receiver.close();
  }
});

test.run();
