/**
 * The log reader of `wabasim calibrate`: JSON Lines streamed line by line (a chunked splitter over
 * a read stream: each 1 MB chunk is split and its lines handled synchronously, far cheaper than an
 * async iterator per line), never a whole file in memory. Three line forms:
 *   1. a bare Meta webhook payload: `{"object":"whatsapp_business_account","entry":[…]}`;
 *   2. a wrapper with a receive time: `{"receivedAt"|"received_at"|"time": <ISO-8601 text, or unix
 *      seconds (milliseconds when above 10^11)>, "payload"|"body": <the payload, or its JSON text>}`
 *      — the receive time stands in for a missing `entry[].time`;
 *   3. `wabasim events` output: lines with `"kind":"webhook"` and `"payload"`. Every other kind of
 *      line there is the simulator's hidden truth (blocks, reports, sends) and is skipped unread:
 *      calibration sees only what a business sees.
 * Unknown fields are ignored. A malformed line is counted (the first few kept with file:line and
 * why) and skipped; a file of the wrong kind (a scenario, results.json, CSV, binary, one JSON
 * document that is not a payload) is refused with a clear message.
 * Phone numbers are hashed as they are read (hash.ts) and never kept or written.
 */
import { createReadStream, openSync, readFileSync, readSync, closeSync, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { calibrateMsg, UserInputError, type Issue } from '../errors/index.js';
import type { Accumulator, SendInfo } from './accumulate.js';
import { ParsePool } from './parallel-read.js';
import { malformed, MALFORMED_QUOTED, type ReadSummary } from './read-summary.js';
import { isObj, type Obj } from './json-shape.js';


/** Unix seconds of a time given as ISO-8601 text or a unix number (seconds; milliseconds above 10^11). */
export function unixTime(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v > 1e11 ? v / 1000 : v;
  if (typeof v === 'string') {
    if (/^\d+(\.\d+)?$/.test(v)) return unixTime(Number(v));
    const ms = Date.parse(v);
    return Number.isFinite(ms) ? ms / 1000 : undefined;
  }
  return undefined;
}

/** One line's meaning: a payload (with its receive time, if the wrapper gave one), hidden truth to skip, or why it is malformed. */
export type LineKind = { readonly payload: Obj; readonly receivedAt?: number } | 'hidden' | { readonly malformed: string };

/**
 * Classifies one parsed line (the three forms above).
 * @example classifyLine({ kind: 'block', recipient: 3 }) // 'hidden'
 */
export function classifyLine(v: unknown): LineKind {
  if (!isObj(v)) return { malformed: 'not a JSON object' };
  if (v.object !== undefined) return v.object === 'whatsapp_business_account' ? { payload: v } : { malformed: `"object" is ${JSON.stringify(v.object)}, not "whatsapp_business_account"` };
  if (typeof v.kind === 'string') {
    if (v.kind !== 'webhook') return 'hidden';
    return isObj(v.payload) && v.payload.object === 'whatsapp_business_account' ? { payload: v.payload, receivedAt: unixTime(v.time) } : { malformed: 'a webhook line without a whatsapp_business_account "payload"' };
  }
  const inner = v.payload ?? v.body;
  if (inner !== undefined) {
    let payload: unknown = inner;
    if (typeof inner === 'string') {
      try {
        payload = JSON.parse(inner);
      } catch {
        return { malformed: '"payload"/"body" text is not JSON' };
      }
    }
    if (!isObj(payload) || payload.object !== 'whatsapp_business_account') return { malformed: '"payload"/"body" is not a whatsapp_business_account webhook' };
    const raw = v.receivedAt ?? v.received_at ?? v.time;
    const receivedAt = unixTime(raw);
    if (raw !== undefined && receivedAt === undefined) return { malformed: `receive time ${JSON.stringify(raw).slice(0, 40)} is neither ISO-8601 nor unix seconds` };
    return { payload, receivedAt };
  }
  return { malformed: 'neither a webhook payload ("object": "whatsapp_business_account") nor a wrapper ("payload" or "body")' };
}

/** Largest file parsed whole to name its kind when its lines are not JSON Lines. */
const SNIFF_WHOLE_MAX = 64 * 1024 * 1024;

/**
 * Refuses a file that is plainly not a JSON Lines webhook log: binary, CSV or other text, a
 * scenario or results.json (one JSON document). Returns a whole-document payload when the file
 * is one pretty-printed webhook payload (read as one line), else undefined (stream it).
 * @throws {UserInputError} naming the file and what it looks like
 */
export function sniffLogFile(file: string): Obj | undefined {
  let head: Buffer;
  let size: number;
  try {
    size = statSync(file).size;
    const fd = openSync(file, 'r');
    try {
      head = Buffer.alloc(Math.min(65_536, size));
      readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    throw new UserInputError([calibrateMsg.unreadable(file, err instanceof Error ? err.message.replace(/,.*$/, '') : String(err))]);
  }
  if (head.includes(0)) throw new UserInputError([calibrateMsg.wrongKind(file, 'a binary file')]);
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed === '') return undefined;
  if (!trimmed.startsWith('{')) {
    const firstLine = trimmed.split('\n', 1)[0];
    throw new UserInputError([calibrateMsg.wrongKind(file, /[,;\t]/.test(firstLine) ? 'a CSV or other delimited text file' : trimmed.startsWith('[') ? 'a JSON array' : 'text that is not JSON')]);
  }
  const firstLine = trimmed.split('\n', 1)[0].trim();
  let first: unknown;
  try {
    first = JSON.parse(firstLine);
  } catch {
    first = undefined;
  }
  if (first === undefined && size <= SNIFF_WHOLE_MAX) {
    // not JSON Lines: perhaps one pretty-printed JSON document
    let whole: unknown;
    try {
      whole = JSON.parse(readWhole(file));
    } catch {
      return undefined; // a log whose first line is malformed: stream it and count
    }
    const kind = documentKind(whole);
    if (kind === 'payload') return whole as Obj;
    throw new UserInputError([calibrateMsg.wrongKind(file, kind)]);
  }
  if (isObj(first)) {
    const kind = documentKind(first);
    if (kind !== 'payload' && kind !== 'a JSON document that is not a webhook payload') throw new UserInputError([calibrateMsg.wrongKind(file, kind)]);
  }
  return undefined;
}

/** Only for files up to SNIFF_WHOLE_MAX, after the head showed they are not JSON Lines. */
function readWhole(file: string): string {
  return readFileSync(file, 'utf8');
}

/** What a whole JSON document is. */
function documentKind(v: unknown): string {
  if (!isObj(v)) return 'a JSON document that is not a webhook payload';
  if (v.object === 'whatsapp_business_account' || v.kind === 'webhook' || v.payload !== undefined || v.body !== undefined) return 'payload';
  if ('horizonDays' in v && 'audience' in v) return 'a wabasim scenario (calibrate reads webhook logs; pass a scenario with --scenario)';
  if ('runs' in v && ('wabasim' in v || 'variants' in v)) return 'a wabasim results.json (calibrate reads webhook logs)';
  if ('drawn' in v || 'outcomes' in v) return 'a wabasim sensitivity.json (calibrate reads webhook logs)';
  return 'a JSON document that is not a webhook payload';
}

/** Reading on worker threads: how many, and the phone-number hash's salt (the Accumulator's). */
export interface ParallelRead {
  readonly workers: number;
  readonly salt: Uint8Array;
}

/** Called as bytes of the logs are read (the bytes just read). */
export type OnBytes = (bytes: number) => void;

/** Smallest file read on worker threads (about 35,000 webhook lines): below it, starting workers costs more than it saves. */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Streams `files` into `acc`, in order. Hidden-truth lines of `wabasim events` output are
 * recognised from their text (a `"kind":"…"` other than webhook) and skipped without parsing.
 * With `parallel` (workers > 0), files of PARALLEL_MIN_BYTES or more are parsed on worker threads
 * (parallel-read.ts), with the same counts.
 * @throws {UserInputError} for a file of the wrong kind or one that cannot be read
 */
export async function readLogs(files: readonly string[], acc: Accumulator, summary: ReadSummary, parallel?: ParallelRead, onBytes?: OnBytes): Promise<void> {
  let pool: ParsePool | undefined;
  const consume: ConsumePayload = (payload, receivedAt) => void acc.add(payload, receivedAt);
  try {
    for (const file of files) {
      const whole = sniffLogFile(file);
      if (whole) {
        summary.lines++;
        const k = classifyLine(whole);
        if (typeof k === 'object' && 'payload' in k) {
          acc.add(k.payload, k.receivedAt);
          summary.payloads++;
        }
        continue;
      }
      const bytes = statSync(file).size;
      if (parallel !== undefined && parallel.workers > 0 && bytes >= PARALLEL_MIN_BYTES) {
        pool ??= new ParsePool(parallel.workers, parallel.salt);
        await pool.read(file, bytes, acc, summary, onBytes);
        continue;
      }
      let lineNo = 0;
      await forEachLine(
        file,
        (raw) => {
          lineNo++;
          summary.lines++;
          readLine(raw, file, lineNo, consume, summary);
        },
        onBytes,
      );
    }
  } finally {
    await pool?.close();
  }
  acc.sweep();
}

/**
 * Calls `fn` with each line of `file` (without its newline; a final line without one too).
 * @throws {UserInputError} when the file cannot be read
 */
export function forEachLine(file: string, fn: (line: string) => void, onBytes?: OnBytes): Promise<void> {
  return new Promise((resolve, reject) => {
    const input = createReadStream(file, { highWaterMark: 1 << 20 });
    const decoder = new StringDecoder('utf8');
    let rest = '';
    input.on('data', (chunk: Buffer | string) => {
      const text = rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
      let start = 0;
      for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
        fn(text.slice(start, nl));
        start = nl + 1;
      }
      rest = text.slice(start);
      onBytes?.(chunk.length);
    });
    input.on('end', () => {
      const last = rest + decoder.end();
      if (last !== '') fn(last);
      resolve();
    });
    input.on('error', (err) => reject(new UserInputError([calibrateMsg.unreadable(file, err.message.replace(/,.*$/, ''))])));
  });
}

