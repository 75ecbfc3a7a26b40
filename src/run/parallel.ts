/**
 * Parallel sweeps on worker threads (node:worker_threads). Each worker rebuilds the same sweep plan
 * from the scenario (deterministic), then runs the plan indices it is handed one at a time (so a
 * slow run does not hold up the others); results are put back in plan order, so the output is
 * byte-identical to a single-threaded run.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { UserInputError } from '../errors/index.js';
import type { Scenario, VariantPlan } from '../scenario/index.js';
import type { RunResult } from './results.js';
import type { SweepOptions } from './sweep.js';
import { watchBuffer, watchWorker } from './watchdog.js';
import { errorOf, type FailureMessage, type WatchOptions } from './watched-worker.js';

/** What a worker needs to rebuild the sweep. */
export interface WorkerInput extends SweepOptions {
  readonly file: string;
  readonly scenario: Scenario;
  /** The variants as the main thread planned and validated them, so a worker need not load the validator (sweep.ts). */
  readonly variants: readonly VariantPlan[];
  /** The worker's watchdog buffer (watchdog.ts), when its user strategy modules are watched. */
  readonly watch?: SharedArrayBuffer;
  /** The user strategy modules' bundles by real path (strategies.ts bundleStrategyModules), made once on the main thread. */
  readonly bundles?: Readonly<Record<string, string>>;
}

/** Messages from a worker. */
export type WorkerMessage = { readonly kind: 'ready' } | { readonly kind: 'result'; readonly index: number; readonly result: RunResult } | FailureMessage;

/**
 * Runs plan `indices` on `count` workers; resolves with the results in the order of `indices`.
 * With `watch`, each worker's user strategy modules are watched (watchdog.ts): a callback that
 * overruns terminates the workers and rejects with `watch.issue`.
 * @throws {UserInputError} when a user strategy throws or overruns in a worker
 * @throws {Error} when a worker fails otherwise (an internal error)
 */
export function runInWorkers(input: WorkerInput, indices: readonly number[], count: number, onProgress?: (done: number, total: number) => void, watch?: WatchOptions): Promise<RunResult[]> {
  const script = new URL('./worker.js', import.meta.url);
  const results = new Map<number, RunResult>();
  let next = 0;
  const compilingHere = count >= availableParallelism() ? compileOnWorkerThreads() : undefined;
  let online = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const unwatch: (() => void)[] = [];
    let failed = false;
    const finish = (err?: Error): void => {
      if (failed) return;
      if (err) failed = true;
      if (err || results.size === indices.length) {
        compilingHere?.restore();
        for (const stop of unwatch) stop();
        for (const w of workers) void w.terminate();
        if (err) reject(err);
        else resolve(indices.map((i) => results.get(i)!));
      }
    };
    const feed = (w: Worker): void => {
      if (next < indices.length) w.postMessage(indices[next++]);
    };
    for (let k = 0; k < count; k++) {
      const buffer = watch ? watchBuffer() : undefined;
      const w = new Worker(script, { workerData: { ...input, watch: buffer } });
      workers.push(w);
      if (watch && buffer) unwatch.push(watchWorker(w, buffer, watch.limitMs, (stuck) => finish(new UserInputError([watch.issue(stuck)]))));
      w.once('online', () => {
        if (++online === count) compilingHere?.restore(); // every worker's isolate exists
      });
      w.on('message', (m: WorkerMessage) => {
        if (m.kind === 'ready') return feed(w);
        if (m.kind === 'error') return finish(errorOf(m));
        results.set(m.index, m.result);
        onProgress?.(results.size, indices.length);
        feed(w);
        finish();
      });
      w.on('error', (err) => finish(err));
    }
  });
}

/**
 * Makes the worker isolates created from now on compile optimized code on their own thread, until
 * `restore()`.
 *
 * Why: by default V8 compiles optimized code on shared background threads while the JavaScript
 * thread goes on. When a sweep puts a worker on every core, those threads have no idle core: each
 * worker's warm-up (about 0.85 s of compiling per worker here) queues behind the other worker, and
 * its first runs stay in the slow tiers longer. Compiling on the worker's own thread costs the
 * same CPU without the wait (`npm run bench`, line "parallel sweep": 2 workers on 2 cores went
 * from 1.62× to about 1.77× the speed of 1; one worker, which has an idle core, keeps the default).
 * How: V8 reads --concurrent-recompilation only when it creates an isolate (Isolate::Init), so
 * turning it off while the workers start changes them and nothing else; this thread's isolate
 * already exists. Left alone when the user set the flag (node option or NODE_OPTIONS).
 */
function compileOnWorkerThreads(): { restore(): void } | undefined {
  const userSet = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((arg) => arg.includes('concurrent-recompilation'));
  if (userSet) return undefined;
  setFlagsFromString('--no-concurrent-recompilation');
  let restored = false;
  return {
    restore(): void {
      if (restored) return;
      restored = true;
      setFlagsFromString('--concurrent-recompilation');
    },
  };
}
