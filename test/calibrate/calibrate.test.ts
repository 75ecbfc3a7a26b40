/**
 * `wabasim calibrate` as a user meets it: the three line forms, hidden-truth lines ignored,
 * malformed lines counted, wrong files refused, phone numbers absent from every output, the
 * fragment and the merged scenario valid, the hidden posterior rendered (a fake inference), and
 * the beta distribution form sampled deterministically.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrate } from '../../src/calibrate/index.js';
import { writeCalibration } from '../../src/calibrate/write.js';
import { classifyLine, fieldAt } from '../../src/calibrate/read-log.js';
import type { HiddenInferenceInput, HiddenPosterior } from '../../src/calibrate/hidden-types.js';
import { UserInputError } from '../../src/errors/index.js';
import { validateScenarioData } from '../../src/scenario/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';
import { sampleParam } from '../../src/policy/index.js';
import { createStream } from '../../src/engine/index.js';

const dir = mkdtempSync(join(tmpdir(), 'wabasim-calibrate-'));
const T0 = 1_767_600_000; // 2026-01-05T08:00:00Z
const PHONE = (i: number): string => `5511987${String(100000 + i).slice(1)}`;

function envelope(value: object): object {
  return { object: 'whatsapp_business_account', entry: [{ id: '2000', changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '+55 11 3000 0000', phone_number_id: '1000' }, ...value } }] }] };
}
const delivered = (id: string, i: number, t: number): object => envelope({ statuses: [{ id, status: 'delivered', timestamp: String(t), recipient_id: PHONE(i), pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' } }] });
const read = (id: string, i: number, t: number): object => envelope({ statuses: [{ id, status: 'read', timestamp: String(t), recipient_id: PHONE(i) }] });
const text = (i: number, t: number, body: string, context?: string): object =>
  envelope({ contacts: [{ profile: { name: `Ana ${i}` }, wa_id: PHONE(i) }], messages: [{ from: PHONE(i), id: `wamid.in${i}.${t}`, timestamp: String(t), type: 'text', text: { body }, ...(context ? { context: { from: '+55 11 3000 0000', id: context } } : {}) }] });

/**
 * A log of 400 recipients over 3 days in the three line forms: each gets one marketing template;
 * 300 read it (after 600 s); 40 of the readers reply (600 s after reading), 8 of the others send
 * STOP; 12 spontaneous inbound messages. Plus simulator-only lines, a blank line and 2 malformed lines.
 */