/** Quick test for a `wabasim events` line that is not a webhook (hidden truth): skipped without JSON.parse. */
function isHiddenEventLine(line: string): boolean {
  if (!line.startsWith('{"time":"')) return false; // a bare payload or a wrapper: no scan
  const k = line.indexOf('"kind":"');
  return k > 0 && k < 80 && !line.startsWith('webhook"', k + 8);
}

/** Takes one payload (and its receive time, when a wrapper gave one). */
export type ConsumePayload = (payload: Obj, receivedAt: number | undefined) => void;

/**
 * Reads line `lineNo` of `file`: counts it (blank, hidden truth skipped, malformed, payload) in
 * `summary` and gives a payload to `consume`. The main thread and the parse workers both read
 * lines with it.
 */
export function readLine(raw: string, file: string, lineNo: number, consume: ConsumePayload, summary: ReadSummary): void {
  const line = raw.trim();
  if (line === '') return void summary.blank++;
  if (isHiddenEventLine(line)) return void summary.hiddenSkipped++;
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (err) {
    return malformed(summary, file, lineNo, `not JSON (${err instanceof Error ? err.message.slice(0, 60) : 'parse error'})`);
  }
  const k = classifyLine(v);
  if (k === 'hidden') return void summary.hiddenSkipped++;
  if ('malformed' in k) return malformed(summary, file, lineNo, k.malformed);
  consume(k.payload, k.receivedAt);
  summary.payloads++;
}

