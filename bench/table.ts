/**
 * The benchmark table on stdout: one line per target, figure beside target, notes below.
 */
import type { Row } from './measure.js';

const HEADERS = ['benchmark', 'figure', 'target', 'ratio', 'status'] as const;

/** Printed under the table: how to read the ratio column. */
export const RATIO_LEGEND = 'ratio: the figure against its target, ≥ 1.00 meets it (figure ÷ target for "≥" targets, target ÷ figure for "≤" targets)';

/**
 * Formats `rows` as an aligned text table (name left, the rest right-aligned), the ratio legend,
 * then each row's notes.
 * Why: lines measure different things (speed ratios, seconds, bytes, a speed-up); one table with
 * a common ratio and PASS/BELOW shows at a glance which targets are met.
 * @example console.log(formatTable([benchHold()]));
 */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [r.name, r.figure, r.target, r.ratio.toFixed(2), r.pass ? 'PASS' : 'BELOW']);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]): string => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  const out = [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line), '', RATIO_LEGEND];
  const notes = rows.flatMap((r) => r.notes.map((n) => `  * ${n}`));
  return [...out, ...(notes.length ? ['', ...notes] : [])].join('\n');
}
