import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { readFileSync } from 'node:fs';
import { EvidenceTally } from '../../src/calibrate/evidence.js';

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../test/fixtures/meta-webhooks/${name}.json`, import.meta.url), 'utf8'));

test("Meta's own example payloads count as the consequences they are", () => {
  const t = new EvidenceTally();
  for (const name of ['messages-status-failed', 'phone_number_quality_update-quality-updated', 'message_template_status_update-paused', 'message_template_quality_update', 'account_update-restriction', 'messages-status-delivered', 'messages-text-reply']) {
    assert.ok(t.add(fixture(name)), name);
  }
  const e = t.evidence();
  assert.is(e.failed, 1);
  assert.is(e.undeliverable, 0, 'the example failure is 131049, not 131026');
  assert.is(e.qualityDowngrades, 1);
  assert.is(e.worstRating, 'YELLOW');
  assert.is(e.templatePauses, 1);
  assert.is(e.templateQualityDrops, 1);
  assert.is(e.restrictions, 1);
  assert.is(e.numbers, 1);
});

test('a payload that is not a WhatsApp Business Account webhook is ignored, not counted', () => {
  const t = new EvidenceTally();
  assert.not.ok(t.add({ object: 'page', entry: [] }));
  assert.not.ok(t.add('STOP'));
  assert.is(t.ignored, 2);
  assert.is(t.evidence().delivered, 0);
});

test('delivered template messages are counted per day from the first, service messages not at all, recipients through the key', () => {
  const status = (id: string, ts: number, to: string, category: string): unknown => ({
    object: 'whatsapp_business_account',
    entry: [{ id: '1', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '9' }, statuses: [{ id, status: 'delivered', timestamp: String(ts), recipient_id: to, pricing: { category } }] } }] }],
  });
  const t = new EvidenceTally((id) => `h${id.length}`);
  t.add(status('a', 1_000_000, '111', 'marketing'));
  t.add(status('b', 1_000_000 + 86_400 + 3_600, '2222', 'marketing'));
  t.add(status('c', 1_000_000 + 100, '33333', 'service'));
  const e = t.evidence();
  assert.is(e.delivered, 2);
  assert.equal(e.deliveredPerDay, [1, 1]);
  assert.is(e.recipients, 2);
});

test.run();
