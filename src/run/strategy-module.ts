/**
 * User strategies: a module path given in the scenario (relative to the scenario file's
 * directory, and inside its tree unless allowed: strategy-path.ts locates it) or with --strategy
 * (relative to the working directory), bundled with its relative imports (strategy-bundle.ts:
 * `.js`, `.mjs`, `.cjs`, `.ts`, `.mts`, `.cts`) and evaluated in this thread's strategy realm
 * (strategy-realm.ts: its own frozen built-ins, no Node). The module exports `default` or
 * `strategy` shaped like a StrategyDefinition: `{ name, description, source?, params?,
 * create(params) → Strategy }`. An import error, a module without that shape, and a strategy
 * callback that throws during a run are user errors naming the scenario file and the pointer of
 * the reference. Callbacks get the realm's copy of the SenderApi (a facade over this run's), and
 * copies of their arguments.
 */
import { kitMsg, msg, UserInputError, type Issue } from '../errors/index.js';
import type { Strategy, StrategyDefinition, StrategyParamDoc, StrategyParamValueAny } from '../strategies/index.js';
import { declarationProblem } from './strategy-params.js';
import { throwSite } from './strategy-stack.js';
import type { SenderApi } from '../model/observable.js';
import type { LocatedModule } from './strategy-path.js';
import { bundleStrategy } from './strategy-bundle.js';
import { strategyRealm } from './strategy-realm.js';
import type { RealmInside } from './strategy-realm-inside.js';
import { WATCHED_CALLBACKS, type CallbackMonitor } from './watchdog.js';

/** Where a module strategy reports its calls to the watchdog (watchdog.ts): the monitor of this worker and the strategy's index in the sweep. */
export interface StrategyWatch {
  readonly monitor: CallbackMonitor;
  readonly strategy: number;
}

/** Strategy references ending like this are module paths, not built-in names. */
export const MODULE_PATH = /\.(?:m?js|m?ts)$/;

/** The callbacks a strategy may define (onCampaignStart is required). */
const CALLBACKS = ['onCampaignStart', 'onWake', 'onStatus', 'onInbound', 'onWebhook'] as const;

/** A loaded module, or the issue that stopped it. */
export type LoadedStrategy = { readonly ok: true; readonly definition: StrategyDefinition } | { readonly ok: false; readonly issue: Issue };

/**
 * Imports (runs) the strategy module `located` (strategy-path.ts) referenced at `pointer` of
 * `file` in this thread's strategy realm (strategy-realm.ts), and checks its shape. With `watch`,
 * the module's top level, every create() and every callback report to the watchdog (making the
 * realm and bundling are wabasim's own work, not watched). Never throws for a user mistake:
 * returns the issue. `bundled` is the module's bundle when the caller already made it
 * (bundleStrategyModules, strategies.ts: made once per sweep, not once per worker).
 * @example await loadStrategyModule({ ok: true, path, real: path, roots }, 'scenarios/a.json', '/strategies/1')
 */
export async function loadStrategyModule(located: Extract<LocatedModule, { ok: true }>, file: string, pointer: string, watch?: StrategyWatch, bundled?: string): Promise<LoadedStrategy> {
  const { path, real, roots } = located;
  const fail = (issue: Issue): LoadedStrategy => ({ ok: false, issue });
  const realm = strategyRealm();
  let program: string;
  try {
    program = bundled ?? (await bundleStrategy(real, roots));
  } catch (err) {
    return fail(msg.strategyModuleFailed(file, pointer, path, firstLine(err)));
  }
  const site = (err: unknown): string => throwSite(err, program);
  let mod: unknown;
  const importing = watch?.monitor.enter(watch.strategy, WATCHED_CALLBACKS.indexOf('import'), NaN);
  try {
    mod = realm.evaluate(program);
  } catch (err) {
    return fail(msg.strategyModuleFailed(file, pointer, path, `${firstLine(err)}${site(err)}`));
  } finally {
    if (watch) watch.monitor.leave(importing!);
  }
  const exported = exportedDefinition(mod);
  if (typeof exported === 'string') return fail(msg.notAStrategy(file, pointer, path, exported));
  const create = (p: Readonly<Record<string, StrategyParamValueAny>>): unknown => realm.create(exported, JSON.stringify(p));
  const userCreate = watch ? watched(watch, 'create()', create) : create;
  const params = normalizeParams(exported.params);
  const defaults = Object.fromEntries(Object.entries(params).map(([k, p]) => [k, p.default]));
  let sample: unknown;
  try {
    sample = userCreate(defaults);
  } catch (err) {
    return fail(kitMsg.strategyThrew(file, pointer, exported.name, 'create()', firstLine(err), site(err)));
  }
  const shape = strategyProblem(sample);
  if (shape) return fail(msg.notAStrategy(file, pointer, path, shape));
  const definition: StrategyDefinition = {
    name: exported.name,
    description: exported.description,
    source: typeof exported.source === 'string' ? exported.source : path,
    params,
    create: (p) => {
      const threw = (callback: string, err: unknown): UserInputError => new UserInputError([kitMsg.strategyThrew(file, pointer, exported.name, callback, firstLine(err), site(err))]);
      let made: unknown;
      try {
        made = userCreate(p); // the probe's create() passed; a later one (each run makes its own) may still throw
      } catch (err) {
        throw err instanceof UserInputError ? err : threw('create()', err);
      }
      return guardStrategy(realm, made as Strategy, threw, watch);
    },
  };
  return { ok: true, definition };
}

