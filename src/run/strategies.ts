/**
 * Resolving the scenario's strategy references into definitions with checked parameters:
 * built-in names from the registry, module paths (user strategies) located by strategy-path.ts
 * (inside the scenario's tree unless allowed) and imported by strategy-module.ts. Checking
 * references (`validate`) locates modules but never imports them.
 */
import { dirname, resolve } from 'node:path';
import { msg, UserInputError, type Issue } from '../errors/index.js';
import type { StrategyRef } from '../scenario/index.js';
import { BUILTIN_NAMES, builtinStrategy, type StrategyDefinition, type StrategyParamValueAny } from '../strategies/index.js';
import { valueProblems } from './strategy-params.js';
import { loadStrategyModule, MODULE_PATH } from './strategy-module.js';
import type { CallbackMonitor } from './watchdog.js';
import { locateStrategyModule, strategyRoots, type StrategyRoots } from './strategy-path.js';
import { bundleStrategy } from './strategy-bundle.js';

/** A strategy ready to instantiate per run. */
export interface ResolvedStrategy {
  /** Name shown in results (the ref's `label`, else the strategy's name). */
  readonly label: string;
  readonly definition: StrategyDefinition;
  readonly params: Readonly<Record<string, StrategyParamValueAny>>;
  /** A user module described by a watched worker (isolated-strategies.ts): it runs only in worker threads. */
  readonly isolated?: boolean;
}

/**
 * Resolves `refs` (from the scenario, or names given with --strategy) against the built-ins and,
 * for a module path, the module it names: relative to the directory of `file` and inside its
 * tree or a directory of `opts.allow` (--allow-strategy-path), or relative to the working
 * directory and anywhere when `at` is '--strategy' (the command line). Imports (runs) each
 * module (in this thread's strategy realm, strategy-realm.ts). Pointers count from
 * `opts.first` (the index of refs[0] in the scenario's list). With `opts.monitor`, module
 * strategies report their calls to the watchdog under their index in `refs`. `opts.bundles`
 * (bundleStrategyModules) spares bundling a module again, by real path.
 * @throws {UserInputError} listing every unknown strategy, refused or unloadable module and bad parameter
 * @example const [s] = await resolveStrategies(['warmup'], 'scenarios/default.json');
 */
export async function resolveStrategies(refs: readonly StrategyRef[], file: string, at = '/strategies', opts: { readonly allow?: readonly string[]; readonly first?: number; readonly monitor?: CallbackMonitor; readonly bundles?: Readonly<Record<string, string>> } = {}): Promise<ResolvedStrategy[]> {
  const issues: Issue[] = [];
  const out: ResolvedStrategy[] = [];
  const labels = new Set<string>();
  const roots: StrategyRoots = at === '--strategy' ? { anywhere: true } : strategyRoots(file, opts.allow ?? [], issues);
  const base = at === '--strategy' ? process.cwd() : dirname(resolve(file));
  for (const [k, ref] of refs.entries()) {
    const i = k + (opts.first ?? 0);
    const name = typeof ref === 'string' ? ref : ref.name;
    const pointer = typeof ref === 'string' ? `${at}/${i}` : `${at}/${i}/name`;
    let definition = builtinStrategy(name);
    if (!definition && MODULE_PATH.test(name)) {
      const located = locateStrategyModule(name, file, pointer, base, roots);
      const loaded = located.ok ? await loadStrategyModule(located, file, pointer, opts.monitor && { monitor: opts.monitor, strategy: k }, opts.bundles?.[located.real]) : located;
      if (!loaded.ok) {
        issues.push(loaded.issue);
        continue;
      }
      definition = loaded.definition;
    }
    if (!definition) {
      issues.push(msg.unknownStrategy(file, pointer, BUILTIN_NAMES, name));
      continue;
    }
    const params = checkParams(definition, typeof ref === 'string' ? {} : ((ref.params ?? {}) as Record<string, unknown>), file, `${at}/${i}/params`, issues);
    const label = (typeof ref === 'string' ? undefined : ref.label) ?? definition.name;
    if (labels.has(label)) issues.push(msg.duplicateId(file, pointer, 'strategy label', label));
    labels.add(label);
    out.push({ label, definition, params });
  }
  if (issues.length) throw new UserInputError(issues);
  return out;
}

