/**
 * A worker thread of a parallel sweep: rebuilds the sweep plan, then runs each plan index it
 * receives and posts the result back (see parallel.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './parallel.js';
import { resolveStrategies } from './strategies.js';
import { prepareSweep, runPlanned } from './sweep.js';
import { callbackMonitor } from './watchdog.js';
import { failureMessage } from './watched-worker.js';

const input = workerData as WorkerInput;
const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);
const failure = failureMessage;
// with a watch buffer, user strategy modules report each call to the main thread's watchdog
const monitor = input.watch && callbackMonitor(input.watch);

try {
  const setup = await prepareSweep(input.scenario, input.file, input.variants, input, (refs, file, at, allow) => resolveStrategies(refs, file, at, { allow, monitor, bundles: input.bundles }));
  port.on('message', (index: number) => {
    try {
      const p = setup.plan[index];
      monitor?.setRun(Date.parse(p.variant.scenario.start), p.seed);
      post({ kind: 'result', index, result: runPlanned(setup, index) });
    } catch (err) {
      post(failure(err));
    }
  });
  post({ kind: 'ready' });
} catch (err) {
  post(failure(err));
}
