/**
 * Line 10, calibrate [calibrate] — `wabasim calibrate`'s reader on a generated webhook log (issue
 * 21 target: 10 million webhook lines in ≤ 60 s, memory bounded by recipients, not lines).
 * Generating 10 million lines (≈ 4 GB) each time is too slow and too big for a bench, so the case
 * writes LINES lines (default 1,000,000; CALIBRATE_BENCH_LINES overrides) to a temporary file and
 * times `calibrate()` on it (reading, parsing, hashing, counting, estimating; not the HTML), best
 * of 2, with its default parse workers (one per core, at most 4: src/calibrate/parallel-read.ts);
 * the figure is lines per second, against the 166,667 lines/s that 10 million in 60 s needs, and
 * the notes project the 10-million-line time, give the CPU seconds of all threads, and the rate
 * on the main thread alone (`workers: 0`, once) for comparison. Memory: peak RSS and sampled heap, first for a
 * file of the same traffic over the same recipients half as long (15 days), then the whole (30):
 * what grew with lines would double.
 *
 * The log: RECIPIENTS recipients over 30 days, each template delivered (Meta's status shape with
 * pricing), 70% read, 10% replied to with context, 0.5% STOP, plus spontaneous inbound — bare
 * payloads as Meta posts them, phone numbers of 12 digits.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calibrate, defaultWorkers, phoneHasher } from '../src/calibrate/index.js';
import { Accumulator } from '../src/calibrate/accumulate.js';
import { readLogs } from '../src/calibrate/read-log.js';
import { emptySummary } from '../src/calibrate/read-summary.js';
import { createStream } from '../src/engine/index.js';
import { atLeast, atMost, collectGarbage, type Row } from './measure.js';

const LINES = Number(process.env.CALIBRATE_BENCH_LINES ?? 1_000_000);
const RECIPIENTS = 100_000;
const TARGET_LINES = 10_000_000;
const TARGET_SECONDS = 60;
/** Peak RSS budget for the 1M-line run: a recipient costs a few hundred bytes; 1 GB is generous. */
const TARGET_RSS = 1024 * 1024 * 1024;

