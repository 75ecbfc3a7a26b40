/**
 * A worker thread of a parallel sweep: rebuilds the sweep plan, then runs each plan index it
 * receives and posts the result back (see parallel.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerInput, WorkerMessage } from './parallel.js';
import { resolveStrategies } from './strategies.js';
import { strategyRealm } from './strategy-realm.js';
import { prepareSweep, runPlanned } from './sweep.js';
import { callbackMonitor } from './watchdog.js';
import { failureMessage } from './watched-worker.js';

const input = workerData as WorkerInput & { readonly awaitBundles?: boolean };
const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);
const failure = failureMessage;
// with a watch buffer, user strategy modules report each call to the main thread's watchdog
const monitor = input.watch && callbackMonitor(input.watch);

try {
  // a sweep of user modules starts this worker before their bundles are ready (parallel.ts
  // startWorkers): its strategy realm is made meanwhile
  if (input.awaitBundles) strategyRealm();
  const bundles = input.awaitBundles ? await new Promise<Readonly<Record<string, string>> | undefined>((resolve) => port.once('message', (m: { bundles?: Record<string, string> }) => resolve(m.bundles))) : input.bundles;
  const setup = await prepareSweep(input.scenario, input.file, input.variants, input, (refs, file, at, allow) => resolveStrategies(refs, file, at, { allow, monitor, bundles }));
  port.on('message', (index: number) => {
    try {
      const p = setup.plan[index];
      monitor?.setRun(Date.parse(p.variant.scenario.start), p.seed);
      const result = runPlanned(setup, index);
      post({ kind: 'result', index, result: input.summariesOnly ? { ...result, series: {} } : result });
    } catch (err) {
      post(failure(err));
    }
  });
  post({ kind: 'ready' });
} catch (err) {
  post(failure(err));
}
