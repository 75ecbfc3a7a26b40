/**
 * Chart: the messaging limit (unique users per rolling 24 h, a step line) and how many unique
 * users were messaged in the last 24 h, per strategy. Where the solid line meets the dashed one,
 * sends fail with the messaging limit.
 */
import { skipped, type ChartDefinition } from '../chart-types.js';
import { pointStep } from '../report-data.js';
import { bandRows, hasSeries, seriesOf } from '../series.js';
import { bandOpacity, panelWidth, strategyColor, timeAxis, variantPanels, type PanelEncoding, type PanelSpec } from '../spec.js';

const UNIQUE = 'unique users in the last 24 h (mean)';
const LIMIT = 'messaging limit (median)';

export const limitAndUnique: ChartDefinition = {
  name: 'messaging limit and unique users in the 24 h window',
  dependsOn: ['limits', 'quality'],
  build(data) {
    const haveLimit = hasSeries(data, 'messagingLimit');
    const haveUnique = hasSeries(data, 'uniqueInWindow');
    if (!haveLimit && !haveUnique) return skipped('series "messagingLimit" and "uniqueInWindow" not in these results');
    const step = pointStep(data.hours);
    const unique = haveUnique ? bandRows(data, (run) => seriesOf(run, 'uniqueInWindow'), { step, reduce: 'max' }).map((r) => ({ ...r, measure: UNIQUE, value: r.mean })) : [];
    const unlimited = data.results.runs.some((run) => seriesOf(run, 'messagingLimit')?.includes(-1));
    const limit = haveLimit
      ? bandRows(data, (run) => seriesOf(run, 'messagingLimit')?.map((v) => (v < 0 ? Infinity : v)), { step, reduce: 'max' }).map((r) => ({ ...r, measure: LIMIT, value: r.p50 }))
      : [];
    const x = timeAxis(data);
    const color = strategyColor(data, 'stroke');
    const yTitle = 'Unique users (per rolling 24 h)';
    // a climb from 250 to 100K flattens the early tiers on a linear axis: then a symlog one, ticked at the tiers
    const limits = limit.map((r) => r.value).filter((v): v is number => v !== null && Number.isFinite(v) && v > 0);
    const spansTiers = limits.length > 0 && Math.max(...limits) / Math.min(...limits) >= 20;
    const ticks = spansTiers ? [0, ...new Set(limits)].sort((a, b) => a - b) : undefined;
    const scale = spansTiers ? { type: 'symlog' as const, constant: Math.min(...limits) / 4 } : undefined;
    const axis = ticks ? { values: ticks, format: ',d' } : undefined;
    const y: PanelEncoding['y'] = { field: 'value', type: 'quantitative', title: yTitle, ...(scale ? { scale } : {}) };
    const panel: PanelSpec = {
      width: panelWidth(data),
      height: 220,
      layer: [
        {
          transform: [{ filter: { field: 'measure', equal: UNIQUE } }],
          mark: { type: 'area', opacity: bandOpacity(data) },
          encoding: { x, y: { field: 'p5', type: 'quantitative', title: yTitle, ...(scale ? { scale, axis } : {}) }, y2: { field: 'p95' }, color: strategyColor(data, 'stroke') },
        },
        {
          mark: { type: 'line', strokeWidth: 2, interpolate: 'step-after' },
          encoding: {
            x,
            y,
            color,
            strokeDash: { field: 'measure', type: 'nominal', title: 'Line', scale: { domain: [UNIQUE, LIMIT], range: [[1, 0], [6, 4]] }, legend: null },
          },
        },
      ],
    };
    const notes = [...(unlimited ? ['No dashed line where the limit is unlimited'] : []), ...(spansTiers ? ['log scale, ticks at the limits'] : [])];
    const subtitle = ['Solid: mean unique users messaged in the last 24 h (band: p5–p95) · dashed: the messaging limit', ...(notes.length ? [notes.join(' · ')] : [])];
    return {
      kind: 'chart',
      spec: variantPanels(data, [...unique, ...limit], panel, { text: 'Messaging limit and unique users reached in the rolling 24 h window', subtitle }),
      caption: 'Meta caps how many different users a business may start conversations with in any rolling 24 hours (the messaging limit, a tier such as 250, 2K, 10K, 100K or unlimited). When the solid line reaches the dashed one, further sends to new users fail until the window rolls on; a dashed line that steps up is a tier upgrade.',
    };
  },
};