function envelope(value: object): string {
  return JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: '210000000000001', changes: [{ value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550100000', phone_number_id: '110000000000001' }, ...value }, field: 'messages' }] }] });
}

/** Writes about `lines` lines at `perSecond` lines per second of log time; returns how many it wrote. */
export async function writeLog(file: string, lines: number, perSecond: number): Promise<number> {
  const out = createWriteStream(file);
  const rng = createStream(1, 'bench/calibrate');
  const t0 = 1_767_600_000;
  let written = 0;
  let chunk: string[] = [];
  const flush = async (): Promise<void> => {
    if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((r) => out.once("drain", () => r()));
    chunk = [];
  };
  for (let m = 0; written < lines; m++) {
    const t = Math.floor(t0 + written / perSecond);
    const to = String(5_511_900_000_000 + Math.floor(rng.next() * RECIPIENTS));
    const id = `wamid.HBgM${m.toString(36).padStart(10, '0')}`;
    chunk.push(envelope({ statuses: [{ id, status: 'delivered', timestamp: String(t), recipient_id: to, pricing: { billable: true, pricing_model: 'PMP', type: 'regular', category: 'marketing' } }] }));
    written++;
    const u = rng.next();
    if (u < 0.7) {
      chunk.push(envelope({ statuses: [{ id, status: 'read', timestamp: String(t + 600), recipient_id: to }] }));
      written++;
      if (u < 0.07) {
        chunk.push(envelope({ contacts: [{ profile: { name: 'Customer' }, wa_id: to }], messages: [{ from: to, id: `${id}.r`, timestamp: String(t + 1_200), type: 'text', text: { body: 'Yes' }, context: { from: '15550100000', id } }] }));
        written++;
      }
    } else if (u > 0.995) {
      chunk.push(envelope({ contacts: [{ profile: { name: 'Customer' }, wa_id: to }], messages: [{ from: to, id: `${id}.s`, timestamp: String(t + 900), type: 'text', text: { body: 'STOP' }, context: { from: '15550100000', id } }] }));
      written++;
    }
    if (chunk.length >= 2_000) await flush();
  }
  await flush();
  await new Promise<void>((r) => out.end(r));
  return written;
}

/** Wall and CPU seconds of one calibrate() (CPU: user + system of this process, all its threads) and the main thread's heap in use. */
async function timeCalibrate(file: string, workers?: number): Promise<{ wall: number; cpu: number; heap: number }> {
  collectGarbage();
  let heap = 0;
  // heap in use, sampled between 1 MB chunks (garbage included: an upper bound of what is live)
  const sampler = setInterval(() => void (heap = Math.max(heap, process.memoryUsage().heapUsed)), 50);
  const started = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  await calibrate({ logs: [file], workers });
  const cpu = process.cpuUsage(cpu0);
  clearInterval(sampler);
  return { wall: Number(process.hrtime.bigint() - started) / 1e9, cpu: (cpu.user + cpu.system) / 1e6, heap };
}

/** Live heap after reading `file` (a collection first), with the accumulator still held; its recipients and messages in flight. */
async function liveAfter(file: string): Promise<{ heap: number; recipients: number; inFlight: number }> {
  collectGarbage();
  const acc = new Accumulator({ hash: phoneHasher(Buffer.from('bench')), windowSeconds: 7 * 86_400, defaultSegment: 'all' });
  await readLogs([file], acc, emptySummary([file]));
  collectGarbage();
  const heap = process.memoryUsage().heapUsed;
  return { heap, recipients: acc.recipientCount, inFlight: acc.inFlight };
}

export async function benchCalibrate(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-bench-calibrate-'));
  try {
    const half = join(dir, 'half.jsonl');
    const full = join(dir, 'full.jsonl');
    // the same traffic (lines per second, recipients), half as long: what grows with lines would double
    const perSecond = LINES / (30 * 86_400);
    const halfLines = await writeLog(half, Math.floor(LINES / 2), perSecond);
    const heapHalf = (await timeCalibrate(half)).heap;
    const rssHalf = process.resourceUsage().maxRSS * 1024;
    const lines = await writeLog(full, LINES, perSecond);
    const a = await timeCalibrate(full);
    const b = await timeCalibrate(full);
    const best = a.wall <= b.wall ? a : b;
    const seconds = best.wall;
    const alone = await timeCalibrate(full, 0);
    const rss = process.resourceUsage().maxRSS * 1024;
    const liveHalf = await liveAfter(half);
    const liveFull = await liveAfter(full);
    const rate = lines / seconds;
    const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(0)} MB`;
    const notes = [
      `${lines.toLocaleString('en-US')} lines (${RECIPIENTS.toLocaleString('en-US')} recipients, 30 days) in ${seconds.toFixed(2)} s wall, ${best.cpu.toFixed(2)} s CPU of all threads (best of 2, ${defaultWorkers()} parse workers): projected ${(TARGET_LINES / rate).toFixed(1)} s for 10 million lines (target ${TARGET_SECONDS} s)`,
      `on the main thread alone (workers: 0): ${alone.wall.toFixed(2)} s wall, ${Math.round(lines / alone.wall).toLocaleString('en-US')} lines/s — the workers' speed-up ${(alone.wall / seconds).toFixed(2)}×`,
      `peak RSS ${mb(rssHalf)} after ${halfLines.toLocaleString('en-US')} lines, ${mb(rss)} after ${lines.toLocaleString('en-US')} (same traffic and recipients, 15 and 30 days); heap in use at most ${mb(heapHalf)} reading the half, ${mb(best.heap)} the whole (the main thread's, sampled every 50 ms, garbage included)`,
      `live heap after reading (collected, the reader's state held): ${mb(liveHalf.heap)} for the half (${liveHalf.recipients.toLocaleString('en-US')} recipients, ${liveHalf.inFlight.toLocaleString('en-US')} messages in flight), ${mb(liveFull.heap)} for the whole (${liveFull.recipients.toLocaleString('en-US')}, ${liveFull.inFlight.toLocaleString('en-US')})`,
    ];
    return [atLeast('calibrate: lines/s', rate, TARGET_LINES / TARGET_SECONDS, (v) => `${Math.round(v).toLocaleString('en-US')} lines/s`, notes), atMost('calibrate: peak RSS', rss, TARGET_RSS, mb, notes.slice(2))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