/**
 * The value at a dotted `path` of a send request, descending into JSON text where a string holds
 * an object (e.g. `biz_opaque_callback_data.segment` when biz_opaque_callback_data is
 * '{"segment":"vip"}'); an object with a `name` (a template) gives its name. Undefined when absent.
 * @example fieldAt({ template: { name: 'promo' } }, 'template') // 'promo'
 */
export function fieldAt(request: unknown, path: string): string | undefined {
  let node: unknown = request;
  for (const key of path.split('.')) {
    if (typeof node === 'string') {
      try {
        node = JSON.parse(node);
      } catch {
        return undefined;
      }
    }
    if (!isObj(node)) return undefined;
    node = node[key];
  }
  if (isObj(node) && typeof node.name === 'string') return node.name;
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return String(node);
  return undefined;
}

/**
 * Streams the send log (`--sends`): one `{"time", "request", "response"}` per line, `request` the
 * POST /messages body, `response` Meta's answer (`messages[0].id`) or error (`error.code`).
 * @throws {UserInputError} for a file of the wrong kind, or one with no valid line
 */
export async function readSends(file: string, acc: Accumulator, summary: ReadSummary, segmentBy: string | undefined, defaultSegment: string): Promise<void> {
  const whole = sniffSends(file);
  if (whole) throw new UserInputError([whole]);
  let lineNo = 0;
  const malformedSend = (why: string): void => {
    summary.sendsMalformed++;
    if (summary.firstMalformed.length < MALFORMED_QUOTED) summary.firstMalformed.push({ file, line: lineNo, why });
  };
  await forEachLine(file, (raw) => {
    lineNo++;
    {
      const line = raw.trim();
      if (line === '') return;
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch {
        malformedSend('not JSON');
        return;
      }
      if (!isObj(v) || !isObj(v.request)) {
        malformedSend('no "request" object (expected {"time", "request", "response"})');
        return;
      }
      const sentAt = unixTime(v.time);
      if (sentAt === undefined) {
        malformedSend('"time" is neither ISO-8601 nor unix seconds');
        return;
      }
      const req = v.request;
      const res = isObj(v.response) ? v.response : {};
      const wamid = Array.isArray(res.messages) && isObj(res.messages[0]) && typeof res.messages[0].id === 'string' ? res.messages[0].id : undefined;
      const error = isObj(res.error) ? String(res.error.code ?? 'unknown') : undefined;
      if (wamid === undefined && error === undefined) {
        malformedSend('"response" has neither messages[0].id nor error.code');
        return;
      }
      const templateMessage = req.type === 'template' || isObj(req.template);
      const template = templateMessage ? (fieldAt(req, 'template') ?? 'unnamed-template') : 'service';
      const segment = segmentBy === undefined ? defaultSegment : (fieldAt(req, segmentBy) ?? defaultSegment);
      const info: SendInfo = { segment, template: templateMessage ? template : 'category:service', templateMessage, sentAt };
      acc.addSend(wamid, info, typeof req.to === 'string' || typeof req.to === 'number' ? String(req.to) : undefined, error);
      summary.sends++;
    }
  });
  if (summary.sends === 0) throw new UserInputError([calibrateMsg.noValidSends(file, summary.sendsMalformed)]);
}

function sniffSends(file: string): Issue | undefined {
  try {
    sniffLogFile(file);
  } catch (err) {
    if (err instanceof UserInputError) return err.issues[0];
    throw err;
  }
  return undefined;
}
