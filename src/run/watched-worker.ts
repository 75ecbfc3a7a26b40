/**
 * Running user strategy code off the main thread, under the watchdog (watchdog.ts): a worker's
 * failures as messages and back, and one worker that settles with one value. The main thread
 * stays free to answer SIGINT/SIGTERM and to stop a callback that does not return.
 */
import { Worker } from 'node:worker_threads';
import { UserInputError, type Issue } from '../errors/index.js';
import { watchBuffer, watchWorker, type StuckCallback } from './watchdog.js';

/** A failure posted by a worker: a user error keeps its issues, anything else its stack. */
export type FailureMessage = { readonly kind: 'error'; readonly message: string; readonly stack?: string; readonly issues?: readonly Issue[] };

/**
 * `err` as a message a worker can post.
 * @example port.postMessage(failureMessage(err))
 */
export function failureMessage(err: unknown): FailureMessage {
  return err instanceof UserInputError
    ? { kind: 'error', message: err.message, issues: [...err.issues] }
    : { kind: 'error', message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined };
}

/**
 * The error a failure message stands for: a UserInputError (exit 2) or an internal Error.
 * @example reject(errorOf(m))
 */
export function errorOf(m: FailureMessage): Error {
  return m.issues ? new UserInputError(m.issues) : Object.assign(new Error(m.message), { stack: m.stack });
}

/** How the main thread watches a worker: the limit of one callback (wall ms; 0 = none) and the issue for a callback that overran. */
export interface WatchOptions {
  readonly limitMs: number;
  readonly issue: (stuck: StuckCallback) => Issue;
}

/**
 * Runs `script` with `data` (and a watch buffer as `data.watch`) until it posts `{ kind: 'done',
 * value }` or a failure; other messages go to `onMessage`; `started` gets the worker as soon as it
 * exists (to post it more input). The worker is terminated when it settles, fails or overruns (a
 * UserInputError from `watch.issue`).
 * @example const value = await runWatchedWorker<Echo[]>(new URL('./probe-worker.js', import.meta.url), data, watch)
 */
export function runWatchedWorker<T>(script: URL, data: object, watch: WatchOptions, onMessage?: (m: unknown) => void, started?: (worker: Worker) => void): Promise<T> {
  const buffer = watchBuffer();
  const worker = new Worker(script, { workerData: { ...data, watch: buffer } });
  started?.(worker);
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const settle = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      stop();
      void worker.terminate();
      fn();
    };
    const stop = watchWorker(worker, buffer, watch.limitMs, (stuck) => settle(() => reject(new UserInputError([watch.issue(stuck)]))));
    worker.on('message', (m: { kind?: string; value?: T }) => {
      if (m.kind === 'done') settle(() => resolve(m.value as T));
      else if (m.kind === 'error') settle(() => reject(errorOf(m as FailureMessage)));
      else onMessage?.(m);
    });
    worker.on('error', (err) => settle(() => reject(err)));
    worker.on('exit', (code) => settle(() => reject(new Error(`a worker thread stopped (exit code ${code}) before it finished`))));
  });
}
