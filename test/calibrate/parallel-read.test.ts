/**
 * Reading a large log on worker threads gives what reading it on the main thread gives: byte
 * ranges cut the file into its lines exactly once each, facts survive packing, and a calibration
 * with parse workers equals one without — counts, estimates, evidence, the quoted malformed lines
 * and their line numbers.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrate } from '../../src/calibrate/index.js';
import { FactWriter, replayFacts } from '../../src/calibrate/fact-codec.js';
import { payloadFacts, type FactSink, type MessageFact, type StatusFact } from '../../src/calibrate/facts.js';
import type { Obj } from '../../src/calibrate/json-shape.js';
import { byteRanges, rangeText } from '../../src/calibrate/line-ranges.js';
import { PARALLEL_MIN_BYTES } from '../../src/calibrate/read-log.js';
import { createStream } from '../../src/engine/index.js';

const dir = mkdtempSync(join(tmpdir(), 'wabasim-parallel-read-'));
const T0 = 1_767_600_000;

function envelope(value: object, time?: number): Obj {
  return { object: 'whatsapp_business_account', entry: [{ id: '2000', ...(time === undefined ? {} : { time }), changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550100000', phone_number_id: '1000' }, ...value } }] }] };
}
const management = (field: string, value: object, time: number): Obj => ({ object: 'whatsapp_business_account', entry: [{ id: '2000', time, changes: [{ field, value }] }] });

test('byte ranges give every line of a file once, whole and in order, whatever the range size', () => {
  const cases = ['', 'a', 'a\n', '\n\n', 'one\ntwo\r\nthree', 'é€😀\n{"x":"ü"}\n\nlast line without newline', `${'x'.repeat(200)}\n${'y'.repeat(5)}\n`];
  for (const [c, text] of cases.entries()) {
    const file = join(dir, `ranges-${c}.txt`);
    writeFileSync(file, text);
    const bytes = statSync(file).size;
    const fd = openSync(file, 'r');
    try {
      for (const size of [1, 2, 3, 7, 64, 1 << 20]) {
        const pieces = byteRanges(bytes, size).map((r) => rangeText(fd, r.start, r.end, bytes));
        assert.is(pieces.join(''), text, `case ${c}, ranges of ${size} bytes`);
        for (const p of pieces) assert.ok(p === '' || text.startsWith(p) || text.includes(`\n${p}`), `case ${c}, ${size}: a range starts at a line start`);
      }
    } finally {
      closeSync(fd);
    }
  }
});

/** Records the facts it is given. */
class Recorder implements FactSink {
  readonly facts: unknown[] = [];
  number(id: string): void {
    this.facts.push(['number', id]);
  }
  status(s: StatusFact): void {
    this.facts.push(['status', { ...s }]);
  }
  message(m: MessageFact): void {
    this.facts.push(['message', { ...m }]);
  }
  change(field: string, value: Obj, entryTime: number | undefined): void {
    this.facts.push(['change', field, value, entryTime]);
  }
  end(): void {
    this.facts.push(['end']);
  }
}

test('facts packed for the trip from a worker replay as they were given, absent values included', () => {
  const payloads: [Obj, number | undefined][] = [
    [envelope({ statuses: [{ id: 'w1', status: 'failed', timestamp: '100', recipient_id: '551', errors: [{ code: 131026 }, { code: 7 }] }, { id: 5, status: 3, timestamp: 'soon' }, 'junk'] }), undefined],
    [envelope({ messages: [{ from: '551', timestamp: '200', text: { body: 'Stop.' } }, { timestamp: 300, button: { text: 'More' }, context: { id: 'w1' } }] }), 250.7],
    [management('phone_number_quality_update', { phone_number_id: '1000', current_quality_rating: 'YELLOW', previous_quality_rating: 'GREEN', nested: { a: [1, null] } }, 400), undefined],
    [{ object: 'whatsapp_business_account', entry: [{ changes: [{ field: 'messages', value: { statuses: [{ id: 'w2', status: 'delivered', timestamp: 500, recipient_id: 551, pricing: { category: 'utility' } }] } }] }] }, 499],
  ];
  const hash = (p: string): string => `h(${p})`;
  const direct = new Recorder();
  const writer = new FactWriter();
  for (const [p, at] of payloads) {
    payloadFacts(p, at, hash, direct);
    payloadFacts(p, at, hash, writer);
  }
  const replayed = new Recorder();
  replayFacts(writer.take(), replayed);
  assert.equal(replayed.facts, direct.facts);
  assert.ok(direct.facts.some((f) => JSON.stringify(f) === JSON.stringify(['message', { at: 200, from: 'h(551)', stop: true, contextId: undefined }])), 'a STOP is a flag, its text does not travel');
  assert.is(JSON.stringify(direct.facts).includes('"551"'), false, 'no phone number in any fact');
});

/**
 * A log of about 20 MB (over the parallel threshold): delivered/read/reply/STOP traffic for 3,000
 * recipients in the three line forms, quality and template updates, a recipient's messages in
 * multi-status payloads, blank lines, CRLF endings, malformed lines spread through it (one per
 * 7,001 lines), hidden-truth lines, and no newline at the end.
 */
