/**
 * The shape of the per-number state timelines (quality rating, account status): one strip per
 * strategy × phone number, its height split at each time by the share of runs (seeds) in each
 * state — the best state at the bottom, the worst on top — so a number restricted in 2 of 5 runs
 * shows a 40% band of "restricted", not the state most runs were in.
 */
import type { RunResult } from '../../run/results.js';
import { skipped, type ChartOutcome } from '../chart-types.js';
import { pointStep, type Group, type ReportData } from '../report-data.js';
import { bucket, round } from '../series.js';
import { panelWidth, timeAxis, variantPanels, type PanelSpec } from '../spec.js';
import { textWidth } from '../text-width.js';

export interface TimelineOptions {
  /** Series name prefix; the rest of the name is the phone number id (`quality.` → `quality.sales-1`). */
  readonly prefix: string;
  /** State name → code as recorded in the series; a higher code is a worse state. */
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
  /** Show in the legend only the states some strip is in (default: every state). */
  readonly legendPresentOnly?: boolean;
  /** Legend columns, with room for long state names (default: the report's legend). */
  readonly legendColumns?: number;
  /** Lines under the title (default: how to read a strip). */
  readonly subtitle?: readonly string[];
}

/** How to read a timeline strip. */
export const READ_STRIPS = 'Each strip is one phone number under one strategy; its height is all the runs (seeds), split at each time by the share of runs in each state — worst state on top';

/** Height of one strip and the gap between strips, in pixels. */
const STRIP_HEIGHT = 30;
const STRIP_GAP = 5;
/** Longest row label drawn in full, in pixels. */
const ROW_LABEL_LIMIT = 220;

const recorded = (prefix: string) => (run: RunResult, number: string): readonly number[] | undefined => run.series[prefix + number];

/** One state's share of the runs over a stretch of time in one strip: a rectangle [start, end) × [y0, y1). */
export interface ShareRect {
  readonly variant: string;
  readonly strategy: string;
  readonly row: string;
  readonly state: string;
  /** Days from the start. */
  readonly start: number;
  readonly end: number;
  /** Shares of the runs below and above this state's band (0 to 1). */
  readonly y0: number;
  readonly y1: number;
  /** Runs in this state, and runs in all. */
  readonly runs: number;
  readonly of: number;
}

/**
 * For one strip: per bucket, how many of `runs` are in each code (an array indexed by code).
 * @example countsPerBucket([[0, 2], [0, 0]], 3) // [[2, 0, 0], [1, 0, 1]]
 */
export function countsPerBucket(runs: readonly (readonly number[])[], codeCount: number): number[][] {
  const length = Math.max(0, ...runs.map((r) => r.length));
  return Array.from({ length }, (_, b) => {
    const counts = new Array<number>(codeCount).fill(0);
    for (const r of runs) if (b < r.length && r[b] >= 0 && r[b] < codeCount) counts[r[b]]++;
    return counts;
  });
}

/**
 * The share rectangles of one strip: consecutive buckets with the same counts merged, each state
 * with runs in it stacked from the best (lowest code) at the bottom to the worst at the top.
 * Why: the chart draws rectangles; merging keeps the SVG small for long, steady stretches.
 * @example shareRects([[2, 0], [1, 1]], 24, { variant: 'v', strategy: 's', row: 's · n1' }, ['ok', 'bad'])
 * // [{ …, state: 'ok', start: 0, end: 1, y0: 0, y1: 1, runs: 2, of: 2 }, { …, state: 'ok', start: 1, end: 2, y0: 0, y1: 0.5 }, { …, state: 'bad', y0: 0.5, y1: 1 }]
 */
export function shareRects(counts: readonly (readonly number[])[], step: number, where: Pick<ShareRect, 'variant' | 'strategy' | 'row'>, names: readonly string[]): ShareRect[] {
  const out: ShareRect[] = [];
  const same = (a: readonly number[], b: readonly number[]): boolean => a.every((v, i) => v === b[i]);
  let start = 0;
  for (let b = 1; b <= counts.length; b++) {
    if (b < counts.length && same(counts[b], counts[start])) continue;
    const c = counts[start];
    const of = c.reduce((s, v) => s + v, 0);
    let below = 0;
    for (let code = 0; code < c.length; code++) {
      if (c[code] === 0) continue;
      out.push({ ...where, state: names[code] ?? String(code), start: round((start * step) / 24), end: round((b * step) / 24), y0: round(below / of), y1: round((below + c[code]) / of), runs: c[code], of });
      below += c[code];
    }
    start = b;
  }
  return out;
}