function writeLog(file: string): void {
  const lines: string[] = [];
  for (let i = 0; i < 400; i++) {
    const id = `wamid.M${i}`;
    const t = T0 + i * 30;
    const form = i % 3;
    const put = (p: object, at: number): void => {
      // bare payload, {receivedAt, payload} wrapper, and wabasim events lines
      if (form === 0) lines.push(JSON.stringify(p));
      else if (form === 1) lines.push(JSON.stringify({ receivedAt: new Date(at * 1000 + 250).toISOString(), payload: p }));
      else lines.push(JSON.stringify({ time: new Date(at * 1000).toISOString(), t: 0, kind: 'webhook', field: 'messages', payload: p }));
    };
    put(delivered(id, i, t), t);
    if (form === 2) lines.push(JSON.stringify({ time: new Date(t * 1000).toISOString(), t: 0, kind: 'block', id: i, number: 'api', recipient: i, reason: 'spam' }));
    if (i < 300) put(read(id, i, t + 600), t + 600);
    if (i < 40) put(text(i, t + 1_200, 'Yes please', id), t + 1_200);
    else if (i >= 300 && i < 308) put(text(i, t + 900, ' stop! '), t + 900);
  }
  for (let k = 0; k < 12; k++) lines.push(JSON.stringify(text(100 + k, T0 + 86_400 + k * 3_600, 'Hello, is the shop open?')));
  lines.push(JSON.stringify(delivered('wamid.END', 399, T0 + 3 * 86_400))); // the log's span: 3 days
  lines.push('', '{"object":"whatsapp_business_account",', JSON.stringify({ hello: 'world' }));
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const log = join(dir, 'log.jsonl');
writeLog(log);

test('each line form is read; the simulator-only lines of wabasim events are skipped unread', () => {
  assert.ok(typeof classifyLine({ object: 'whatsapp_business_account', entry: [] }) === 'object');
  assert.is(classifyLine({ time: '2026-01-05T00:00:00Z', kind: 'block', recipient: 1 }), 'hidden');
  const wrapped = classifyLine({ received_at: 1_767_600_000, body: JSON.stringify({ object: 'whatsapp_business_account', entry: [] }) });
  assert.ok(typeof wrapped === 'object' && 'payload' in wrapped && wrapped.receivedAt === 1_767_600_000);
  assert.ok(typeof classifyLine({ object: 'page' }) === 'object' && 'malformed' in (classifyLine({ object: 'page' }) as object));
});

test('calibrates read, reply and STOP probabilities and the inbound rate from a small log, with n and intervals', async () => {
  const c = await calibrate({ logs: [log] });
  assert.is(c.summary.malformed, 2);
  assert.is(c.summary.firstMalformed[0].line > 0, true);
  assert.ok(c.summary.hiddenSkipped > 100, 'block lines are skipped');
  const s = c.observables.segments[0];
  assert.is(s.delivered, 401);
  assert.is(s.recipients, 400);
  // read among not replied: (300 − 40) of (400 − 40), censoring leaves out none of these (window ≈ minutes; all delivered in the first 4 hours)
  assert.is(s.readProbability?.k, 260);
  assert.is(s.readProbability?.n, 360);
  assert.is(s.replyProbability?.k, 40);
  assert.is(s.stopProbability?.k, 8);
  assert.ok((s.readProbability?.lo95 ?? 1) < 260 / 360 && 260 / 360 < (s.readProbability?.hi95 ?? 0));
  assert.is(s.inboundPerDay?.n, 12);
  assert.ok(Math.abs((s.readDelay?.exponential.mean ?? 0) - 600) < 1, 'read delay: read − delivered');
  assert.ok(Math.abs((s.replyDelay?.exponential.mean ?? 0) - 600) < 1, 'reply delay: reply − read');
});

test('no phone number, display number or contact name reaches calibrated.json or calibration.html', async () => {
  const c = await calibrate({ logs: [log] });
  const out = join(dir, 'out');
  await writeCalibration(out, c);
  const written = readFileSync(join(out, 'calibrated.json'), 'utf8') + readFileSync(join(out, 'calibration.html'), 'utf8');
  for (const needle of [PHONE(0), PHONE(123), '5511987', '3000 0000', 'Ana 1']) assert.not.ok(written.includes(needle), needle);
  const fragment = JSON.parse(readFileSync(join(out, 'calibrated.json'), 'utf8'));
  assert.ok(Array.isArray(fragment.$comment));
  assert.equal(fragment.audience.segments[0].readProbability, { beta: { alpha: 260.5, beta: 100.5 } });
  assert.ok(readFileSync(join(out, 'calibration.html'), 'utf8').includes('Not inferred'));
});

test('with --scenario the output is the base scenario with the segment calibrated, and it validates', async () => {
  const base = join(dir, 'base.json');
  writeFileSync(base, JSON.stringify({ name: 'base', horizonDays: 7, portfolio: { numbers: [{ id: 'main' }] }, templates: [{ id: 't', category: 'marketing' }], audience: { segments: [{ id: 'list', size: 9000, blockProbability: 0.004 }] }, campaigns: [{ id: 'c', template: 't', segment: 'list' }], strategies: ['blast'] }));
  const c = await calibrate({ logs: [log], scenario: base });
  assert.ok(c.complete);
  const s = validateScenarioData(c.output, { file: 'calibrated.json', strategyNames: BUILTIN_NAMES });
  assert.is(s.audience.segments.length, 1);
  assert.is(s.audience.segments[0].id, 'list');
  assert.is(s.audience.segments[0].size, 9000, 'the base keeps its list size');
  assert.is(s.audience.segments[0].blockProbability, 0.004, 'hidden rates keep the base values');
  // 40 replies of 400: the last delivery (the log's end) is left out, its reply could still come
  assert.equal(s.audience.segments[0].replyProbability, { beta: { alpha: 40.5, beta: 360.5 } });
  assert.not.ok('$comment' in (c.output as object));
});

test('the hidden-rate inference gets a valid scenario and the evidence; its posterior is rendered', async () => {
  let seen: HiddenInferenceInput | undefined;
  const posterior: HiddenPosterior = {
    method: 'rejection ABC (fake)',
    simulations: 200,
    accepted: 20,
    parameters: [
      { name: 'blockProbability', prior: { min: 0.0001, max: 0.05, scale: 'log' }, identified: true, mean: 0.004, median: 0.0035, lo95: 0.0012, hi95: 0.009, samples: [0.002, 0.004], why: 'the 131026 failures pin it down' },
      { name: 'reportProbability', prior: { min: 0.00001, max: 0.005, scale: 'log' }, identified: false, mean: 0.001, median: 0.0008, lo95: 0.00002, hi95: 0.0045, samples: [0.001], why: 'no quality downgrade: the data cannot tell' },
    ],
    summaries: [{ name: 'undeliverable', observed: 0, simulated: [0, 1, 0] }],
  };
  const c = await calibrate({ logs: [log], simulations: 200, seed: 3 }, async (input) => {
    seen = input;
    return posterior;
  });
  assert.ok(seen);
  assert.is(seen?.simulations, 200);
  assert.is(seen?.observed.delivered, 401);
  validateScenarioData(seen?.scenario, { file: 'hidden-input', strategyNames: BUILTIN_NAMES });
  assert.is(seen?.scenario.horizonDays, 3);
  const out = join(dir, 'hidden');
  await writeCalibration(out, c);
  const html = readFileSync(join(out, 'calibration.html'), 'utf8');
  assert.ok(html.includes('rejection ABC (fake)'));
  assert.ok(html.includes('reportProbability (not identified)'));
  assert.ok(html.includes('no quality downgrade: the data cannot tell'));
  assert.not.ok(html.includes('Not inferred'));
  // a failing inference leaves the observables written and says why
  const failed = await calibrate({ logs: [log] }, async () => {
    throw new Error('out of simulations');
  });
  assert.is(failed.hiddenError, 'out of simulations');
});

async function refusal(files: string[], opts: { sends?: string; segmentBy?: string } = {}): Promise<string> {
  try {
    await calibrate({ logs: files, ...opts });
  } catch (err) {
    assert.ok(err instanceof UserInputError, String(err));
    return (err as UserInputError).message;
  }
  assert.unreachable('calibrate accepted it');
  return '';
}

test('wrong files and flags get a clear message (exit 2), never a stack trace', async () => {
  const scenario = join(dir, 'scenario.json');
  writeFileSync(scenario, JSON.stringify({ name: 'x', horizonDays: 1, audience: { segments: [] } }, null, 2));
  assert.match(await refusal([scenario]), 'a wabasim scenario');
  const csv = join(dir, 'log.csv');
  writeFileSync(csv, 'time,status\n1,delivered\n');
  assert.match(await refusal([csv]), 'CSV');
  const bin = join(dir, 'log.bin');
  writeFileSync(bin, Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00]));
  assert.match(await refusal([bin]), 'binary');
  const junk = join(dir, 'junk.jsonl');
  writeFileSync(junk, '{"a":1}\n{"b":2}\n');
  assert.match(await refusal([junk]), 'junk.jsonl:1');
  assert.match(await refusal([log], { segmentBy: 'template' }), '--sends');
  assert.match(await refusal([join(dir, 'missing.jsonl')]), 'missing.jsonl');
});

