/**
 * A worker thread that writes one run's event log (event-log.ts) in chunks of lines posted to the
 * main thread, under the watchdog. The main thread grants a few chunks at a time (a credit
 * counter in `credits`): when none is left, the worker waits, so memory stays bounded by the
 * reader of stdout; the wait is marked so the watchdog does not count it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { writeEventLog, type EventLogOptions } from './event-log.js';
import { callbackMonitor } from './watchdog.js';
import { failureMessage } from './watched-worker.js';

/** Lines per posted chunk. */
export const CHUNK_LINES = 4096;

const input = workerData as { file: string; opts: Omit<EventLogOptions, 'write' | 'monitor'>; credits: SharedArrayBuffer; watch: SharedArrayBuffer };
const port = parentPort!;
const monitor = callbackMonitor(input.watch);
const credits = new Int32Array(input.credits);
let lines: string[] = [];
const flush = (): void => {
  if (!lines.length) return;
  if (Atomics.load(credits, 0) <= 0) {
    monitor.setBlocked(true);
    while (Atomics.load(credits, 0) <= 0) Atomics.wait(credits, 0, Atomics.load(credits, 0), 100);
    monitor.setBlocked(false);
  }
  Atomics.sub(credits, 0, 1);
  port.postMessage({ kind: 'lines', text: `${lines.join('\n')}\n` });
  lines = [];
};
try {
  await writeEventLog(input.file, {
    ...input.opts,
    monitor,
    write: (line) => {
      lines.push(line);
      if (lines.length >= CHUNK_LINES) flush();
    },
  });
  flush();
  port.postMessage({ kind: 'done', value: undefined });
} catch (err) {
  port.postMessage(failureMessage(err));
}
