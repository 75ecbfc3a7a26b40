/** Plain-text tables for the terminal; every command that prints one also has --json. */
import { formatNumberPlain } from './number.js';

/**
 * Renders `rows` under `headers` as plain text: columns padded to their widest cell and two
 * spaces apart, numbers through `formatNumberPlain`, a column of numbers only right-aligned,
 * trailing spaces trimmed.
 * Why: `wabasim run`, `list` and `baseline check` print their results as tables. Cost O(cells).
 * @example formatTable(['name', 'sends'], [['a', 1200], ['b', 7]]) // 'name  sends\na     1,200\nb         7'
 */
export function formatTable(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [headers, ...rows].map((r) => r.map((c) => (typeof c === 'number' ? formatNumberPlain(c) : c)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number'));
  return cells
    .map((r, ri) => r.map((c, i) => (numeric[i] && ri > 0 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd())
    .join('\n');
}
