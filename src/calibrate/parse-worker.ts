/**
 * A parse worker of `wabasim calibrate` (parallel-read.ts): reads the byte ranges it is sent,
 * parses and classifies their lines as the main thread would (read-log.ts `readLine`), hashes the
 * phone numbers, and posts back each range's counts and packed facts (fact-codec.ts).
 */
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { failureMessage } from '../run/watched-worker.js';
import { FactWriter } from './fact-codec.js';
import { payloadFacts } from './facts.js';
import { phoneHasher } from './hash.js';
import { rangeText } from './line-ranges.js';
import type { RangeResult, RangeTask } from './parallel-read.js';
import { readLine, type ConsumePayload } from './read-log.js';
import { emptySummary } from './read-summary.js';

const port = parentPort!;
const hash = phoneHasher((workerData as { salt: Uint8Array }).salt);

function readRange(task: RangeTask): RangeResult {
  const fd = openSync(task.file, 'r');
  let text: string;
  try {
    text = rangeText(fd, task.start, task.end, task.bytes);
  } finally {
    closeSync(fd);
  }
  const summary = emptySummary([task.file]);
  const writer = new FactWriter();
  const consume: ConsumePayload = (payload, receivedAt) => payloadFacts(payload, receivedAt, hash, writer);
  let lineNo = 0;
  let start = 0;
  const line = (raw: string): void => readLine(raw, task.file, ++lineNo, consume, summary);
  for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
    line(text.slice(start, nl));
    start = nl + 1;
  }
  if (start < text.length) line(text.slice(start));
  summary.lines = lineNo;
  return { task: task.task, summary, facts: writer.take() };
}

port.on('message', (task: RangeTask) => {
  try {
    const result = readRange(task);
    port.postMessage(result, [result.facts.nums.buffer as ArrayBuffer]);
  } catch (err) {
    port.postMessage({ task: task.task, failure: failureMessage(err) });
  }
});
