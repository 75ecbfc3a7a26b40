/**
 * Shared pieces of the chart specs: the look (config), the common width every chart is drawn at,
 * the strategy colours, the time axis, and the wrapper that lays one panel per variant side by
 * side (wrapping after two).
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import type { ReportData } from './report-data.js';

type FacetSpec = Extract<TopLevelSpec, { facet: unknown }>;
/** A unit or layer spec drawn once per variant. */
export type PanelSpec = FacetSpec['spec'];
type UnitPanel = Extract<PanelSpec, { mark: unknown }>;
/** The encoding block of a unit spec. */
export type PanelEncoding = NonNullable<UnitPanel['encoding']>;

/**
 * Width in pixels of every chart's SVG (render-report.ts draws each exactly this wide), so the
 * page scales them all alike: 1:1 in a laptop's report column, about 0.77 on an A4 or Letter page,
 * where the 12 px labels print at 7 pt.
 */
export const CHART_WIDTH = 900;

/** Padding around a chart, and between the panels of the variants. */
const PADDING = 10;
const FACET_SPACING = 28;
/** Room a y axis takes by default: its title, tick labels up to "100,000" and ticks. */
export const Y_AXIS_ROOM = 80;
/** Legend columns, and the longest label (longer ones end in an ellipsis) that lets them fit CHART_WIDTH. */
const LEGEND_COLUMNS = 4;
const LEGEND_LABEL_LIMIT = Math.floor((CHART_WIDTH - 2 * PADDING) / LEGEND_COLUMNS) - 40;

/** The report's chart look: system sans-serif fonts (nothing fetched), legible sizes, legend on top. */
export const CHART_CONFIG: Config = {
  font: 'Helvetica, Arial, sans-serif',
  background: 'white',
  padding: PADDING,
  title: { fontSize: 15, fontWeight: 600, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#555555', offset: 12, subtitlePadding: 4 },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 500, titleColor: '#333333', gridColor: '#e8e8e8', labelColor: '#333333' },
  legend: { orient: 'top', offset: 8, labelFontSize: 12, titleFontSize: 12, labelLimit: LEGEND_LABEL_LIMIT, columns: LEGEND_COLUMNS },
  header: { labelFontSize: 13, labelFontWeight: 600, labelLimit: 380, labelAnchor: 'start', labelOrient: 'top', labelAlign: 'left', labelPadding: 6 },
  view: { stroke: '#dddddd' },
  facet: { spacing: FACET_SPACING },
  concat: { spacing: 24 },
};

/** Font sizes of the chart title and its subtitle lines (CHART_CONFIG), for checking they fit. */
export const TITLE_FONT = { size: 15, bold: true, subtitleSize: 12, room: CHART_WIDTH - 2 * PADDING } as const;

/**
 * Width of one panel in pixels, so that the panels of the variants (two to a row), the y axis
 * left of them (`yAxisRoom` pixels) and the padding fill CHART_WIDTH.
 * Why: every chart is drawn CHART_WIDTH wide; a chart with long row labels passes their width.
 * @example panelWidth(data) // 381 with two variants
 */
export function panelWidth(data: ReportData, yAxisRoom = Y_AXIS_ROOM): number {
  const columns = data.variants.length > 1 ? 2 : 1;
  // the last x label may stand half its width past the panel
  const overhang = 8;
  return Math.floor((CHART_WIDTH - 2 * PADDING - yAxisRoom - overhang - (columns - 1) * FACET_SPACING) / columns);
}

/**
 * The colour channel for strategies, with a fixed domain so a strategy keeps its colour in every
 * chart. `legend`: 'stroke' (a line swatch), 'square' (bars), or 'none' when an axis already
 * names the strategies.
 * @example encoding: { color: strategyColor(data, 'stroke') }
 */
export function strategyColor(data: ReportData, legend: 'stroke' | 'square' | 'none'): PanelEncoding['color'] {
  const scale = { domain: [...data.strategies] };
  if (legend === 'none') return { field: 'strategy', type: 'nominal', title: 'Strategy', scale, legend: null };
  return { field: 'strategy', type: 'nominal', title: 'Strategy', scale, legend: { symbolType: legend, symbolOpacity: 1, symbolStrokeWidth: 3 } };
}

/**
 * Opacity of the p5–p95 bands: lighter as more strategies overlap, so lines stay readable.
 * @example bandOpacity(data) // 0.2 for one or two strategies
 */
export function bandOpacity(data: ReportData): number {
  const n = data.strategies.length;
  return n <= 2 ? 0.2 : n <= 4 ? 0.12 : 0.07;
}

/**
 * Horizon in days (from the scenario echo, else from the series length).
 * @example horizonDays(data) // 14
 */
export function horizonDays(data: ReportData): number {
  return data.scenario.horizonDays ?? data.hours / 24;
}

/**
 * The x channel for time: days since the start, or hours for horizons of three days or less.
 * @example encoding: { x: timeAxis(data) }
 */
export function timeAxis(data: ReportData): PanelEncoding['x'] {
  const days = horizonDays(data);
  const short = days <= 3;
  return {
    field: 'day',
    type: 'quantitative',
    title: short ? 'Hours since the start' : 'Day of the simulation',
    scale: { domain: [0, days], nice: false },
    axis: short ? { values: Array.from({ length: Math.floor(days * 4) + 1 }, (_, i) => i / 4), labelExpr: "format(datum.value * 24, 'd') + ' h'" } : { tickMinStep: 1, format: 'd' },
  };
}

export interface ChartTitle {
  readonly text: string;
  /** One line, or several. */
  readonly subtitle?: string | readonly string[];
}

/**
 * A top-level spec drawing `panel` over `rows`, once per variant side by side when the scenario
 * has several (a shared y scale, so variants compare directly), or once, wide, when it has one.
 * @example variantPanels(data, rows, { mark: 'line', encoding: {…} }, { text: 'Delivered' })
 */
export function variantPanels(data: ReportData, rows: readonly object[], panel: PanelSpec, title: ChartTitle): TopLevelSpec {
  const common = { title: { text: title.text, ...(title.subtitle ? { subtitle: typeof title.subtitle === 'string' ? title.subtitle : [...title.subtitle] } : {}) }, data: { values: rows as object[] }, config: CHART_CONFIG };
  if (data.variants.length <= 1) return { ...common, ...panel } as TopLevelSpec;
  return {
    ...common,
    facet: { field: 'variant', type: 'nominal', title: null, sort: [...data.variants] },
    columns: 2,
    spec: panel,
  };
}
