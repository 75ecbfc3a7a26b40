/**
 * The hardened realm user strategy modules run in (issue 18 item 2; README "Threat model"):
 *
 *   this thread (the model's realm, untouched)        the strategy realm (one per thread)
 *   ──────────────────────────────────────────        ──────────────────────────────────────────
 *   strategyRealm() once: vm.createContext ─────────▶ a fresh set of built-ins, no Node globals
 *                         SES loaded, lockdown() ───▶ every built-in there frozen
 *   bundle (strategy-bundle.ts) ─ evaluate ─────────▶ a Compartment: frozen built-ins + Math
 *                                                     without random(), Date without the clock,
 *                                                     a process that refuses, a console on stderr
 *   guard (strategy-module.ts) ─ invoke ─copy────────▶ callback(facade, data)
 *   host(method, …) ◀───────────────────────────────── facade.sendTemplate(…), results copied back
 *
 * The strategy runs in its own realm, so patching a built-in there (Map.prototype.get, an
 * Object.prototype getter) cannot touch an object of the model: none crosses over. What crosses
 * is copied into that realm's plain data (strategy-realm-inside.ts), and the model's functions
 * stay in closures strategy code cannot reach. The realm has no `process`, `require`, `import()`,
 * fetch, timers or clock. The model's realm is not locked down: freezing its built-ins would slow
 * every run in that thread by a third (frozen Array, Object and typed-array prototypes turn off
 * V8's fast paths; measured on user-strategy.json runs, docs/status.md issue 18).
 *
 * Why SES (npm `ses`): a maintained implementation of Hardened JavaScript — lockdown() freezes
 * every intrinsic, including those no global names (the prototypes of generators, iterators,
 * typed arrays), removes the Function constructors reachable from prototypes, and a Compartment
 * gives code its own globals with evaluators bound to them; a hand-written freeze would be
 * incomplete. Why a vm context as well: lockdown() applies to one realm, and the model's must
 * stay as it is; Node's vm alone is no boundary (an object passed in leads back to this realm's
 * Function constructor), which the membrane and SES close.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createContext, runInContext, Script } from 'node:vm';
import { realmInside, type RealmInside } from './strategy-realm-inside.js';

/**
 * Every message the realm gives strategy code: what was refused and what to use instead. Tests
 * reuse these builders.
 */
export const realmMsg = {
  refused: (what: string, instead: string): string => `${what} is not available to a strategy: ${instead} (README "Strategies")`,
  random: (): string => realmMsg.refused('Math.random()', 'use api.rng.next(), which the run seed fixes'),
  now: (): string => realmMsg.refused('Date.now()', 'use api.now(), the simulated time'),
  newDate: (): string => realmMsg.refused('new Date() without arguments', 'use api.now(), the simulated time (new Date(ms) of a time you computed is allowed)'),
  dateCall: (): string => realmMsg.refused('Date() called as a function', 'use api.now(), the simulated time'),
  exit: (): string => realmMsg.refused('process.exit()', 'a strategy cannot end the run'),
  process: (key: string): string => realmMsg.refused(`process.${key}`, "strategy code runs in a hardened realm without Node's process (no files, network, environment or exit); it acts only through the SenderApi"),
  hostFailed: (): string => 'the SenderApi failed inside wabasim (an internal error, reported by wabasim)',
};

/**
 * SES's lockdown options in the strategy realm: its defaults, but no console taming or process
 * handlers (the realm has neither), locale methods as they are, and error stacks readable
 * (errorTaming 'unsafe': `err.stack` is a string, so a throw can be mapped to the user's file and
 * line, strategy-stack.ts; SES still hides V8's call-site objects, so a stack gives text, never a
 * function or `this` of another realm).
 */
const LOCKDOWN = { overrideTaming: 'moderate', errorTaming: 'unsafe', consoleTaming: 'unsafe', localeTaming: 'unsafe', errorTrapping: 'none', unhandledRejectionTrapping: 'none', reporting: 'none' } as const;

let realm: RealmInside | undefined;

/**
 * This thread's strategy realm, made on first use (a few tens of milliseconds: a V8 context, SES
 * compiled and locked down in it) and kept for every module the thread loads.
 * @example strategyRealm().evaluate(await bundleStrategy(real, roots))
 */
export function strategyRealm(): RealmInside {
  if (realm) return realm;
  const context = createContext({}, { name: 'wabasim strategy realm' });
  // the package's one-file build, as a script of that realm (its ES modules would load into this one)
  const ses = join(dirname(createRequire(import.meta.url).resolve('ses')), 'ses.umd.min.js');
  new Script(readFileSync(ses, 'utf8'), { filename: ses }).runInContext(context);
  runInContext(`lockdown(${JSON.stringify(LOCKDOWN)})`, context);
  const make = runInContext(`(${realmInside.toString()})`, context) as typeof realmInside;
  const messages = { random: realmMsg.random(), now: realmMsg.now(), newDate: realmMsg.newDate(), dateCall: realmMsg.dateCall(), exit: realmMsg.exit(), process: realmMsg.process('KEY'), hostFailed: realmMsg.hostFailed() };
  // nothing of this realm may reach strategy code, an exception included: the write never throws
  const write = (line: string): void => {
    try {
      process.stderr.write(`${line}\n`);
    } catch {
      // stderr is gone: strategy output is dropped
    }
  };
  realm = make(JSON.stringify(messages), write);
  return realm;
}
