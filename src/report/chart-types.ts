/** The contract every chart file implements (registered in charts/registry.ts). */
import type { TopLevelSpec } from 'vega-lite';
import type { ReportData } from './report-data.js';

/** A chart's spec with how to read it, or why it is left out (shown as a note in the report). */
export type ChartOutcome =
  | { readonly kind: 'chart'; readonly spec: TopLevelSpec; readonly caption: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/** One chart: a pure function from the report's data to a vega-lite spec. */
export interface ChartDefinition {
  /** What the chart shows, for the notes on skipped charts. */
  readonly name: string;
  /**
   * Top-level policy parameter groups (`pacing`, `trust`, …) the chart's mechanism rests on; the
   * report marks the chart when any parameter of these groups is an estimate or a forecast.
   */
  readonly dependsOn: readonly string[];
  readonly build: (data: ReportData) => ChartOutcome;
}

/**
 * The outcome of a chart left out of the report, with the reason.
 * @example skipped('series "quality.*" not in these results')
 */
export function skipped(reason: string): ChartOutcome {
  return { kind: 'skipped', reason };
}