test('--segment-by reads a field of the send request, descending into biz_opaque_callback_data JSON', async () => {
  assert.is(fieldAt({ template: { name: 'promo' } }, 'template'), 'promo');
  assert.is(fieldAt({ biz_opaque_callback_data: '{"segment":"vip"}' }, 'biz_opaque_callback_data.segment'), 'vip');
  assert.is(fieldAt({ biz_opaque_callback_data: 'x' }, 'biz_opaque_callback_data.segment'), undefined);
  const sends = join(dir, 'sends.jsonl');
  const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ time: new Date((T0 + i * 30 - 2) * 1000).toISOString(), request: { messaging_product: 'whatsapp', to: PHONE(i), type: 'template', template: { name: i < 200 ? 'spring' : 'autumn' }, biz_opaque_callback_data: JSON.stringify({ segment: i % 2 ? 'odd' : 'even' }) }, response: { messages: [{ id: `wamid.M${i}` }] } }));
  lines.push(JSON.stringify({ time: T0, request: { to: PHONE(999), type: 'template', template: { name: 'spring' }, biz_opaque_callback_data: '{"segment":"odd"}' }, response: { error: { code: 131056, message: 'pair rate limit' } } }));
  writeFileSync(sends, `${lines.join('\n')}\n`);
  const c = await calibrate({ logs: [log], sends, segmentBy: 'biz_opaque_callback_data.segment' });
  const names = c.observables.segments.map((s) => s.segment).sort();
  assert.ok(names.includes('odd') && names.includes('even'), names.join());
  const odd = c.observables.segments.find((s) => s.segment === 'odd');
  assert.is(odd?.delivered, 201, 'the 200 sends of the segment, and a message the send log lacks to one of its recipients');
  assert.equal(odd?.templates.map((t) => t.template).sort(), ['autumn', 'category:marketing', 'spring'], 'per template within the segment (the unlogged message by its pricing category)');
  assert.ok(odd?.errors.some((e) => e.code === '131056' && e.source === 'response'));
  assert.ok(Math.abs((odd?.deliveryDelay?.exponential.mean ?? 0) - 2) < 1.01, 'delivery delay: delivered − sent');
});

