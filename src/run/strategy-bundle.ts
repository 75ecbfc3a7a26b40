/**
 * A user strategy module as one script (issue 18 item 2): a Compartment of the strategy realm
 * (strategy-realm.ts) evaluates scripts, so the module and its relative imports are bundled
 * first, TypeScript compiled, by esbuild — what tsx compiles TypeScript with. The bundler is where
 * imports are checked: only relative paths to module files inside the roots the module itself
 * may come from (strategy-path.ts); a package, a Node built-in or a file elsewhere is refused.
 * Bundling reads files and runs no code of the module.
 */
import { realpathSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'esbuild';
import { insideRoots, type StrategyRoots } from './strategy-path.js';

/**
 * The one package specifier strategy code may import: wabasim's strategy kit
 * (src/strategies/kit.ts), bundled from wabasim's own compiled code. The kit is pure (no Node
 * built-ins, packages, clock or Math.random), which the bundler enforces: code of wabasim's own
 * may import only relative files of wabasim's own.
 */
export const KIT_SPECIFIER = 'wabasim/strategy-kit';

/** The compiled kit and the directory of wabasim's own compiled code (dist/src). */
const KIT_FILE = fileURLToPath(new URL('../strategies/kit.js', import.meta.url));
const OWN_CODE = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** File types a strategy module and its imports may be (what esbuild compiles as JavaScript or TypeScript). */
export const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'] as const;

/** What the bundler refuses, and why. Tests reuse these builders. */
export const bundleMsg = {
  importRefused: (specifier: string): string =>
    `import "${specifier}" is refused: strategy code runs in a hardened realm and imports only relative paths (./ or ../) to module files and ${KIT_SPECIFIER}, not packages or Node built-ins (README "Strategies")`,
  importOutside: (path: string, tree: string): string => `import of ${path} is refused: a strategy module's imports stay inside the directories it may be loaded from (${tree} and each --allow-strategy-path)`,
  importType: (path: string): string => `import of ${path} is refused: not a module file (${MODULE_EXTENSIONS.join(' ')})`,
  kitImpure: (specifier: string, importer: string): string => `wabasim's strategy kit is not pure: ${importer} imports "${specifier}" (an internal error: the kit may import only wabasim's own files)`,
};

/**
 * Bundles the module at `real` (a path with symlinks resolved) and its relative imports into one
 * CommonJS-shaped script, TypeScript compiled; every import must stay inside `roots` (--strategy:
 * anywhere). Never runs the module.
 * @throws {SyntaxError} a module that does not parse (file, line and column in the message)
 * @throws {Error} an import that is refused (bundleMsg)
 * @example const program = await bundleStrategy('/…/scenarios/strategies/polite-sender.mjs', roots)
 */
export async function bundleStrategy(real: string, roots: StrategyRoots): Promise<string> {
  const { build } = await import('esbuild');
  try {
    const result = await build({
      entryPoints: [real],
      bundle: true,
      write: false,
      format: 'cjs',
      platform: 'neutral',
      target: 'es2022',
      legalComments: 'none',
      logLevel: 'silent',
      // an inline map (paths relative to the working directory) for throws at the user's file and line (strategy-stack.ts)
      sourcemap: 'inline',
      sourcesContent: false,
      absWorkingDir: process.cwd(),
      plugins: [confine(roots)],
    });
    return result.outputFiles[0].text;
  } catch (err) {
    throw buildError(err);
  }
}

/** An esbuild plugin that refuses imports of packages, built-ins, non-module files and files outside `roots`. */
function confine(roots: StrategyRoots): Plugin {
  const SKIP = Symbol('confined');
  return {
    name: 'wabasim-confine',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.kind === 'entry-point' || args.pluginData === SKIP) return undefined;
        const own = args.importer !== '' && ownCode(args.importer);
        if (args.path === KIT_SPECIFIER && !own) return { path: KIT_FILE };
        if (!/^\.\.?(\/|$)/.test(args.path)) return { errors: [{ text: own ? bundleMsg.kitImpure(args.path, args.importer) : bundleMsg.importRefused(args.path) }] };
        const r = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: SKIP });
        if (r.errors.length) return { errors: r.errors };
        const real = realpathSync(r.path);
        if (!(MODULE_EXTENSIONS as readonly string[]).includes(extname(real))) return { errors: [{ text: bundleMsg.importType(real) }] };
        if (own) return ownCode(real) ? { path: real } : { errors: [{ text: bundleMsg.kitImpure(args.path, args.importer) }] };
        if (!insideRoots(real, roots)) return { errors: [{ text: bundleMsg.importOutside(real, roots.anywhere ? '' : roots.tree) }] };
        return { path: real };
      });
    },
  };
}

/** Whether `path` is a file of wabasim's own compiled code. */
function ownCode(path: string): boolean {
  const r = relative(OWN_CODE, path);
  return r !== '' && !r.startsWith('..') && !isAbsolute(r);
}

/** esbuild's failure as one readable error: its first message, with file, line and column. */
function buildError(err: unknown): Error {
  const first = (err as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }).errors?.[0];
  if (!first) return err instanceof Error ? err : new Error(String(err));
  const at = first.location ? ` (${relative(process.cwd(), first.location.file) || first.location.file}:${first.location.line}:${first.location.column + 1})` : '';
  return first.text.includes('is refused') ? new Error(`${first.text}${at}`) : new SyntaxError(`${first.text}${at}`);
}
