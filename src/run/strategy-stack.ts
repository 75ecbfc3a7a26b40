/**
 * Where in the user's source a strategy threw (issue 22 item 3): the bundle (strategy-bundle.ts)
 * carries an inline source map; the realm (strategy-realm-inside.ts) evaluates it under the name
 * BUNDLE_URL, PROGRAM_LINE_OFFSET lines below the top of what it evaluates; so a stack frame
 * `BUNDLE_URL:LINE:COL` maps back through the map to a file, line and column of the user's
 * module (or of a module it imports). Frames in wabasim's own code (the strategy kit) are
 * skipped while a frame of the user's code exists.
 */
import { SourceMap } from 'node:module';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The name the realm gives a bundle it evaluates (its `//# sourceURL`). */
export const BUNDLE_URL = 'wabasim-strategy-bundle.js';

/** Lines the realm's wrapper puts above the bundle's first line. */
export const PROGRAM_LINE_OFFSET = 3;

/** wabasim's own compiled code (dist/src): frames there are the kit's, not the user's. */
const OWN_CODE = resolve(fileURLToPath(new URL('..', import.meta.url)));

const maps = new Map<string, SourceMap | null>();

/**
 * ` (at path:LINE:COL)` for the first frame of `err`'s stack in the user's code of `program`
 * (paths relative to the working directory), or '' when the stack or the map says nothing.
 * Reads the stack defensively (strategy code may throw anything).
 * @example throwSite(err, bundle) // ' (at scenarios/strategies/mine.mjs:12:9)'
 */
export function throwSite(err: unknown, program: string): string {
  let stack: string;
  try {
    const s = (err as { stack?: unknown } | null)?.stack;
    if (typeof s !== 'string') return '';
    stack = s;
  } catch {
    return '';
  }
  const map = sourceMapOf(program);
  if (!map) return '';
  const sites: { file: string; line: number; column: number }[] = [];
  const frame = new RegExp(`${BUNDLE_URL.replace(/\./g, '\\.')}:(\\d+):(\\d+)`, 'g');
  for (const m of stack.matchAll(frame)) {
    const line = Number(m[1]) - PROGRAM_LINE_OFFSET;
    if (line < 1) continue;
    const entry = map.findEntry(line - 1, Number(m[2]) - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number };
    if (!entry.originalSource || entry.originalLine === undefined || entry.originalColumn === undefined) continue;
    const file = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : resolve(entry.originalSource);
    sites.push({ file, line: entry.originalLine + 1, column: entry.originalColumn + 1 });
  }
  const site = sites.find((s) => !within(s.file, OWN_CODE)) ?? sites[0];
  if (!site) return '';
  const shown = relative(process.cwd(), site.file);
  return ` (at ${shown && !shown.startsWith('..') && !isAbsolute(shown) ? shown : site.file}:${site.line}:${site.column})`;
}

/** The inline source map at the end of `program`, parsed once per bundle. */
function sourceMapOf(program: string): SourceMap | null {
  const cached = maps.get(program);
  if (cached !== undefined) return cached;
  const m = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(program);
  let map: SourceMap | null = null;
  if (m) {
    try {
      map = new SourceMap(JSON.parse(Buffer.from(m[1], 'base64').toString('utf8')));
    } catch {
      map = null;
    }
  }
  maps.set(program, map);
  return map;
}

function within(path: string, root: string): boolean {
  const r = relative(root, path);
  return r === '' || (!r.startsWith('..') && !isAbsolute(r));
}