test('a read status that arrives before its delivered status still counts; a duplicate does not', async () => {
  const file = join(dir, 'unordered.jsonl');
  const lines = [read('wamid.A', 1, T0 + 700), delivered('wamid.A', 1, T0 + 100), delivered('wamid.A', 1, T0 + 100), delivered('wamid.B', 2, T0 + 200), delivered('wamid.C', 3, T0 + 86_400)];
  writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
  const c = await calibrate({ logs: [file] });
  const s = c.observables.segments[0];
  assert.is(s.readProbability?.k, 1);
  assert.is(s.readProbability?.n, 2, 'A and B; C is within the censoring window at the end');
  assert.is(c.unused.duplicates, 1);
  assert.is(s.readDelay?.n, 1);
  assert.ok(Math.abs((s.readDelay?.exponential.mean ?? 0) - 600) < 1e-9);
});

test('a beta parameter is drawn deterministically from its stream, inside [0, 1], around its mean', () => {
  const param = { beta: { alpha: 80.5, beta: 20.5 } };
  const a = createStream(7, 'x');
  const b = createStream(7, 'x');
  const draws = Array.from({ length: 2_000 }, () => sampleParam(param, a));
  assert.equal(draws.slice(0, 5), Array.from({ length: 5 }, () => sampleParam(param, b)));
  assert.ok(draws.every((x) => x >= 0 && x <= 1));
  const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
  assert.ok(Math.abs(mean - 80.5 / 101) < 0.005, String(mean));
});

test.after(() => {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
});

test.run();
