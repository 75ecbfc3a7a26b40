/**
 * One linear, non-recursive pass over JSON text that finds what JSON.parse does not say: where a
 * syntax error is (offset → line and column, and the JSON pointer of the enclosing value), nesting
 * deeper than a limit (stopped before any deep structure is built), and keys repeated in one object
 * (JSON.parse keeps the last silently).
 *
 * Why a scanner of our own and not a package: JSON.parse stays the authority on what parses (strict
 * and native); this pass only has to locate. Node 20's JSON.parse messages carry no position for an
 * "Unexpected token" and no line ever; `jsonc-parser` would locate, but it is lenient by design
 * (comments, trailing commas), recursive, and one more dependency for ~150 lines that a property
 * test holds equal to JSON.parse (test/scenario/json-scan.test.ts).
 */
import { escapePointer } from '../errors/index.js';

/** A key written twice in one object. Offsets are UTF-16 indices into the scanned text. */
export interface DuplicateKey {
  /** JSON pointer of the repeated key (its object's pointer + the key). */
  readonly pointer: string;
  readonly key: string;
  readonly offset: number;
  readonly firstOffset: number;
}

export type JsonScan =
  | { readonly kind: 'ok'; readonly duplicates: readonly DuplicateKey[] }
  | { readonly kind: 'syntax'; readonly offset: number; readonly pointer: string; readonly found: string }
  | { readonly kind: 'tooDeep'; readonly offset: number; readonly pointer: string };

interface Frame {
  readonly object: boolean;
  readonly pointer: string;
  readonly keys: Map<string, number> | undefined;
  /** The current member's key (objects) or index (arrays). */
  at: string;
  index: number;
}

type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after';

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z0-9_.+-]{1,20}/y;

/**
 * Scans `text` as one JSON value. Reports at most `maxDuplicates` repeated keys.
 * Cost: one pass, memory for the keys of the objects currently open.
 * @example scanJson('{"a":1,"a":2}', 64) // { kind: 'ok', duplicates: [{ pointer: '/a', key: 'a', offset: 7, firstOffset: 1 }] }
 */
export function scanJson(text: string, maxDepth: number, maxDuplicates = 10): JsonScan {
  const stack: Frame[] = [];
  const duplicates: DuplicateKey[] = [];
  let state: State = 'value';
  /** Pointer of the value being read (a member's, once its key is known), else of its container. */
  const here = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return '';
    return state === 'value' || state === 'colon' ? `${top.pointer}/${escapePointer(top.at)}` : top.pointer;
  };
  const error = (offset: number, where: string): JsonScan => ({ kind: 'syntax', offset, pointer: here(), found: `${foundAt(text, offset)} ${where}` });
  const badString = (bad: { at: number; what: string }): JsonScan => ({ kind: 'syntax', offset: bad.at, pointer: here(), found: bad.what });
  let i = 0;
  for (;;) {
    i = skipWhitespace(text, i);
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    switch (state) {
      case 'valueOrClose':
      case 'value': {
        if (state === 'valueOrClose' && c === 93 /* ] */) {
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (c === 123 /* { */ || c === 91 /* [ */) {
          if (stack.length >= maxDepth) return { kind: 'tooDeep', offset: i, pointer: here() };
          const pointer = top ? `${top.pointer}/${escapePointer(top.at)}` : '';
          stack.push({ object: c === 123, pointer, keys: c === 123 ? new Map() : undefined, at: c === 123 ? '' : '0', index: 0 });
          state = c === 123 ? 'keyOrClose' : 'valueOrClose';
          i++;
        } else if (c === 34 /* " */) {
          const end = scanString(text, i);
          if (typeof end !== 'number') return badString(end);
          i = end;
          state = 'after';
        } else {
          NUMBER.lastIndex = i;
          const number = (c === 45 || (c >= 48 && c <= 57)) && NUMBER.exec(text);
          if (number) i += number[0].length;
          else if (text.startsWith('true', i) || text.startsWith('null', i)) i += 4;
          else if (text.startsWith('false', i)) i += 5;
          else return error(i, 'where a value belongs');
          state = 'after';
        }
        break;
      }
      case 'keyOrClose':
      case 'key': {
        if (state === 'keyOrClose' && c === 125 /* } */) {
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (c !== 34) return error(i, 'where a key in double quotes belongs');
        const end = scanString(text, i);
        if (typeof end !== 'number') return badString(end);
        const raw = text.slice(i + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(text.slice(i, end)) as string) : raw;
        const frame = top as Frame;
        const first = (frame.keys as Map<string, number>).get(key);
        if (first === undefined) (frame.keys as Map<string, number>).set(key, i);
        else if (duplicates.length < maxDuplicates) duplicates.push({ pointer: `${frame.pointer}/${escapePointer(key)}`, key, offset: i, firstOffset: first });
        frame.at = key;
        i = end;
        state = 'colon';
        break;
      }
      case 'colon':
        if (c !== 58 /* : */) return error(i, 'where ":" belongs');
        i++;
        state = 'value';
        break;
      case 'after': {
        if (!top) return i >= text.length ? { kind: 'ok', duplicates } : error(i, 'after the end of the JSON value');
        if (c === 44 /* , */) {
          i++;
          if (top.object) state = 'key';
          else {
            top.at = String(++top.index);
            state = 'value';
          }
        } else if (c === (top.object ? 125 : 93)) {
          stack.pop();
          i++;
        } else return error(i, `where "," or "${top.object ? '}' : ']'}" belongs`);
        break;
      }
    }
  }
}

/** Line and column (both from 1; columns count UTF-16 units) of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** The index after the string starting at `start` (a quote), or where and what is wrong with it. */
function scanString(text: string, start: number): number | { at: number; what: string } {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) return i + 1;
    if (c < 32) return { at: i, what: `a control character ${JSON.stringify(text[i])} in a string (write it escaped)` };
    if (c === 92) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6))) return { at: i, what: `a bad escape ${JSON.stringify(text.slice(i, i + 6))} in a string` };
        i += 5;
      } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
      else return { at: i, what: `a bad escape ${JSON.stringify(text.slice(i, i + 2))} in a string` };
    }
  }
  return { at: start, what: 'a string that is never closed' };
}

function skipWhitespace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 13 || c === 9) i++;
    else return i;
  }
}

/** What stands at `offset`: the end of the file, a bare word, or one character. */
function foundAt(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  WORD.lastIndex = offset;
  const word = WORD.exec(text);
  return JSON.stringify(word ? word[0] : String.fromCodePoint(text.codePointAt(offset) as number));
}
