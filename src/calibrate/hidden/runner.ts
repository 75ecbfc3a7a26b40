/**
 * Where the inference's simulations run: one at a time on this thread (yielding between them, so a
 * signal or a progress line gets through), or on worker threads (sim-worker.ts), as many at once
 * as there are workers. A simulation is a pure function of the replay plan, its rates and its
 * seed, so both give the same rows; the seeds are drawn by the caller, in draw order, before a
 * simulation is handed over.
 *
 *   sampleAbc ──simulate(point)──▶ runner.run(rates, seed) ──▶ [this thread | worker k] ──▶ summaries row
 */
import { Worker } from 'node:worker_threads';
import { errorOf, type FailureMessage } from '../../run/watched-worker.js';
import type { Scenario } from '../../scenario/index.js';
import type { HiddenEvidence } from '../evidence.js';
import { simulateEvidence, type HiddenRates, type ReplayPlan } from './replay.js';
import { summarise } from './summaries.js';

/** Runs simulations of one replay plan. */
export interface SimulationRunner {
  /** The summaries row of one replay with `rates` and run seed `seed`. */
  run(rates: HiddenRates, seed: number): Promise<readonly number[]>;
  close(): Promise<void>;
}

/** What a simulation worker is started with: it builds the same plan from them (planReplay is deterministic). */
export interface SimWorkerData {
  readonly scenario: Scenario;
  readonly observed: HiddenEvidence;
}

/** A simulation for a worker, and its answer. */
export interface SimTask {
  readonly id: number;
  readonly rates: HiddenRates;
  readonly seed: number;
}
export type SimReply = { readonly id: number; readonly row: readonly number[] } | { readonly id: number; readonly failure: FailureMessage };

/** The summaries row of one replay (the work of either runner). */
export function simulateRow(plan: ReplayPlan, rates: HiddenRates, seed: number): number[] {
  return summarise(simulateEvidence(plan, rates, seed), plan.sendsPerDay.length);
}

/**
 * Simulations on this thread, one after another in the order asked.
 * @example const r = inProcessRunner(plan); await r.run({ blockProbability: 0.01, reportProbability: 0.001 }, 7)
 */
export function inProcessRunner(plan: ReplayPlan): SimulationRunner {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run(rates, seed) {
      const done = tail.then(async () => {
        await new Promise((resume) => setImmediate(resume)); // let a signal handler or progress line run between simulations
        return simulateRow(plan, rates, seed);
      });
      tail = done.catch(() => undefined);
      return done;
    },
    close: async () => undefined,
  };
}

/**
 * Simulations on `count` worker threads, each running one at a time; the rest wait their turn.
 * @example const r = workerRunner(2, { scenario, observed }); const rows = await Promise.all(draws.map((d) => r.run(d.rates, d.seed))); await r.close()
 */
export function workerRunner(count: number, data: SimWorkerData): SimulationRunner {
  const script = new URL('./sim-worker.js', import.meta.url);
  const workers = Array.from({ length: count }, () => new Worker(script, { workerData: data }));
  const idle = [...workers];
  const waiting: SimTask[] = [];
  const pending = new Map<number, { resolve: (row: readonly number[]) => void; reject: (err: Error) => void }>();
  let nextId = 0;
  let broken: Error | undefined;
  const fail = (err: Error): void => {
    broken ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  const dispatch = (): void => {
    while (idle.length > 0 && waiting.length > 0) idle.shift()!.postMessage(waiting.shift());
  };
  for (const w of workers) {
    w.on('message', (m: SimReply) => {
      const p = pending.get(m.id);
      pending.delete(m.id);
      idle.push(w);
      if ('failure' in m) fail(errorOf(m.failure));
      else p?.resolve(m.row);
      dispatch();
    });
    w.on('error', fail);
  }
  return {
    run(rates, seed) {
      if (broken) return Promise.reject(broken);
      const id = nextId++;
      const answer = new Promise<readonly number[]>((resolve, reject) => pending.set(id, { resolve, reject }));
      waiting.push({ id, rates, seed });
      dispatch();
      return answer;
    },
    close: async () => {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