/** A definition as a module may export it (params loosely typed until checked). */
interface ExportedDefinition {
  readonly name: string;
  readonly description: string;
  readonly source?: unknown;
  readonly params?: Record<string, unknown>;
  readonly create: (params: Readonly<Record<string, StrategyParamValueAny>>) => unknown;
}

/** The module's `default` or `strategy` export (looking one level into a CommonJS default), or what is wrong. */
function exportedDefinition(mod: unknown): ExportedDefinition | string {
  const m = (mod ?? {}) as Record<string, unknown>;
  const inner = (m.default ?? {}) as Record<string, unknown>;
  const candidates = [m.default, m.strategy, inner.default, inner.strategy].filter((c) => c !== undefined && c !== null);
  if (!candidates.length) {
    const keys = Object.keys(m);
    return keys.length ? `exports ${keys.join(', ')} but neither default nor strategy` : 'exports nothing';
  }
  let problem = '';
  for (const c of candidates) {
    problem = definitionProblem(c);
    if (!problem) return c as ExportedDefinition;
  }
  return problem;
}

/** What keeps `value` from being a strategy definition, or ''. */
function definitionProblem(value: unknown): string {
  if (typeof value !== 'object' || value === null) return `the export is ${value === null ? 'null' : typeof value}, not an object`;
  const d = value as Record<string, unknown>;
  if (typeof d.name !== 'string' || !d.name) return 'the export has no name (a non-empty string)';
  if (typeof d.description !== 'string') return `strategy ${JSON.stringify(d.name)} has no description (a string)`;
  if (typeof d.create !== 'function') return `strategy ${JSON.stringify(d.name)} has no create(params) function`;
  if (d.params !== undefined && (typeof d.params !== 'object' || d.params === null || Array.isArray(d.params))) return `strategy ${JSON.stringify(d.name)} has params that are not an object`;
  for (const [key, p] of Object.entries((d.params ?? {}) as Record<string, unknown>)) {
    const problem = declarationProblem(p);
    if (problem) return `parameter ${JSON.stringify(key)} of ${JSON.stringify(d.name)} ${problem}`;
  }
  return '';
}

/** Checked params with a description on each. */
function normalizeParams(params: Record<string, unknown> | undefined): Record<string, StrategyParamDoc> {
  const out: Record<string, StrategyParamDoc> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    const p = value as StrategyParamDoc;
    out[key] = { ...p, description: p.description ?? '' };
  }
  return out;
}

/** What keeps `value` (what create() returned) from being a Strategy, or ''. */
function strategyProblem(value: unknown): string {
  if (typeof value !== 'object' || value === null) return `create() returned ${value === null ? 'null' : typeof value}, not a strategy object`;
  const s = value as Record<string, unknown>;
  if (typeof s.onCampaignStart !== 'function') return 'create() returned an object without an onCampaignStart(api, campaign) function';
  for (const k of CALLBACKS) if (s[k] !== undefined && typeof s[k] !== 'function') return `create() returned ${k} that is not a function`;
  return '';
}

