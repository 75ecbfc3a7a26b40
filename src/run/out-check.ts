/**
 * The output place is checked before a sweep starts, so a bad `--out` fails in a second rather
 * than after an hour of runs: it must be a directory that exists or can be created, outside the
 * kernel's special file systems, and writable (a probe file is written and removed). Nothing here
 * opens an existing path for writing, so a FIFO or a /proc file cannot make it hang.
 */
import { lstatSync, mkdirSync, realpathSync, rmdirSync, rmSync, statSync, writeFileSync, type Stats } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { UserInputError, writeMsg } from '../errors/index.js';
import { osReason } from './write.js';
import { tempPath } from './temp-files.js';

/** Where the output goes, and the first directory this check created (to remove if nothing is written). */
export interface OutDir {
  readonly path: string;
  readonly created: string | undefined;
}

/** Kernel file systems: not a place for output, and some of their files block when written. */
const SPECIAL_ROOTS = ['/proc', '/sys'] as const;

/**
 * Checks (and creates) the output directory of `run` before the sweep: every problem is exit 2
 * at once. `targets` are the file names about to be written there; each must be absent or a
 * regular file.
 * @throws {UserInputError} a file or special file in the directory's place, a path under /proc
 *   or /sys, a directory that cannot be created or written (EACCES, EROFS, ENOSPC…)
 * @example const out = checkOutDir('--out', 'reports/default', ['results.json', 'report.html'])
 */
export function checkOutDir(flag: string, dir: string, targets: readonly string[]): OutDir {
  const path = resolve(dir);
  const refuse = (found: string): never => {
    throw new UserInputError([writeMsg.badOutDir(flag, path, found)]);
  };
  const out = prepareDir(path, refuse);
  for (const name of targets) {
    const st = statOrUndefined(join(path, name));
    if (st && !st.isFile()) refuse(`${name} in it is ${st.isDirectory() ? 'a directory' : 'a special file'}, not a regular file`);
  }
  return out;
}

/**
 * Checks the output file of `report` before rendering: absent or a regular file, in a directory
 * that exists or can be created and is writable.
 * @throws {UserInputError} as checkOutDir, or a directory or special file in the file's place
 * @example const out = checkOutFile('--out', 'reports/default/report.html')
 */
export function checkOutFile(flag: string, file: string): OutDir {
  const path = resolve(file);
  const refuse = (found: string): never => {
    throw new UserInputError([writeMsg.badOutFile(flag, path, found)]);
  };
  underSpecialRoot(path, refuse);
  const st = statOrUndefined(path);
  if (st && !st.isFile()) refuse(st.isDirectory() ? 'a directory (name a file to write)' : 'a special file, not a regular file');
  return prepareDir(dirname(path), refuse);
}

/**
 * Removes the directories checkOutDir created, deepest first, if they are still empty.
 * Why: a run that fails or is interrupted before writing should leave nothing behind, not even a folder.
 * @example removeCreatedDirs(out)
 */
export function removeCreatedDirs(out: OutDir): void {
  if (!out.created) return;
  const depth = relative(out.created, out.path).split(/[\\/]/).filter(Boolean).length;
  let dir = out.path;
  for (let i = 0; i <= depth; i++, dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty (or gone): leave it and everything above
    }
  }
}

/** Makes sure `path` is a writable directory, creating it if needed; `refuse` throws the issue. */
function prepareDir(path: string, refuse: (found: string) => never): OutDir {
  let existing = path;
  let st = statOrUndefined(existing, refuse);
  while (!st && dirname(existing) !== existing) {
    existing = dirname(existing);
    st = statOrUndefined(existing, refuse);
  }
  underSpecialRoot(realpathOr(existing), refuse);
  underSpecialRoot(path, refuse);
  if (st && !st.isDirectory()) refuse(existing === path ? `${kind(st)} is in its place` : `${existing} is ${kind(st)}, not a directory`);
  let created: string | undefined;
  if (existing !== path) {
    // one level at a time (not { recursive: true }, which reports EROFS as ENOENT)
    const missing = relative(existing, path).split(/[\\/]/).filter(Boolean);
    let dir = existing;
    for (const name of missing) {
      dir = join(dir, name);
      try {
        mkdirSync(dir);
        created ??= dir;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST' && statOrUndefined(dir)?.isDirectory()) continue; // made meanwhile
        removeCreatedDirs({ path: dirname(dir), created });
        refuse(`cannot be created: ${osReason(err)}`);
      }
    }
  }
  const out = { path, created };
  const probe = tempPath(path, 'probe');
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe, { force: true });
  } catch (err) {
    rmSync(probe, { force: true });
    removeCreatedDirs(out);
    refuse(`not writable: ${osReason(err)}`);
  }
  return out;
}

/** Refuses a path under /proc or /sys. */
function underSpecialRoot(path: string, refuse: (found: string) => never): void {
  const root = SPECIAL_ROOTS.find((r) => path === r || path.startsWith(`${r}/`));
  if (root) refuse(`under ${root}, a kernel file system, not a place for output`);
}

function kind(st: Stats): string {
  return st.isFile() ? 'a file' : st.isSymbolicLink() ? 'a broken symbolic link' : 'a special file';
}

/** `statSync`, or undefined when nothing is there; any other error is refused with what the OS said. */
function statOrUndefined(path: string, refuse?: (found: string) => never): Stats | undefined {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || !refuse) return lstatOrUndefined(path);
    return refuse(osReason(err));
  }
}

/** A dangling symbolic link counts as something in the way, not as nothing. */
function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
