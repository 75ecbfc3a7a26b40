/**
 * The shape of the "how many per day" charts (blocks, replies, pacing): hourly counts summed per
 * day (per hour for horizons of three days or less), mean line and p5–p95 band across seeds.
 */
import { skipped, type ChartOutcome } from '../chart-types.js';
import type { ReportData } from '../report-data.js';
import { bandRows, hasSeries, seriesOf } from '../series.js';
import { bandOpacity, panelWidth, strategyColor, timeAxis, variantPanels, type PanelSpec } from '../spec.js';
import { BAND_SUBTITLE } from './band-chart.js';

export interface CountSeries {
  /** Series name in results.json. */
  readonly name: string;
  /** What it counts, for the legend (plural noun). */
  readonly label: string;
}

export interface CountChartOptions {
  readonly series: readonly CountSeries[];
  /** Title without the unit: "Blocks" → "Blocks per day". */
  readonly title: string;
  /** Subtitle when several series are drawn: which dash pattern is which. */
  readonly dashes?: string;
  readonly caption: string;
  /** When every run's counts are zero: skip the chart with this reason. */
  readonly skipIfZero?: string;
}

/**
 * Bucket size for counts: a day, or an hour when the horizon is three days or less.
 * @example countUnit(data) // { step: 24, unit: 'day' }
 */
export function countUnit(data: ReportData): { step: number; unit: 'day' | 'hour' } {
  return data.hours <= 72 ? { step: 1, unit: 'hour' } : { step: 24, unit: 'day' };
}

/**
 * A counts-per-day chart of `opts.series` (several series are told apart by dash pattern).
 * Why: blocks, replies and pacing read best as rates, not running totals.
 * @example countChart(data, { series: [{ name: 'blocks', label: 'blocks' }], title: 'Blocks', caption: '…' })
 */
export function countChart(data: ReportData, opts: CountChartOptions): ChartOutcome {
  const present = opts.series.filter((s) => hasSeries(data, s.name));
  if (present.length === 0) return skipped(`series ${opts.series.map((s) => `"${s.name}"`).join(' and ')} not in these results`);
  if (opts.skipIfZero && data.results.runs.every((run) => present.every((s) => (seriesOf(run, s.name) ?? []).every((v) => v === 0)))) return skipped(opts.skipIfZero);
  const { step, unit } = countUnit(data);
  const rows = present.flatMap((s) =>
    bandRows(data, (run) => seriesOf(run, s.name), { step, reduce: 'sum', dayOf: (b) => (b * step + step / 2) / 24 }).map((r) => ({ ...r, measure: s.label })),
  );
  const x = timeAxis(data);
  const color = strategyColor(data, 'stroke');
  const yTitle = present.length === 1 ? `${cap(present[0].label)} per ${unit}` : `Messages per ${unit}`;
  const several = present.length > 1;
  const panel: PanelSpec = {
    width: panelWidth(data),
    height: 200,
    layer: [
      { mark: { type: 'area', opacity: bandOpacity(data) }, encoding: { x, y: { field: 'p5', type: 'quantitative', title: yTitle }, y2: { field: 'p95' }, color: strategyColor(data, 'stroke'), ...(several ? { detail: { field: 'measure', type: 'nominal' } } : {}) } },
      {
        mark: { type: 'line', strokeWidth: 2, point: unit === 'day' ? { size: 18 } : false },
        encoding: {
          x,
          y: { field: 'mean', type: 'quantitative', title: yTitle },
          color,
          ...(several ? { strokeDash: { field: 'measure', type: 'nominal', title: 'Line', sort: present.map((s) => s.label), legend: null } } : {}),
        },
      },
    ],
  };
  return {
    kind: 'chart',
    spec: variantPanels(data, rows, panel, { text: `${opts.title} per ${unit}`, subtitle: `${several && opts.dashes ? `${opts.dashes} · ` : ''}${BAND_SUBTITLE}` }),
    caption: opts.caption,
  };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
