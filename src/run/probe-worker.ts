/**
 * A worker thread that resolves a sweep's strategies (importing user modules and trying their
 * create()) under the watchdog, and posts back what the main thread needs of them: labels, names
 * and parameters (isolated-strategies.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { StrategyRef } from '../scenario/index.js';
import { resolveStrategies } from './strategies.js';
import { callbackMonitor } from './watchdog.js';
import { failureMessage } from './watched-worker.js';

const input = workerData as { refs: readonly StrategyRef[]; file: string; at: string; allow?: readonly string[]; watch: SharedArrayBuffer };
const port = parentPort!;
try {
  const strategies = await resolveStrategies(input.refs, input.file, input.at, { allow: input.allow, monitor: callbackMonitor(input.watch) });
  const value = strategies.map(({ label, params, definition: { name, description, source, params: docs } }) => ({ label, params, name, description, source, docs }));
  port.postMessage({ kind: 'done', value });
} catch (err) {
  port.postMessage(failureMessage(err));
}
