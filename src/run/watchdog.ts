/**
 * The watchdog over user strategy modules (issue 18 item 3). A loop in JavaScript cannot be
 * interrupted on its own thread, so a module strategy runs in a worker thread and the main thread
 * watches it through a SharedArrayBuffer:
 *
 *   worker: callback entered ─▶ Atomics: seq + 1, callback, strategy (+ simulated time) ─▶ returns ─▶ seq + 1, idle
 *   main:   every WATCH_TICK_MS ─▶ a callback active and seq unchanged for the limit? ─▶ terminate the worker, report it
 *
 * The worker never reads a clock (a callback costs two counter updates): the main thread measures
 * how long the same entry stays active. Built-in strategies are trusted and never wrapped.
 */
import type { Worker } from 'node:worker_threads';

/** What is watched: the module's import, create() and each callback, by index. */
export const WATCHED_CALLBACKS = ['import', 'create()', 'onCampaignStart', 'onWake', 'onStatus', 'onInbound', 'onWebhook'] as const;
export type WatchedCallback = (typeof WATCHED_CALLBACKS)[number];

/** How often the main thread looks (wall milliseconds; a quarter of a shorter limit); a stuck callback is seen at most this late. */
export const WATCH_TICK_MS = 200;

/** Default limit of one callback (wall seconds; `--callback-timeout`). */
export const DEFAULT_CALLBACK_TIMEOUT = 5;

// layout: Int32 [seq, callback + 1 (0 idle), strategy index, blocked (the worker waits for its reader)]; Float64 [epoch ms, simulated ms, seed]
const SEQ = 0;
const CALLBACK = 1;
const STRATEGY = 2;
const BLOCKED = 3;
const INTS = 4;
const EPOCH = 0;
const SIM = 1;
const SEED = 2;

/** A buffer for one worker (posted in its workerData). */
export function watchBuffer(): SharedArrayBuffer {
  return new SharedArrayBuffer(INTS * 4 + 3 * 8);
}

/** The worker's side: marks entries into and exits from strategy code. */
export interface CallbackMonitor {
  /** Entering `callback` of strategy `strategy` at simulated time `sim` (ms, NaN before the run); returns what to restore on leaving. */
  enter(strategy: number, callback: number, sim: number): number;
  /** Leaving: restores the state `enter` returned (a callback may run inside another). */
  leave(previous: number): void;
  /** The run that calls from now on belong to: its start (epoch ms) and seed. */
  setRun(epochMs: number, seed: number): void;
  /** Marks a wait for the main thread (not the strategy's time): `true` before, `false` after. */
  setBlocked(blocked: boolean): void;
}

/**
 * The worker's monitor on `buffer`.
 * @example const monitor = callbackMonitor(workerData.watch); monitor.leave(monitor.enter(0, 3, api.now()))
 */
export function callbackMonitor(buffer: SharedArrayBuffer): CallbackMonitor {
  const ints = new Int32Array(buffer, 0, INTS);
  const floats = new Float64Array(buffer, INTS * 4, 3);
  return {
    enter(strategy, callback, sim) {
      const previous = Atomics.load(ints, CALLBACK) === 0 ? -1 : Atomics.load(ints, STRATEGY) * 64 + Atomics.load(ints, CALLBACK) - 1;
      floats[SIM] = sim;
      Atomics.store(ints, STRATEGY, strategy);
      Atomics.store(ints, CALLBACK, callback + 1);
      Atomics.add(ints, SEQ, 1);
      return previous;
    },
    leave(previous) {
      if (previous >= 0) Atomics.store(ints, STRATEGY, Math.floor(previous / 64));
      Atomics.store(ints, CALLBACK, previous < 0 ? 0 : (previous % 64) + 1);
      Atomics.add(ints, SEQ, 1);
    },
    setRun(epochMs, seed) {
      floats[EPOCH] = epochMs;
      floats[SEED] = seed;
    },
    setBlocked(blocked) {
      Atomics.store(ints, BLOCKED, blocked ? 1 : 0);
      Atomics.add(ints, SEQ, 1);
    },
  };
}

/** A callback that overran, as the main thread saw it. */
export interface StuckCallback {
  readonly strategy: number;
  readonly callback: WatchedCallback;
  /** The simulated time of its call as an ISO timestamp, or undefined before the run (import, create()). */
  readonly at: string | undefined;
  readonly seed: number | undefined;
}

/**
 * Watches `worker` through `buffer`: when one strategy callback stays active for `limitMs` of
 * wall time, terminates the worker and calls `onStuck`. `limitMs` 0 watches nothing. Returns the
 * function that stops watching (call it when the worker is done).
 * @example const stop = watchWorker(w, buffer, 5000, (s) => reject(timeoutError(s)))
 */
export function watchWorker(worker: Worker, buffer: SharedArrayBuffer, limitMs: number, onStuck: (stuck: StuckCallback) => void): () => void {
  if (!(limitMs > 0)) return () => undefined;
  const ints = new Int32Array(buffer, 0, INTS);
  const floats = new Float64Array(buffer, INTS * 4, 3);
  let seen = -1;
  let since = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const seq = Atomics.load(ints, SEQ);
    const callback = Atomics.load(ints, CALLBACK);
    if (seq !== seen || callback === 0 || Atomics.load(ints, BLOCKED) === 1) {
      seen = seq;
      since = now;
      return;
    }
    if (now - since < limitMs) return;
    clearInterval(timer);
    const sim = floats[SIM];
    const stuck: StuckCallback = {
      strategy: Atomics.load(ints, STRATEGY),
      callback: WATCHED_CALLBACKS[callback - 1],
      at: Number.isFinite(sim) && Number.isFinite(floats[EPOCH]) ? new Date(floats[EPOCH] + sim).toISOString() : undefined,
      seed: Number.isFinite(sim) ? floats[SEED] : undefined,
    };
    void worker.terminate();
    onStuck(stuck);
  }, Math.min(WATCH_TICK_MS, Math.max(1, limitMs / 4)));
  timer.unref();
  return () => clearInterval(timer);
}
