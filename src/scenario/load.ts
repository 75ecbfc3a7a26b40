/**
 * Reading a scenario file: size-checked, parsed as JSON, with every failure a user error
 * (file, pointer, expected, found) — never a crash, never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { msg, UserInputError } from '../errors/index.js';
import { LIMITS } from './limits.js';

/** Deepest JSON nesting accepted; a real scenario needs fewer than ten levels. */
export const MAX_DEPTH = 64;

/**
 * Reads and parses the JSON document at `file`, of at most `maxBytes` (a scenario's limit unless
 * told: results files may be larger).
 * @throws {UserInputError} when the file is missing, a directory, too large, not JSON or too deep
 * @example readJsonFile('scenarios/default.json')
 */
export function readJsonFile(file: string, maxBytes: number = LIMITS.maxFileBytes): unknown {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new UserInputError([msg.notReadable(file, 'a directory')]);
    size = st.size;
  } catch (err) {
    if (err instanceof UserInputError) throw err;
    throw new UserInputError([msg.notReadable(file, describeFsError(err))]);
  }
  if (size > maxBytes) throw new UserInputError([msg.tooLarge(file, size, maxBytes)]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UserInputError([msg.notReadable(file, describeFsError(err))]);
  }
  return parseJsonText(file, text);
}

/**
 * Parses `text` as JSON, rejecting documents nested deeper than MAX_DEPTH before parsing (so a
 * hostile 200,000-deep document costs one linear scan, not a stack overflow).
 * @throws {UserInputError}
 */
export function parseJsonText(file: string, text: string): unknown {
  if (text.trim() === '') throw new UserInputError([msg.notJson(file, 'an empty file')]);
  if (nestingDepth(text) > MAX_DEPTH) throw new UserInputError([msg.tooDeep(file, MAX_DEPTH)]);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UserInputError([msg.notJson(file, err instanceof Error ? err.message : String(err))]);
  }
}

/** Maximum bracket depth outside strings: a linear scan. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'a directory';
  return code ?? (err instanceof Error ? err.message : String(err));
}
