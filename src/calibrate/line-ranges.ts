/**
 * Cutting a JSON Lines file into byte ranges that parse workers read on their own: a line belongs
 * to the range that holds its first byte, so every line is read once, whole, by one range, and the
 * ranges' lines in range order are the file's lines in file order. Newlines are single bytes in
 * UTF-8, so no character is cut.
 */
import { readSync } from 'node:fs';

const NEWLINE = 0x0a;
/** Bytes read at a time past a range's end, looking for the end of its last line. */
const STEP = 64 * 1024;

/** Byte ranges [start, end) of `bytes` bytes, `size` each (the last shorter). */
export function byteRanges(bytes: number, size: number): { start: number; end: number }[] {
  const ranges: { start: number; end: number }[] = [];
  for (let start = 0; start < bytes; start += size) ranges.push({ start, end: Math.min(bytes, start + size) });
  return ranges;
}

/** The first newline at or after `from` in the open file `fd` of `bytes` bytes; `bytes` when there is none. */
function newlineFrom(fd: number, from: number, bytes: number): number {
  const buf = Buffer.allocUnsafe(STEP);
  for (let at = from; at < bytes; at += STEP) {
    const n = readSync(fd, buf, 0, Math.min(STEP, bytes - at), at);
    const i = buf.subarray(0, n).indexOf(NEWLINE);
    if (i >= 0) return at + i;
  }
  return bytes;
}

/**
 * The text of the lines whose first byte lies in [start, end) of the open file `fd` (`bytes`
 * bytes long), each with its newline (the file's last line may have none); '' when no line starts
 * there.
 * @example rangeText(fd, 0, 4 << 20, size).split('\n')
 */
export function rangeText(fd: number, start: number, end: number, bytes: number): string {
  // a line starts at 0 and after each newline
  const first = start === 0 ? 0 : newlineFrom(fd, start - 1, bytes) + 1;
  if (first >= end) return '';
  // the line holding byte end − 1 ends at the first newline from there
  const stop = Math.min(bytes, newlineFrom(fd, end - 1, bytes) + 1);
  const buf = Buffer.allocUnsafe(stop - first);
  let read = 0;
  while (read < buf.length) {
    const n = readSync(fd, buf, read, buf.length - read, first + read);
    if (n === 0) throw new Error('the file became shorter while it was read');
    read += n;
  }
  return buf.toString('utf8');
}