/**
 * The bundles of the modules `refs` name (strategy-realm.ts bundleStrategy), by real path, made
 * without running any code: a sweep makes them once on its main thread and hands them to each
 * worker thread, which only evaluates them. A module that cannot be located or bundled is left
 * out (resolveStrategies reports it where it is loaded).
 * @example const bundles = await bundleStrategyModules(scenario.strategies, file, '/strategies', allow)
 */
export async function bundleStrategyModules(refs: readonly StrategyRef[], file: string, at: string, allow: readonly string[] = []): Promise<Record<string, string>> {
  const roots: StrategyRoots = at === '--strategy' ? { anywhere: true } : strategyRoots(file, allow, []);
  const base = at === '--strategy' ? process.cwd() : dirname(resolve(file));
  const bundles: Record<string, string> = {};
  for (const ref of refs) {
    const name = typeof ref === 'string' ? ref : ref.name;
    if (builtinStrategy(name) || !MODULE_PATH.test(name)) continue;
    const located = locateStrategyModule(name, file, '', base, roots);
    if (!located.ok || bundles[located.real] !== undefined) continue;
    try {
      bundles[located.real] = await bundleStrategy(located.real, located.roots);
    } catch {
      // reported when the module is loaded
    }
  }
  return bundles;
}

/**
 * The problems of the scenario's strategy `refs` found without running any code (`validate`):
 * unknown names, built-ins' parameters, and module paths that are missing or lie outside the
 * scenario's tree and `allow`. A module's shape, name and parameters are checked only when it
 * is run (resolveStrategies), since checking them would mean importing it.
 * @example checkStrategies(scenario.strategies, 'scenarios/user-strategy.json') // []
 */
export function checkStrategies(refs: readonly StrategyRef[], file: string, allow: readonly string[] = []): Issue[] {
  const issues: Issue[] = [];
  const labels = new Set<string>();
  const roots = strategyRoots(file, allow, issues);
  for (const [i, ref] of refs.entries()) {
    const name = typeof ref === 'string' ? ref : ref.name;
    const pointer = typeof ref === 'string' ? `/strategies/${i}` : `/strategies/${i}/name`;
    const definition = builtinStrategy(name);
    if (definition) checkParams(definition, typeof ref === 'string' ? {} : ((ref.params ?? {}) as Record<string, unknown>), file, `/strategies/${i}/params`, issues);
    else if (MODULE_PATH.test(name)) {
      const located = locateStrategyModule(name, file, pointer, dirname(resolve(file)), roots);
      if (!located.ok) issues.push(located.issue);
    } else issues.push(msg.unknownStrategy(file, pointer, BUILTIN_NAMES, name));
    // a module's own name is known only once imported: only labels and built-in names are compared here
    const label = (typeof ref === 'string' ? undefined : ref.label) ?? definition?.name;
    if (label !== undefined && labels.has(label)) issues.push(msg.duplicateId(file, pointer, 'strategy label', label));
    if (label !== undefined) labels.add(label);
  }
  return issues;
}

/** The definition's defaults overridden by `given`, each checked against its declaration (strategy-params.ts). */
function checkParams(definition: StrategyDefinition, given: Record<string, unknown>, file: string, at: string, issues: Issue[]): Record<string, StrategyParamValueAny> {
  const params: Record<string, StrategyParamValueAny> = {};
  for (const [key, doc] of Object.entries(definition.params)) params[key] = doc.default;
  for (const [key, value] of Object.entries(given)) {
    const doc = definition.params[key];
    const p = `${at}/${key}`;
    if (!doc) {
      issues.push(msg.unknownKey(file, at, key, Object.keys(definition.params)));
      continue;
    }
    const problems = valueProblems(doc, value);
    for (const problem of problems) issues.push(problem.range ? msg.outOfRange(file, p + problem.at, problem.range.min, problem.range.max, problem.found) : msg.badParamValue(file, p + problem.at, problem.expected, problem.found));
    if (!problems.length) params[key] = value as StrategyParamValueAny;
  }
  return params;
}
