/**
 * The shape of the per-number state timelines (quality rating, account status): one bar per
 * strategy × phone number, coloured by the state most runs were in at each time (ties: the worse
 * state, i.e. the higher code).
 */
import type { RunResult } from '../../run/results.js';
import { skipped, type ChartOutcome } from '../chart-types.js';
import { pointStep, type Group, type ReportData } from '../report-data.js';
import { bucket, round } from '../series.js';
import { panelWidth, timeAxis, variantPanels, type PanelSpec } from '../spec.js';

export interface TimelineOptions {
  /** Series name prefix; the rest of the name is the phone number id (`quality.` → `quality.sales-1`). */
  readonly prefix: string;
  /** State name → code as recorded in the series. */
  readonly codes: Readonly<Record<string, number>>;
  /** State name → colour. */
  readonly colors: Readonly<Record<string, string>>;
  readonly title: string;
  readonly legendTitle: string;
  readonly caption: string;
  /** When every run stays at code 0: skip the chart with this reason. */
  readonly skipIfAllZero?: string;
  /** A number's hourly codes in a run (default: the series `prefix + number` as recorded). */
  readonly seriesOf?: (run: RunResult, number: string) => readonly number[] | undefined;
  /** Show in the legend only the states some bar is in (default: every state). */
  readonly legendPresentOnly?: boolean;
  /** Legend columns, with room for long state names (default: the report's legend). */
  readonly legendColumns?: number;
  /** Lines under the title (default: how to read a bar). */
  readonly subtitle?: readonly string[];
}

/** How to read a timeline bar. */
export const READ_BARS = 'Each bar is one phone number under one strategy, coloured by the state most runs were in at that time';

const recorded = (prefix: string) => (run: RunResult, number: string): readonly number[] | undefined => run.series[prefix + number];

interface Segment {
  readonly variant: string;
  readonly strategy: string;
  readonly row: string;
  readonly start: number;
  readonly end: number;
  readonly state: string;
}

/** Modal code per bucket across runs (ties → the higher code). */
function modal(runs: readonly number[][]): number[] {
  const length = Math.max(0, ...runs.map((r) => r.length));
  const out: number[] = [];
  for (let b = 0; b < length; b++) {
    const counts = new Map<number, number>();
    for (const r of runs) if (b < r.length) counts.set(r[b], (counts.get(r[b]) ?? 0) + 1);
    let best = 0;
    let bestCount = -1;
    for (const [code, n] of counts) if (n > bestCount || (n === bestCount && code > best)) [best, bestCount] = [code, n];
    out.push(best);
  }
  return out;
}

function segmentsOf(group: Group, number: string, opts: TimelineOptions, step: number, names: ReadonlyMap<number, string>): Segment[] {
  const seriesOf = opts.seriesOf ?? recorded(opts.prefix);
  const runs = group.runs.map((r) => seriesOf(r, number)).filter((v) => v !== undefined).map((v) => bucket(v, step, 'max'));
  if (runs.length === 0) return [];
  const codes = modal(runs);
  const row = `${group.strategy} · ${number}`;
  const out: Segment[] = [];
  let start = 0;
  for (let b = 1; b <= codes.length; b++) {
    if (b < codes.length && codes[b] === codes[start]) continue;
    out.push({ variant: group.variant, strategy: group.strategy, row, start: round((start * step) / 24), end: round((b * step) / 24), state: names.get(codes[start]) ?? String(codes[start]) });
    start = b;
  }
  return out;
}

/**
 * A state timeline chart, or a skip when no run records the series.
 * Why: ratings and statuses are categories; a band per number shows when each changed.
 * @example timelineChart(data, { prefix: 'quality.', codes: { GREEN: 1 }, colors: { GREEN: '#2ca02c' }, … })
 */
export function timelineChart(data: ReportData, opts: TimelineOptions): ChartOutcome {
  const step = pointStep(data.hours);
  const names = new Map(Object.entries(opts.codes).map(([name, code]) => [code, name]));
  const numbersOf = (g: Group): string[] => [...new Set(g.runs.flatMap((r) => Object.keys(r.series).filter((k) => k.startsWith(opts.prefix)).map((k) => k.slice(opts.prefix.length))))];
  const rows = data.groups.flatMap((g) => numbersOf(g).flatMap((n) => segmentsOf(g, n, opts, step, names)));
  if (rows.length === 0) return skipped(`series "${opts.prefix}*" not in these results`);
  const seriesOf = opts.seriesOf ?? recorded(opts.prefix);
  const allZero = (run: RunResult): boolean => Object.keys(run.series).every((k) => !k.startsWith(opts.prefix) || (seriesOf(run, k.slice(opts.prefix.length)) ?? []).every((x) => x === 0));
  if (opts.skipIfAllZero && data.results.runs.every(allZero)) return skipped(opts.skipIfAllZero);
  const order = [...new Set(rows.map((r) => r.row))];
  const present = new Set(rows.map((r) => r.state));
  const states = Object.keys(opts.codes).filter((s) => !opts.legendPresentOnly || present.has(s));
  const panel: PanelSpec = {
    width: panelWidth(data),
    height: { step: 20 },
    mark: { type: 'bar', height: { band: 0.75 } },
    encoding: {
      x: timeAxis(data),
      x2: { field: 'end' },
      y: { field: 'row', type: 'nominal', sort: order, title: null, axis: { labelLimit: 260 } },
      color: {
        field: 'state',
        type: 'nominal',
        title: opts.legendTitle,
        scale: { domain: states, range: states.map((s) => opts.colors[s] ?? '#999999') },
        ...(opts.legendColumns ? { legend: { columns: opts.legendColumns, labelLimit: 400, titleLimit: 600, columnPadding: 24 } } : {}),
      },
    },
  };
  const spec = variantPanels(data, rows.map((r) => ({ ...r, day: r.start })), panel, { text: opts.title, subtitle: opts.subtitle ?? READ_BARS });
  return { kind: 'chart', spec, caption: opts.caption };
}
