/**
 * Parallel sweeps on worker threads (node:worker_threads). Each worker rebuilds the same sweep plan
 * from the scenario (deterministic), then runs the plan indices it is handed one at a time (so a
 * slow run does not hold up the others); results are put back in plan order, so the output is
 * byte-identical to a single-threaded run.
 */
import { Worker } from 'node:worker_threads';
import { UserInputError, type Issue } from '../errors/index.js';
import type { Scenario, VariantPlan } from '../scenario/index.js';
import type { RunResult } from './results.js';

/** What a worker needs to rebuild the sweep. */
export interface WorkerInput {
  readonly file: string;
  readonly scenario: Scenario;
  readonly seeds?: number;
  readonly seed?: number;
  readonly strategies?: readonly string[];
  /** The variants as the main thread planned and validated them, so a worker need not compile the schema again. */
  readonly variants?: readonly VariantPlan[];
}

/** Messages from a worker. */
export type WorkerMessage = { readonly kind: 'ready' } | { readonly kind: 'result'; readonly index: number; readonly result: RunResult } | { readonly kind: 'error'; readonly message: string; readonly stack?: string; readonly issues?: readonly Issue[] };

/**
 * Runs plan `indices` on `count` workers; resolves with the results in the order of `indices`.
 * @throws {UserInputError} when a user strategy throws in a worker
 * @throws {Error} when a worker fails otherwise (an internal error)
 */
export function runInWorkers(input: WorkerInput, indices: readonly number[], count: number, onProgress?: (done: number, total: number) => void): Promise<RunResult[]> {
  const script = new URL('./worker.js', import.meta.url);
  const results = new Map<number, RunResult>();
  let next = 0;
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    let failed = false;
    const finish = (err?: Error): void => {
      if (failed) return;
      if (err) failed = true;
      if (err || results.size === indices.length) {
        for (const w of workers) void w.terminate();
        if (err) reject(err);
        else resolve(indices.map((i) => results.get(i)!));
      }
    };
    const feed = (w: Worker): void => {
      if (next < indices.length) w.postMessage(indices[next++]);
    };
    for (let k = 0; k < count; k++) {
      const w = new Worker(script, { workerData: input });
      workers.push(w);
      w.on('message', (m: WorkerMessage) => {
        if (m.kind === 'ready') return feed(w);
        if (m.kind === 'error') return finish(m.issues ? new UserInputError(m.issues) : Object.assign(new Error(m.message), { stack: m.stack }));
        results.set(m.index, m.result);
        onProgress?.(results.size, indices.length);
        feed(w);
        finish();
      });
      w.on('error', (err) => finish(err));
    }
  });
}
