/**
 * A worker thread that resolves a sweep's strategies (importing user modules and trying their
 * create()) under the watchdog, and posts back what the main thread needs of them: labels, names
 * and parameters (isolated-strategies.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { StrategyRef } from '../scenario/index.js';
import { resolveStrategies } from './strategies.js';
import { strategyRealm } from './strategy-realm.js';
import { callbackMonitor } from './watchdog.js';
import { failureMessage } from './watched-worker.js';

const input = workerData as { refs: readonly StrategyRef[]; file: string; at: string; allow?: readonly string[]; awaitBundles: boolean; watch: SharedArrayBuffer };
const port = parentPort!;
try {
  // the realm is made while the main thread bundles the modules; then the bundles (if any) arrive
  strategyRealm();
  const bundles = input.awaitBundles ? await new Promise<Readonly<Record<string, string>> | undefined>((resolve) => port.once('message', (m: { bundles?: Record<string, string> }) => resolve(m.bundles))) : undefined;
  const strategies = await resolveStrategies(input.refs, input.file, input.at, { allow: input.allow, monitor: callbackMonitor(input.watch), bundles });
  const value = strategies.map(({ label, params, definition: { name, description, source, params: docs } }) => ({ label, params, name, description, source, docs }));
  port.postMessage({ kind: 'done', value });
} catch (err) {
  port.postMessage(failureMessage(err));
}
