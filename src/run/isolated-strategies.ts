/**
 * User strategy modules never run on the main thread of a sweep (issue 18 item 3): the main
 * thread resolves them in a watched worker (probe-worker.ts) and keeps only their description;
 * the runs go to worker threads (at least one, even with `workers: 0`) under the watchdog.
 * Built-in strategies are trusted and resolve and run as before.
 *
 *   main: refs ─▶ any module? ─no─▶ resolveStrategies here
 *                     │yes
 *                     ▼
 *         probe worker (watched): import, try create() ─▶ labels, names, params ─▶ isolated ResolvedStrategy
 */
import { watchdogMsg, type Issue } from '../errors/index.js';
import type { StrategyRef } from '../scenario/index.js';
import { builtinStrategy, type StrategyParamDoc, type StrategyParamValueAny } from '../strategies/index.js';
import type { Worker } from 'node:worker_threads';
import type { EventLogOptions } from './event-log.js';
import { MODULE_PATH } from './strategy-module.js';
import { resolveStrategies, type ResolvedStrategy } from './strategies.js';
import type { StrategyResolver } from './sweep.js';
import { DEFAULT_CALLBACK_TIMEOUT, type StuckCallback } from './watchdog.js';
import { runWatchedWorker, type WatchOptions } from './watched-worker.js';

/** What the probe worker tells of each strategy. */
interface StrategyEcho {
  readonly label: string;
  readonly params: Readonly<Record<string, StrategyParamValueAny>>;
  readonly name: string;
  readonly description: string;
  readonly source: string;
  readonly docs: Readonly<Record<string, StrategyParamDoc>>;
}

/**
 * Whether `refs` name a user module (a path that is not a built-in name).
 * @example namesModule(['blast', './mine.mjs']) // true
 */
export function namesModule(refs: readonly StrategyRef[]): boolean {
  return refs.some((ref) => {
    const name = typeof ref === 'string' ? ref : ref.name;
    return !builtinStrategy(name) && MODULE_PATH.test(name);
  });
}

/**
 * The resolver for the main thread of a sweep: built-ins here; when `refs` name a module, every
 * strategy is resolved in a watched worker and comes back `isolated` (its create() is not
 * callable here). `callbackTimeout` is in wall seconds (0 = no limit); `bundles`, the modules'
 * bundles the caller is making (bundleStrategyModules), reach the probe when ready, so it only
 * evaluates them.
 * @throws {UserInputError} as resolveStrategies, or when the import or create() overruns
 * @example const setup = await prepareSweep(scenario, file, variants, opts, isolatingResolver(5))
 */
export function isolatingResolver(callbackTimeout = DEFAULT_CALLBACK_TIMEOUT, bundles?: Promise<Readonly<Record<string, string>> | undefined>): StrategyResolver {
  return async (refs, file, at, allow) => {
    if (!namesModule(refs)) return resolveStrategies(refs, file, at, { allow });
    // the probe starts at once (thread, model, strategy realm) while this thread bundles; the bundles follow
    const post = (w: Worker): void => void bundles?.then((b) => w.postMessage({ kind: 'bundles', bundles: b }), () => w.postMessage({ kind: 'bundles' }));
    const echoes = await runWatchedWorker<StrategyEcho[]>(new URL('./probe-worker.js', import.meta.url), { refs, file, at, allow, awaitBundles: bundles !== undefined }, watchOptions(callbackTimeout, (s) => callbackTimeoutIssue(refs, file, at, s, callbackTimeout, refName(refs[s.strategy]))), undefined, post);
    return echoes.map((e) => ({
      label: e.label,
      params: e.params,
      isolated: true,
      definition: {
        name: e.name,
        description: e.description,
        source: e.source,
        params: e.docs,
        create: () => {
          throw new Error(`strategy ${e.label} is a user module: it runs only in a watched worker thread`);
        },
      },
    }));
  };
}

/**
 * How the main thread watches the workers of a sweep of `refs` (at `at`); `strategies` gives
 * them as resolved, once they are (the workers may start before: their labels are then the refs').
 * @example startWorkers(input, 1, sweepWatch(() => setup?.strategies, refs, file, '/strategies', 5))
 */
export function sweepWatch(strategies: () => readonly ResolvedStrategy[] | undefined, refs: readonly StrategyRef[], file: string, at: string, callbackTimeout = DEFAULT_CALLBACK_TIMEOUT): WatchOptions {
  return watchOptions(callbackTimeout, (s) => callbackTimeoutIssue(refs, file, at, s, callbackTimeout, strategies()?.[s.strategy]?.label ?? refName(refs[s.strategy])));
}

/** The limit in ms and the issue builder. */
function watchOptions(callbackTimeout: number, issue: (s: StuckCallback) => Issue): WatchOptions {
  return { limitMs: callbackTimeout * 1000, issue };
}

/** The issue of a callback that overran, naming the strategy `label` and the pointer of its reference. */
function callbackTimeoutIssue(refs: readonly StrategyRef[], file: string, at: string, s: StuckCallback, limit: number, label: string): Issue {
  const ref = refs[s.strategy];
  const pointer = typeof ref === 'object' ? `${at}/${s.strategy}/name` : `${at}/${s.strategy}`;
  return watchdogMsg.callbackTimeout(file, pointer, label, s.callback, limit, s.at, s.seed);
}

function refName(ref: StrategyRef | undefined): string {
  return ref === undefined ? '?' : typeof ref === 'string' ? ref : (ref.label ?? ref.name);
}

/** Chunks of event-log lines the worker may post before the main thread has written them. */
const EVENT_LOG_CREDITS = 8;

/**
 * writeEventLog (event-log.ts) in a watched worker thread (event-log-worker.ts), whatever the
 * strategy, so a SIGINT/SIGTERM is answered at once and a user module's callback that overruns
 * `callbackTimeout` wall seconds (0 = no limit) stops the run. Lines reach `opts.write` in
 * chunks (each ending in a newline), on this thread.
 * @throws {UserInputError} as writeEventLog, or when a callback overruns
 * @example await writeEventLogWatched('scenarios/default.json', { strategy: 'blast', seed: 1, write: (t) => process.stdout.write(t) })
 */
export async function writeEventLogWatched(file: string, opts: Omit<EventLogOptions, 'monitor'>, callbackTimeout = DEFAULT_CALLBACK_TIMEOUT): Promise<void> {
  const { write, ...rest } = opts;
  const credits = new Int32Array(new SharedArrayBuffer(4));
  credits[0] = EVENT_LOG_CREDITS;
  const watch = watchOptions(callbackTimeout, (s) => watchdogMsg.callbackTimeout(file, '--strategy', opts.strategy, s.callback, callbackTimeout, s.at, s.seed));
  await runWatchedWorker<void>(new URL('./event-log-worker.js', import.meta.url), { file, opts: rest, credits: credits.buffer }, watch, (m) => {
    const { kind, text } = m as { kind: string; text: string };
    if (kind !== 'lines') return;
    write(text);
    Atomics.add(credits, 0, 1);
    Atomics.notify(credits, 0);
  });
}
