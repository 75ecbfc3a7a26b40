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
  return startWorkers(input, count, watch).run(indices, onProgress);
}

/** Worker threads started before they are given plan indices (startWorkers). */
export interface WorkerPool {
  /** Runs plan `indices` on the pool (once); resolves with the results in their order, then the workers end. */
  run(indices: readonly number[], onProgress?: (done: number, total: number) => void): Promise<RunResult[]>;
  /** Ends the workers without running anything (the sweep stopped before it began). */
  stop(): void;
}

/**
 * Starts `count` workers that rebuild the sweep of `input` and wait for plan indices. With
 * `bundles` (the user modules' bundles the main thread is making), each worker starts at once
 * and receives them when ready: a sweep of user modules starts its workers beside the probe
 * worker (isolated-strategies.ts), so their start-up and strategy realms overlap it. A failure
 * before `run` is kept and rejects `run`.
 * @example const pool = startWorkers(input, 2, watch, bundling); …; const runs = await pool.run(indices)
 */
export function startWorkers(input: WorkerInput, count: number, watch?: WatchOptions, bundles?: Promise<Readonly<Record<string, string>> | undefined>): WorkerPool {
  const script = new URL('./worker.js', import.meta.url);
  const compilingHere = count >= availableParallelism() ? compileOnWorkerThreads() : undefined;
  const workers: Worker[] = [];
  const unwatch: (() => void)[] = [];
  const idle: Worker[] = [];
  let online = 0;
  let ended = false;
  let failure: Error | undefined;
  let job: { readonly indices: readonly number[]; next: number; readonly results: Map<number, RunResult>; readonly onProgress?: (done: number, total: number) => void; readonly resolve: (r: RunResult[]) => void; readonly reject: (e: Error) => void } | undefined;
  const stop = (): void => {
    if (ended) return;
    ended = true;
    compilingHere?.restore();
    for (const end of unwatch) end();
    for (const w of workers) void w.terminate();
  };
  const fail = (err: Error): void => {
    if (failure || ended) return;
    failure = err;
    stop();
    job?.reject(err);
  };
  const feed = (w: Worker): void => {
    if (!job) idle.push(w);
    else if (job.next < job.indices.length) w.postMessage(job.indices[job.next++]);
  };
  for (let k = 0; k < count; k++) {
    const buffer = watch ? watchBuffer() : undefined;
    const w = new Worker(script, { workerData: { ...input, watch: buffer, awaitBundles: bundles !== undefined } });
    workers.push(w);
    void bundles?.then(
      (b) => w.postMessage({ kind: 'bundles', bundles: b }),
      () => w.postMessage({ kind: 'bundles' }),
    );
    if (watch && buffer) unwatch.push(watchWorker(w, buffer, watch.limitMs, (stuck) => fail(new UserInputError([watch.issue(stuck)]))));
    w.once('online', () => {
      if (++online === count) compilingHere?.restore(); // every worker's isolate exists
    });
    w.on('message', (m: WorkerMessage) => {
      if (m.kind === 'ready') return feed(w);
      if (m.kind === 'error') return fail(errorOf(m));
      if (!job) return;
      job.results.set(m.index, m.result);
      job.onProgress?.(job.results.size, job.indices.length);
      if (job.results.size === job.indices.length) {
        stop();
        job.resolve(job.indices.map((i) => job!.results.get(i)!));
      } else feed(w);
    });
    w.on('error', (err) => fail(err));
  }
  return {
    run(indices, onProgress) {
      if (failure) return Promise.reject(failure);
      return new Promise<RunResult[]>((resolve, reject) => {
        job = { indices, next: 0, results: new Map(), onProgress, resolve, reject };
        if (!indices.length) {
          stop();
          resolve([]);
        }
        for (const w of idle.splice(0)) feed(w);
      });
    },
    stop,
  };
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
