/**
 * The shape most time charts share: per strategy, a line (mean across seeds) over a shaded
 * p5–p95 band, one panel per variant.
 */
import type { ChartTitle, PanelSpec } from '../spec.js';
import { bandOpacity, horizonDays, panelWidth, strategyColor, timeAxis, variantPanels } from '../spec.js';
import type { ReportData } from '../report-data.js';
import type { BandRow } from '../series.js';
import type { TopLevelSpec } from 'vega-lite';

export interface BandChartOptions {
  readonly title: ChartTitle;
  /** Title of the y axis (what is counted, in which unit). */
  readonly yTitle: string;
  /** Line interpolation: 'linear' for counts, 'step-after' for levels that jump. */
  readonly interpolate?: 'linear' | 'step-after';
  /** Which statistic the line draws (default the mean). */
  readonly line?: 'mean' | 'p50';
  readonly height?: number;
  /** Horizontal reference lines per variant (e.g. a policy threshold), labelled at the right. */
  readonly thresholds?: readonly Threshold[];
}

/** A labelled horizontal line in one variant's panel. */
export interface Threshold {
  readonly variant: string;
  readonly label: string;
  readonly threshold: number;
  /** Whether crossing it does something to these runs' numbers: red if so, grey (and said so) if not. */
  readonly acts: boolean;
}

/** Colours of a threshold that acts and of one that does not act on the numbers charted. */
export const THRESHOLD_COLORS = { acts: '#b22222', inert: '#767676' } as const;

/** The subtitle that explains a band chart's line and band. */
export const BAND_SUBTITLE = 'Line: mean across seeds · shaded band: 5th–95th percentile of the runs';

/**
 * A band chart spec over `rows`: shaded p5–p95 and a line per strategy, one panel per variant.
 * Why: spread across seeds is shown wherever a line is.
 * @example bandChart(data, rows, { title: { text: 'Delivered' }, yTitle: 'Messages' })
 */
export function bandChart(data: ReportData, rows: readonly BandRow[], opts: BandChartOptions): TopLevelSpec {
  const x = timeAxis(data);
  const color = strategyColor(data, 'stroke');
  const interpolate = opts.interpolate ?? 'linear';
  const line = opts.line ?? 'mean';
  const thresholds = opts.thresholds ?? [];
  const onlyBands = thresholds.length ? { transform: [{ filter: { field: 'day', valid: true } }] } : {};
  const onlyThresholds = { transform: [{ filter: { field: 'threshold', valid: true } }] };
  const thresholdColor = { condition: { test: 'datum.acts', value: THRESHOLD_COLORS.acts }, value: THRESHOLD_COLORS.inert } as const;
  const thresholdText = { type: 'text', align: 'right', baseline: 'bottom', dy: -3, fontSize: 11 } as const;
  const thresholdLabel = { y: { field: 'threshold', type: 'quantitative' }, x: { datum: horizonDays(data), type: 'quantitative' }, text: { field: 'label' } } as const;
  const panel: PanelSpec = {
    width: panelWidth(data),
    height: opts.height ?? 220,
    layer: [
      {
        ...onlyBands,
        mark: { type: 'area', opacity: bandOpacity(data), interpolate },
        encoding: { x, y: { field: 'p5', type: 'quantitative', title: opts.yTitle }, y2: { field: 'p95' }, color: strategyColor(data, 'stroke') },
      },
      {
        ...onlyBands,
        mark: { type: 'line', strokeWidth: 2, interpolate },
        encoding: { x, y: { field: line, type: 'quantitative', title: opts.yTitle }, color },
      },
      ...(thresholds.length
        ? [
            {
              ...onlyThresholds,
              mark: { type: 'rule', strokeDash: [4, 3] },
              encoding: { y: { field: 'threshold', type: 'quantitative' }, color: thresholdColor, strokeDash: { condition: { test: 'datum.acts', value: [6, 3] }, value: [2, 3] } },
            },
            // the label over a white halo, so a line running through it does not hide it
            { ...onlyThresholds, mark: { ...thresholdText, fill: 'white', stroke: 'white', strokeWidth: 7, strokeJoin: 'round', strokeOpacity: 0.92 }, encoding: thresholdLabel },
            { ...onlyThresholds, mark: thresholdText, encoding: { ...thresholdLabel, color: thresholdColor } },
          ] satisfies PanelSpec[]
        : []),
    ],
  };
  return variantPanels(data, [...rows, ...thresholds], panel, opts.title);
}
