/**
 * Reading a scenario file: bounded in bytes whatever the file is, parsed as JSON, with every
 * failure a user error (file, pointer, expected, found) — never a crash, never a stack trace.
 *
 *   stat ──▶ refuse directories and devices ──▶ read at most max + 1 bytes ──▶ strip a UTF-8 BOM
 *        ──▶ scan (depth, syntax error → line and column, duplicate keys) ──▶ JSON.parse
 */
import { closeSync, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { msg, UserInputError } from '../errors/index.js';
import { lineColumn, scanJson } from './json-scan.js';
import { LIMITS } from './limits.js';

/** Deepest JSON nesting accepted; a real scenario needs fewer than ten levels. */
export const MAX_DEPTH = 64;

/** Bytes asked of the file system per read. */
const CHUNK_BYTES = 1024 * 1024;

/**
 * Reads and parses the JSON document at `file`, of at most `maxBytes` (a scenario's limit unless
 * told: results files may be larger). Regular files and pipes (`/dev/stdin`, `<(…)`) are read;
 * devices, sockets and directories are refused. Never holds more than `maxBytes` + 1 bytes, even
 * when a pipe or a growing file has more.
 * @throws {UserInputError} when the file is missing, not a regular file or pipe, too large, not JSON, too deep or repeats a key
 * @example readJsonFile('scenarios/default.json')
 */
export function readJsonFile(file: string, maxBytes: number = LIMITS.maxFileBytes): unknown {
  return parseJsonText(file, readBounded(file, maxBytes).toString('utf8'));
}

/**
 * Parses `text` as JSON. A leading byte-order mark is skipped. One linear scan first refuses
 * documents nested deeper than MAX_DEPTH (so a 200,000-deep document costs no stack), places a
 * syntax error at its line and column, and finds keys written twice in one object.
 * @throws {UserInputError}
 */
export function parseJsonText(file: string, raw: string): unknown {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.trim() === '') throw new UserInputError([msg.notJson(file, 'an empty file')]);
  const scan = scanJson(text, MAX_DEPTH);
  if (scan.kind === 'tooDeep') throw new UserInputError([msg.tooDeep(file, MAX_DEPTH)]);
  if (scan.kind === 'syntax') {
    const { line, column } = lineColumn(text, scan.offset);
    throw new UserInputError([msg.jsonSyntax(file, scan.pointer, line, column, scan.found)]);
  }
  if (scan.duplicates.length) {
    throw new UserInputError(scan.duplicates.map((d) => msg.duplicateKey(file, d.pointer, d.key, lineColumn(text, d.offset).line, lineColumn(text, d.firstOffset).line)));
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserInputError([msg.notJson(file, err instanceof Error ? err.message : String(err))]);
  }
}

/** The bytes of `file`, at most `maxBytes` of them. @throws {UserInputError} */
function readBounded(file: string, maxBytes: number): Buffer {
  refuseUnreadable(file, fsCall(file, () => statSync(file)));
  const fd = fsCall(file, () => openSync(file, 'r'));
  try {
    const st = fsCall(file, () => fstatSync(fd));
    refuseUnreadable(file, st); // the path may have changed between stat and open
    if (st.isFile() && st.size > maxBytes) throw new UserInputError([msg.tooLarge(file, st.size, maxBytes)]);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const n = fsCall(file, () => readSync(fd, chunk, 0, chunk.length, null));
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new UserInputError([msg.tooLargeUnsized(file, maxBytes)]);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Refuses what is neither a regular file nor a pipe (a directory, a device like /dev/zero, a socket). */
function refuseUnreadable(file: string, st: Stats): void {
  if (st.isFile() || st.isFIFO()) return;
  if (st.isDirectory()) throw new UserInputError([msg.notReadable(file, 'a directory')]);
  const kind = st.isCharacterDevice() ? 'a character device' : st.isBlockDevice() ? 'a block device' : st.isSocket() ? 'a socket' : 'a special file';
  throw new UserInputError([msg.notRegularFile(file, kind)]);
}

/** Runs a file-system call, turning its failure into a user error. */
function fsCall<T>(file: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    throw new UserInputError([msg.notReadable(file, describeFsError(err))]);
  }
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'a directory';
  return code ?? (err instanceof Error ? err.message : String(err));
}