function stripsOf(group: Group, number: string, opts: TimelineOptions, step: number, names: readonly string[]): ShareRect[] {
  const seriesOf = opts.seriesOf ?? recorded(opts.prefix);
  const runs = group.runs.map((r) => seriesOf(r, number)).filter((v) => v !== undefined).map((v) => bucket(v, step, 'max'));
  if (runs.length === 0) return [];
  return shareRects(countsPerBucket(runs, names.length), step, { variant: group.variant, strategy: group.strategy, row: `${group.strategy} · ${number}` }, names);
}

/**
 * A state timeline chart — per strategy × phone number, the share of runs in each state over
 * time — or a skip when no run records the series.
 * Why: ratings and statuses are categories; the share of runs in each says how likely each was
 * when, where the state most runs were in hides what happened in the others.
 * @example timelineChart(data, { prefix: 'quality.', codes: { GREEN: 1 }, colors: { GREEN: '#2ca02c' }, … })
 */
export function timelineChart(data: ReportData, opts: TimelineOptions): ChartOutcome {
  const step = pointStep(data.hours);
  const names: string[] = [];
  for (const [name, code] of Object.entries(opts.codes)) names[code] = name;
  const numbersOf = (g: Group): string[] => [...new Set(g.runs.flatMap((r) => Object.keys(r.series).filter((k) => k.startsWith(opts.prefix)).map((k) => k.slice(opts.prefix.length))))];
  const rows = data.groups.flatMap((g) => numbersOf(g).flatMap((n) => stripsOf(g, n, opts, step, names)));
  if (rows.length === 0) return skipped(`series "${opts.prefix}*" not in these results`);
  const seriesOf = opts.seriesOf ?? recorded(opts.prefix);
  const allZero = (run: RunResult): boolean => Object.keys(run.series).every((k) => !k.startsWith(opts.prefix) || (seriesOf(run, k.slice(opts.prefix.length)) ?? []).every((x) => x === 0));
  if (opts.skipIfAllZero && data.results.runs.every(allZero)) return skipped(opts.skipIfAllZero);
  const order = [...new Set(rows.map((r) => r.row))];
  const present = new Set(rows.map((r) => r.state));
  const states = Object.keys(opts.codes).filter((s) => !opts.legendPresentOnly || present.has(s));
  const rowRoom = Math.min(ROW_LABEL_LIMIT, Math.max(...order.map((r) => textWidth(r, 12)))) + 12;
  // strips stacked down one quantitative y axis: strip i spans [i, i + 1), less a gap; the shares
  // stack upwards inside it (the axis is reversed, so row 0 is on top)
  const pad = STRIP_GAP / (STRIP_HEIGHT + STRIP_GAP) / 2;
  const at = (i: number, share: number): number => round(i + pad + (1 - 2 * pad) * (1 - share));
  const placed = rows.map((r) => ({ ...r, day: r.start, top: at(order.indexOf(r.row), r.y1), bottom: at(order.indexOf(r.row), r.y0) }));
  const scale = { domain: states, range: states.map((s) => opts.colors[s] ?? '#999999') };
  const panel: PanelSpec = {
    width: panelWidth(data, rowRoom),
    height: order.length * (STRIP_HEIGHT + STRIP_GAP),
    // an outline in the fill colour closes the hairline seams between neighbouring rectangles
    mark: { type: 'rect', strokeWidth: 1 },
    encoding: {
      x: timeAxis(data),
      x2: { field: 'end' },
      y: {
        field: 'top',
        type: 'quantitative',
        title: null,
        scale: { domain: [0, order.length], reverse: true, nice: false, zero: false },
        axis: { values: order.map((_, i) => i + 0.5), labelExpr: `${JSON.stringify(order)}[floor(datum.value)]`, labelLimit: ROW_LABEL_LIMIT, labelFontSize: 12, ticks: false, domain: false, grid: false, labelPadding: 6 },
      },
      y2: { field: 'bottom' },
      color: {
        field: 'state',
        type: 'nominal',
        title: opts.legendTitle,
        scale,
        ...(opts.legendColumns ? { legend: { columns: opts.legendColumns, labelLimit: 400, titleLimit: 600, columnPadding: 24 } } : {}),
      },
      stroke: { field: 'state', type: 'nominal', title: opts.legendTitle, scale },
    },
  };
  const spec = variantPanels(data, placed, panel, { text: opts.title, subtitle: opts.subtitle ?? READ_STRIPS });
  return { kind: 'chart', spec, caption: opts.caption };
}
