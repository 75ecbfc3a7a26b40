/**
 * Transactional output: the files of one command (results.json and report.html) are replaced
 * together or not at all.
 *
 *   1. check     every target is absent or a regular file (never a directory, FIFO or device)
 *   2. clean     remove temporary files a killed run left in the target directories
 *   3. write     each content to a temporary file beside its target, fsync'd
 *   4. back up   each existing target as a hard link (a copy where links are refused)
 *   5. swap      rename each temporary file over its target (rename is atomic)
 *   6. roll back if a step of 3–5 fails: put each replaced target back from its backup, remove
 *                any target that did not exist before; the old files are left as they were
 *   7. tidy      remove temporary files and backups on every path
 *
 * The whole transaction is synchronous: a SIGINT or SIGTERM handler (which runs on the event
 * loop) cannot run in the middle of it, so a signal sees either the old files or the new ones.
 * A failure is a UserInputError (exit 2) naming the file and what the OS said.
 */
import { closeSync, copyFileSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { UserInputError, writeMsg } from '../errors/index.js';
import { removeStaleTemps, tempPath } from './temp-files.js';

/** One file to write: its path and its whole content. */
export interface OutputFile {
  readonly path: string;
  readonly content: string;
}

/** The file operations the transaction uses; tests inject failing ones. */
export interface SwapFs {
  /** Writes `content` to a new file at `path` and flushes it to disk. */
  writeDurably(path: string, content: string): void;
  /** Makes `to` a second name (or a copy) of `from`. */
  backup(from: string, to: string): void;
  /** Renames `from` to `to`, replacing `to` atomically. */
  rename(from: string, to: string): void;
  /** Removes `path` if it exists. */
  remove(path: string): void;
}

/** The real file system. */
export const nodeSwapFs: SwapFs = {
  writeDurably(path, content) {
    const fd = openSync(path, 'wx', 0o644);
    try {
      const bytes = Buffer.from(content);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  backup(from, to) {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to); // file systems without hard links
    }
  },
  rename: renameSync,
  remove: (path) => rmSync(path, { force: true }),
};

/**
 * Writes `files` so that they all replace their targets, or none does (steps above).
 * Why: a results.json beside a report.html of another run would be worse than either alone.
 * @throws {UserInputError} a target that is not a regular file, or a write or rename the OS
 *   refused (ENOSPC, EACCES, EROFS, EISDIR…): the message names the file and says the previous
 *   files are unchanged
 * @example writeFilesTogether([{ path: 'out/results.json', content: json }, { path: 'out/report.html', content: html }])
 */
export function writeFilesTogether(files: readonly OutputFile[], fs: SwapFs = nodeSwapFs): void {
  const targets = files.map((f) => f.path);
  const fail = (file: string, err: unknown): never => {
    throw new UserInputError([writeMsg.notWritten(file, osReason(err), targets.map((t) => basename(t)))]);
  };
  for (const t of targets) {
    const found = notAFile(t);
    if (found) fail(t, found);
  }
  for (const dir of new Set(targets.map((t) => dirname(t)))) removeStaleTemps(dir);
  const steps = files.map((f) => ({ target: f.path, temp: tempPath(dirname(f.path), basename(f.path)), backup: undefined as string | undefined, swapped: false }));
  try {
    files.forEach((f, i) => {
      try {
        fs.writeDurably(steps[i].temp, f.content);
      } catch (err) {
        fail(f.path, err);
      }
    });
    for (const step of steps) {
      try {
        if (exists(step.target)) {
          const backup = tempPath(dirname(step.target), `old-${basename(step.target)}`);
          fs.backup(step.target, backup);
          step.backup = backup;
        }
        fs.rename(step.temp, step.target);
        step.swapped = true;
      } catch (err) {
        rollBack(steps, fs, step.target, err);
        fail(step.target, err);
      }
    }
  } finally {
    for (const step of steps) {
      tryRemove(fs, step.temp);
      if (step.backup) tryRemove(fs, step.backup);
    }
  }
}

/**
 * Writes one file atomically (the one-file case of writeFilesTogether), creating its directory.
 * @throws {UserInputError} when the directory cannot be created or the file cannot be written
 * @example writeFileAtomic('baselines/default.json', text)
 */
export function writeFileAtomic(file: string, content: string, fs: SwapFs = nodeSwapFs): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
  } catch (err) {
    throw new UserInputError([writeMsg.notWritten(file, osReason(err), [basename(file)])]);
  }
  writeFilesTogether([{ path: file, content }], fs);
}

/** What the OS said, without the paths Node appends: `ENOSPC: no space left on device`. */
export function osReason(err: unknown): string {
  if (typeof err === 'string') return err;
  const message = err instanceof Error ? err.message : String(err);
  return message.split(', ')[0];
}

/** Puts back every target swapped so far; a backup that cannot be put back is kept and reported. */
function rollBack(steps: { target: string; backup: string | undefined; swapped: boolean }[], fs: SwapFs, failed: string, cause: unknown): void {
  for (const step of [...steps].reverse()) {
    if (!step.swapped) continue;
    try {
      if (step.backup) fs.rename(step.backup, step.target);
      else fs.remove(step.target);
    } catch (err) {
      const kept = step.backup;
      step.backup = undefined; // keep it: it is the only copy of the previous file
      throw new UserInputError([writeMsg.notRestored(step.target, `${osReason(cause)} (${basename(failed)})`, osReason(err), kept)]);
    }
  }
}

/** Why `path` cannot be replaced by a file, or undefined when it is absent or a regular file. */
function notAFile(path: string): string | undefined {
  let st;
  try {
    st = lstatSync(path);
    if (st.isSymbolicLink()) st = statSync(path);
  } catch {
    return undefined; // absent (or a dangling link, which the rename replaces)
  }
  if (st.isFile()) return undefined;
  return st.isDirectory() ? 'EISDIR: a directory is in its place' : 'a special file (not a regular file) is in its place';
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

function tryRemove(fs: SwapFs, path: string): void {
  try {
    fs.remove(path);
  } catch {
    // the next run's removeStaleTemps takes it
  }
}
