import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { runWith, scenario, segment, timetable } from './helpers.js';

type Payload = { object: string; entry: { id: string; changes: { field: string; value: Record<string, unknown> }[] }[] };

test('message status webhooks follow Meta\'s messages shape, with errors on failures', () => {
  const s = scenario({ horizonDays: 1, audience: { segments: [segment({ id: 'l', size: 300, blockProbability: 0, reportProbability: 0, stopProbability: 0, readProbability: 1 })] }, campaigns: [{ id: 'c', template: 'promo', segment: 'l' }] });
  const { trace } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 1 }]));
  const statuses = trace.filter((r) => r.kind === 'webhook' && r.field === 'messages').map((r) => (r.payload as Payload).entry[0].changes[0].value);
  const first = statuses[0] as { messaging_product: string; metadata: Record<string, string>; statuses: Record<string, unknown>[] };
  assert.is(first.messaging_product, 'whatsapp');
  assert.equal(Object.keys(first.metadata).sort(), ['display_phone_number', 'phone_number_id']);
  assert.equal(Object.keys(first.statuses[0]).sort(), ['id', 'pricing', 'recipient_id', 'status', 'timestamp'], 'a delivered template carries its pricing category');
  assert.match(String(first.statuses[0].id), /^wamid\./);
  assert.match(String(first.statuses[0].timestamp), /^\d{10}$/);
  assert.equal(statuses.map((v) => (v.statuses as { status: string }[])[0].status), ['delivered', 'read']);
});

test('tier changes emit business_capability_update with max_daily_conversations_per_business and the phone-number cap', () => {
  const { trace } = runWith(scenario({ horizonDays: 2, portfolio: { verified: true, numbers: [{ id: 'a' }] } }), timetable([]));
  const cap = trace.find((r) => r.kind === 'webhook' && r.field === 'business_capability_update');
  assert.equal((cap?.payload as Payload).entry[0].changes[0].value, { max_daily_conversations_per_business: 2000, max_phone_numbers_per_waba: 25 });
  const legacy = runWith(scenario({ policy: 'meta-legacy-2025', horizonDays: 2, portfolio: { verified: true, numbers: [{ id: 'a' }] } }), timetable([])).trace;
  const cap2 = legacy.find((r) => r.kind === 'webhook' && r.field === 'business_capability_update');
  assert.equal((cap2?.payload as Payload).entry[0].changes[0].value, { max_daily_conversation_per_phone: 1000, max_phone_numbers_per_waba: 25 });
});

test('a STOP reply arrives as an inbound text "STOP" and the user is never sent to again by a polite sender', () => {
  const s = scenario({ horizonDays: 1, audience: { segments: [segment({ id: 'l', size: 100, stopProbability: 1, blockProbability: 0, reportProbability: 0, replyProbability: 0 })] }, campaigns: [{ id: 'c', template: 'promo', segment: 'l' }] });
  const { trace, result } = runWith(s, timetable([{ day: 0, hour: 1, number: 'a', count: 10 }]));
  assert.is(result.summary.stops, 10);
  const inbound = trace.filter((r) => r.kind === 'webhook' && r.field === 'messages').map((r) => (r.payload as Payload).entry[0].changes[0].value).filter((v) => 'messages' in v);
  assert.is(inbound.length, 10);
  assert.equal((inbound[0].messages as { text: { body: string } }[])[0].text.body, 'STOP');
});

test.run();
