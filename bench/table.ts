/**
 * The benchmark table on stdout: one line per workload, numbers right-aligned, notes below.
 */
import type { Row } from './measure.js';

const HEADERS = ['benchmark', 'events', 'seconds', 'events/s', 'reference events/s', 'ratio', 'target', 'status'] as const;

/**
 * Formats `rows` as an aligned text table followed by each row's notes.
 * @example console.log(formatTable([benchHold()]));
 */
export function formatTable(rows: readonly Row[]): string {
  const cells = rows.map((r) => [
    r.name,
    r.events.toLocaleString('en-US'),
    r.seconds.toFixed(3),
    rate(r.eventsPerSecond),
    rate(r.referenceEventsPerSecond),
    r.ratio.toFixed(2),
    `≥ ${r.target}`,
    r.ratio >= r.target ? 'PASS' : 'BELOW',
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: readonly string[]): string => c.map((v, i) => (i === 0 ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join('  ');
  const out = [line(HEADERS), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
  const notes = rows.flatMap((r) => r.notes.map((n) => `  * ${n}`));
  return [...out, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

/** Events per second in millions, e.g. "12.34 M". */
function rate(perSecond: number): string {
  return `${(perSecond / 1e6).toFixed(2)} M`;
}
