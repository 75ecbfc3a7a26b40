/**
 * Chart: how the headline outcomes vary across seeds — one tick per run, a diamond at the mean,
 * one row per metric (each with its own scale), strategies on the y axis.
 */
import type { TopLevelSpec } from 'vega-lite';
import { numericMetrics } from '../../run/aggregate.js';
import { skipped, type ChartDefinition } from '../chart-types.js';
import { CHART_CONFIG, panelWidth, strategyColor, type PanelEncoding, type PanelSpec } from '../spec.js';
import { textWidth } from '../text-width.js';

/** Headline metrics shown, with their axis titles. */
const METRICS = [
  { key: 'delivered', title: 'Messages delivered per run' },
  { key: 'uniqueUsersReached', title: 'Unique users reached per run' },
  { key: 'failedByCode.limit_reached', title: 'Sends failed at the messaging limit per run' },
  { key: 'blocks', title: 'Blocks per run' },
  { key: 'replies', title: 'Replies per run' },
] as const;

export const seedSpread: ChartDefinition = {
  name: 'spread of headline metrics across seeds',
  dependsOn: [],
  build(data) {
    const flat = data.results.runs.map((run) => ({ run, metrics: numericMetrics(run.summary) }));
    const shown = METRICS.filter((m) => flat.some((f) => m.key in f.metrics));
    if (shown.length === 0) return skipped('no headline metric in these results');
    const several = data.variants.length > 1;
    const rows = (key: string): object[] => flat.map(({ run, metrics }) => ({ variant: run.variant, strategy: run.strategy, seed: run.seed, value: metrics[key] ?? 0 }));
    const y: PanelEncoding['y'] = { field: 'strategy', type: 'nominal', sort: [...data.strategies], title: null };
    // the y axis holds only the strategy names
    const yAxisRoom = Math.max(...data.strategies.map((s) => Math.min(textWidth(s, 12), 200))) + 16;
    const unit = (title: string): PanelSpec => ({
        width: panelWidth(data, yAxisRoom),
        height: { step: 16 },
        layer: [
          { mark: { type: 'tick', thickness: 2, opacity: 0.6 }, encoding: { x: { field: 'value', type: 'quantitative', title, scale: { zero: false } }, y, color: strategyColor(data, 'none') } },
          { mark: { type: 'point', shape: 'diamond', filled: true, color: '#111111', size: 70 }, encoding: { x: { field: 'value', type: 'quantitative', aggregate: 'mean', title }, y } },
        ],
      });
    const spec: TopLevelSpec = {
      title: { text: 'Spread of the headline outcomes across seeds', subtitle: 'Each coloured tick is one run (one seed); the black diamond is the mean' },
      config: CHART_CONFIG,
      resolve: { scale: { x: 'independent' } },
      vconcat: shown.map((m) =>
        several
          ? { data: { values: rows(m.key) }, facet: { field: 'variant', type: 'nominal', title: null, sort: [...data.variants] }, columns: 2, spec: unit(m.title) }
          : { data: { values: rows(m.key) }, ...unit(m.title) },
      ),
    };
    return {
      kind: 'chart',
      spec,
      caption: 'Each seed is one possible course of events. Ticks bunched together mean a robust result; ticks spread out mean the outcome depends on chance or on uncertain parameters sampled per run — plan for the low end, not the mean.',
    };
  },
};