function writeBigLog(file: string): number[] {
  const rng = createStream(5, 'test/parallel-read');
  const lines: string[] = [];
  const malformedAt: number[] = [];
  const put = (p: Obj, t: number, form: number): void => {
    if (form === 0) lines.push(JSON.stringify(p));
    else if (form === 1) lines.push(`${JSON.stringify({ receivedAt: t + 0.25, payload: p })}\r`);
    else lines.push(JSON.stringify({ time: new Date(t * 1000).toISOString(), t: 0, kind: 'webhook', field: 'messages', payload: p }));
  };
  let bytes = 0;
  for (let m = 0; bytes < PARALLEL_MIN_BYTES + 4 * 1024 * 1024; m++) {
    const t = T0 + m * 20;
    const to = String(5_511_900_000_000 + Math.floor(rng.next() * 3_000));
    const id = `wamid.${m.toString(36)}`;
    const form = m % 3;
    const start = lines.length;
    put(envelope({ statuses: [{ id, status: 'sent', timestamp: String(t - 2), recipient_id: to }, { id, status: 'delivered', timestamp: String(t), recipient_id: to, pricing: { category: m % 11 === 0 ? 'utility' : 'marketing' } }] }), t, form);
    const u = rng.next();
    if (u < 0.6) put(envelope({ statuses: [{ id, status: 'read', timestamp: String(t + 300 + Math.floor(rng.next() * 5_000)), recipient_id: to }] }), t + 300, form);
    if (u < 0.08) put(envelope({ contacts: [{ wa_id: to }], messages: [{ from: to, id: `${id}.r`, timestamp: String(t + 9_000), type: 'text', text: { body: 'yes' }, context: { id } }] }), t + 9_000, form);
    else if (u > 0.99) put(envelope({ messages: [{ from: to, id: `${id}.s`, timestamp: String(t + 700), type: 'text', text: { body: 'STOP' } }] }), t + 700, form);
    else if (u > 0.97) lines.push(JSON.stringify(envelope({ statuses: [{ id, status: 'failed', timestamp: String(t + 1), recipient_id: to, errors: [{ code: 131026, title: 'Message undeliverable' }] }] })));
    if (m % 2_000 === 0) lines.push(JSON.stringify(management('phone_number_quality_update', { display_phone_number: '15550100000', phone_number_id: '1000', event: 'FLAGGED', current_quality_rating: m % 4_000 === 0 ? 'YELLOW' : 'GREEN', previous_quality_rating: 'GREEN' }, t)));
    if (m % 3_000 === 0) lines.push(JSON.stringify(management('message_template_status_update', { event: 'PAUSED', message_template_name: 'promo' }, t)));
    if (form === 2) lines.push(JSON.stringify({ time: new Date(t * 1000).toISOString(), t: 0, kind: 'block', recipient: 3, reason: 'spam' }));
    if (m % 1_500 === 0) lines.push('');
    if (lines.length % 7_001 < lines.length - start) {
      lines.push(m % 2 ? '{"object":"whatsapp_business_account",' : JSON.stringify({ hello: m }));
      malformedAt.push(lines.length);
    }
    for (let i = start; i < lines.length; i++) bytes += lines[i].length + 1;
  }
  writeFileSync(file, lines.join('\n'));
  return malformedAt;
}

test('a calibration on parse workers equals one on the main thread: counts, estimates, evidence, malformed lines and their numbers', async () => {
  const file = join(dir, 'big.jsonl');
  const malformedAt = writeBigLog(file);
  assert.ok(statSync(file).size >= PARALLEL_MIN_BYTES, 'the log is over the threshold: workers read it');
  const salt = Buffer.from('same salt');
  const serial = await calibrate({ logs: [file], salt, workers: 0 });
  const parallel = await calibrate({ logs: [file], salt, workers: 3 });
  assert.equal(parallel.summary, serial.summary);
  assert.equal(parallel.observables, serial.observables);
  assert.equal(parallel.evidence, serial.evidence);
  assert.equal(parallel.unused, serial.unused);
  assert.equal(parallel.output, serial.output);
  assert.is(serial.summary.malformed, malformedAt.length);
  assert.equal(parallel.summary.firstMalformed.map((m) => m.line), malformedAt.slice(0, 5), 'line numbers count from the file start, across ranges');
  assert.ok(serial.evidence.qualityDowngrades > 0 && serial.evidence.templatePauses > 0 && serial.evidence.undeliverable > 0, 'the management and failure traffic was read');
  assert.ok(serial.summary.hiddenSkipped > 0 && serial.summary.blank > 0);
});

test('a small log is read on the main thread even with workers asked for (and gives the same)', async () => {
  const file = join(dir, 'small.jsonl');
  writeFileSync(file, `${JSON.stringify(envelope({ statuses: [{ id: 'a', status: 'delivered', timestamp: String(T0), recipient_id: '1', pricing: { category: 'marketing' } }] }))}\n`);
  const salt = Buffer.from('s');
  const a = await calibrate({ logs: [file], salt, workers: 2 });
  const b = await calibrate({ logs: [file], salt, workers: 0 });
  assert.equal(a.observables, b.observables);
});

test.after(() => rmSync(dir, { recursive: true, force: true }));
test.run();
