/**
 * Temporary files beside the output: one recognisable name, and the clean-up of those a killed
 * run left behind. A name is `.wabasim-tmp-<pid>-<random>-<what>`, so the next run in the same
 * directory can tell whose it is and whether that process is gone.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every temporary file wabasim writes starts with this. */
export const TEMP_PREFIX = '.wabasim-tmp-';

/** A temporary file older than this is stale even if its process id is alive again (pids are reused). */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/**
 * A fresh temporary path in `dir` for `what` (a file name such as results.json, or `probe`).
 * @example tempPath('/out', 'results.json') // '/out/.wabasim-tmp-4242-9f1c0a2b-results.json'
 */
export function tempPath(dir: string, what: string): string {
  return join(dir, `${TEMP_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}-${what}`);
}

/**
 * Removes the temporary files in `dir` whose process is gone or that are older than an hour: what
 * a run killed with SIGKILL (or a power cut) left behind. Never throws; returns the names removed.
 * Why: a killed run cannot clean up after itself, so the next run in the same directory does.
 * @example removeStaleTemps('reports/default') // ['.wabasim-tmp-1234-0a1b2c3d-results.json']
 */
export function removeStaleTemps(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.startsWith(TEMP_PREFIX));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(/^\d+/.exec(name.slice(TEMP_PREFIX.length))?.[0]);
    const path = join(dir, name);
    try {
      const st = statSync(path);
      if (!st.isFile()) continue;
      if (Number.isInteger(pid) && pid > 0 && processAlive(pid) && now - st.mtimeMs < STALE_AFTER_MS) continue;
      rmSync(path, { force: true });
      removed.push(name);
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}

/** Whether a process with this id exists (signal 0 checks without sending anything). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}
