/**
 * Where a strategy module may come from (README "Threat model"). A scenario file is data: a
 * module path it names is loaded only from inside the scenario's own directory tree (the
 * scenario file's directory and below, symlinks resolved with fs.realpathSync) or from a
 * directory the user allowed with `--allow-strategy-path DIR`. A path given with `--strategy` is
 * the user's own choice and may lie anywhere. Locating never imports: `validate` stops here.
 */
import { realpathSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { msg, type Issue } from '../errors/index.js';

/** The flag that lets a scenario name modules outside its own directory tree. */
export const ALLOW_FLAG = '--allow-strategy-path';

/**
 * A module file found where it may be loaded from — `path` as named (for messages), `real` with
 * symlinks resolved (to import), `roots` where its own imports may come from (strategy-realm.ts)
 * — or the issue that stopped it.
 */
export type LocatedModule = { readonly ok: true; readonly path: string; readonly real: string; readonly roots: StrategyRoots } | { readonly ok: false; readonly issue: Issue };

/** The directories a scenario's modules may come from, or `anywhere` for the command line's --strategy. */
export type StrategyRoots = { readonly anywhere: true } | { readonly anywhere: false; readonly tree: string; readonly allowed: readonly string[] };

/**
 * The roots for the scenario in `file`: its directory tree plus each `allow` directory (relative
 * to the working directory), all with symlinks resolved. A directory in `allow` that does not
 * exist is an issue pushed onto `issues`.
 * @example strategyRoots('scenarios/user-strategy.json', [], []) // { anywhere: false, tree: '/…/scenarios', allowed: [] }
 */
export function strategyRoots(file: string, allow: readonly string[], issues: Issue[]): StrategyRoots {
  const allowed: string[] = [];
  for (const dir of allow) {
    const real = realDirectory(resolve(dir));
    if (real === undefined) issues.push(msg.badFlag(ALLOW_FLAG, 'an existing directory', dir));
    else allowed.push(real);
  }
  const tree = dirname(resolve(file));
  return { anywhere: false, tree: realDirectory(tree) ?? tree, allowed };
}

/**
 * Finds the module `name` (a path, relative to `base`) named at `pointer` of `file`, without
 * importing it: a missing file, or one outside `roots`, is the issue returned.
 * @example locateStrategyModule('./strategies/polite-sender.mjs', 'scenarios/a.json', '/strategies/1', 'scenarios', roots)
 */
export function locateStrategyModule(name: string, file: string, pointer: string, base: string, roots: StrategyRoots): LocatedModule {
  const path = resolve(base, name);
  if (!isFile(path)) return { ok: false, issue: msg.strategyModuleMissing(file, pointer, path, base) };
  const real = realpathSync(path);
  if (roots.anywhere || insideRoots(real, roots)) return { ok: true, path, real, roots };
  return { ok: false, issue: msg.strategyModuleOutside(file, pointer, real === path ? path : `${path} (a link to ${real})`, roots.tree, ALLOW_FLAG) };
}

/**
 * Whether `real` (a path with symlinks resolved) lies in one of `roots`.
 * @example insideRoots('/a/scenarios/s/x.mjs', { anywhere: false, tree: '/a/scenarios', allowed: [] }) // true
 */
export function insideRoots(real: string, roots: StrategyRoots): boolean {
  return roots.anywhere || [roots.tree, ...roots.allowed].some((root) => within(real, root));
}

function within(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

function realDirectory(dir: string): string | undefined {
  try {
    const real = realpathSync(dir);
    return statSync(real).isDirectory() ? real : undefined;
  } catch {
    return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