/**
 * `s` (an object of the strategy realm) as a Strategy of this realm: each callback is called
 * through the realm (`realm.invoke`) with the realm's facade of the run's SenderApi, made when a
 * run's API is first seen; a thrown error becomes `wrap(callback name, error)`; with `watch`, each
 * call reports to the watchdog. An error inside the SenderApi is wabasim's own: it is thrown as
 * it was, whatever the strategy did with the facade's report of it.
 */
function guardStrategy(realm: RealmInside, s: Strategy, wrap: (callback: string, err: unknown) => Error, watch?: StrategyWatch): Strategy {
  const problem = strategyProblem(s);
  if (problem) throw wrap('create()', new Error(problem));
  const out: Record<string, unknown> = {};
  let api: SenderApi | undefined;
  let facade: unknown;
  let hostError: { readonly error: unknown } | undefined;
  for (const k of CALLBACKS) {
    const f = s[k] as unknown;
    if (f) {
      const guarded = (...args: unknown[]): void => {
        if (args[0] !== api) {
          api = args[0] as SenderApi;
          facade = realm.facade(
            hostApi(api, (error) => {
              hostError ??= { error };
            }),
            HOST_FAILED,
          );
        }
        let returned: unknown;
        try {
          returned = realm.invoke(s, f, facade, args[1]);
        } catch (err) {
          if (hostError) throw hostError.error;
          throw err instanceof UserInputError ? err : wrap(k, err);
        }
        if (hostError) throw hostError.error;
        if (isThenable(returned)) throw wrap(k, new Error(`${k} returned a Promise: callbacks run in simulated time and are not awaited, so sends after an await would be lost; do the work synchronously and schedule later work with api.wakeAt`));
      };
      out[k] = watch ? watched(watch, k, guarded, (a) => (a as { now(): number }).now()) : guarded;
    }
  }
  return out as unknown as Strategy;
}

/** What the host side answers when a SenderApi method threw (the realm's facade reports it). */
const HOST_FAILED = '\u0000wabasim: the SenderApi failed';

/**
 * The run's SenderApi as the one function the realm's facade calls (strategy-realm-inside.ts):
 * method name and arguments in, the model's plain data out; an exception is kept by `failed` and
 * answered with HOST_FAILED, so no object of this realm reaches strategy code.
 */
function hostApi(api: SenderApi, failed: (error: unknown) => void): (method: string, a?: unknown, b?: unknown, c?: unknown) => unknown {
  return (method, a, b, c) => {
    try {
      switch (method) {
        case 'now':
          return api.now();
        case 'numbers':
          return api.numbers();
        case 'templates':
          return api.templates();
        case 'campaigns':
          return api.campaigns();
        case 'sendTemplate':
          return api.sendTemplate(a as string, b as number, c as string);
        case 'sendText':
          return api.sendText(a as string, b as number);
        case 'wakeAt':
          return api.wakeAt(a as number, b as string);
        case 'getPhoneNumber':
          return api.getPhoneNumber(a as string);
        case 'openApp':
          return api.openApp(a as string);
        case 'rng':
          return api.rng.next();
        case 'localHour':
          return api.localHour(a as number);
        case 'inLocalWindow':
          return api.inLocalWindow(a as string, b as number);
        case 'attributes':
          return api.attributes(a as number);
        case 'attribute':
          return api.attribute(a as number, b as string);
        default:
          return undefined;
      }
    } catch (err) {
      failed(err);
      return HOST_FAILED;
    }
  };
}

/** True if `value` looks like a Promise (an async callback's return). */
function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/** `f` reporting each call as `callback` to the watchdog; `simTime` reads the simulated time from the first argument (the SenderApi). */
function watched<A extends unknown[], R>(watch: StrategyWatch, callback: (typeof WATCHED_CALLBACKS)[number], f: (...args: A) => R, simTime?: (first: unknown) => number): (...args: A) => R {
  const index = WATCHED_CALLBACKS.indexOf(callback);
  const { monitor, strategy } = watch;
  return (...args: A): R => {
    const previous = monitor.enter(strategy, index, simTime ? simTime(args[0]) : NaN);
    try {
      return f(...args);
    } finally {
      monitor.leave(previous);
    }
  };
}

/** The first line of what strategy code threw (its name and message, read defensively: they may be getters that throw). */
function firstLine(err: unknown): string {
  let text: string;
  try {
    text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  } catch {
    text = 'a thrown value that cannot be read';
  }
  return String(text).split('\n')[0].slice(0, 300);
}
