/** Chart: failed sends by error code, per strategy (mean across seeds, p5–p95 whiskers). */
import { skipped, type ChartDefinition } from '../chart-types.js';
import { codeLabel, compareCodes } from '../labels.js';
import { panelWidth, strategyColor, variantPanels, type PanelEncoding, type PanelSpec } from '../spec.js';
import { textWidth } from '../text-width.js';

/** Longest code label drawn in full (px); the y axis takes its labels' width. */
const LABEL_LIMIT = 260;

const PREFIX = 'failedByCode.';

export const failuresByCode: ChartDefinition = {
  name: 'failures by error code',
  dependsOn: ['limits', 'pacing', 'marketingCap', 'throughput', 'trust', 'restrictions'],
  build(data) {
    const codes = [...new Set(data.groups.flatMap((g) => Object.keys(g.aggregate?.metrics ?? {}).filter((k) => k.startsWith(PREFIX)).map((k) => k.slice(PREFIX.length))))].sort(compareCodes);
    if (codes.length === 0) return skipped('no send failed in any run');
    const labels = codes.map(codeLabel);
    const rows = data.groups.flatMap((g) =>
      codes.map((code, i) => {
        const s = g.aggregate?.metrics[PREFIX + code];
        return { variant: g.variant, strategy: g.strategy, code: labels[i], mean: s?.mean ?? 0, p5: s?.p5 ?? 0, p95: s?.p95 ?? 0 };
      }),
    );
    // counts spanning orders of magnitude (80,000 throughput errors beside 5 cap errors): a
    // symmetric log scale keeps the small bars visible and zero at zero
    const positive = rows.map((r) => r.mean).filter((m) => m > 0);
    const log = positive.length > 0 && Math.max(...positive) > 50 * Math.min(...positive);
    const xTitle = log ? 'Failed sends per run (log scale)' : 'Failed sends per run';
    const scale = log ? { type: 'symlog' as const } : {};
    const top = Math.max(0, ...rows.map((r) => r.p95));
    const axis = log ? { values: [0, ...Array.from({ length: Math.ceil(Math.log10(Math.max(top, 1))) + 1 }, (_, i) => 10 ** i)], format: ',d' } : {};
    const y: PanelEncoding['y'] = { field: 'code', type: 'nominal', sort: labels, title: null, axis: { labelLimit: LABEL_LIMIT } };
    const yAxisRoom = Math.min(LABEL_LIMIT, Math.max(...labels.map((l) => textWidth(l, 12)))) + 16;
    const yOffset: PanelEncoding['yOffset'] = { field: 'strategy', type: 'nominal', sort: [...data.strategies] };
    const panel: PanelSpec = {
      width: panelWidth(data, yAxisRoom),
      // with yOffset, the step is the height of one strategy's bar within a code's band
      height: { step: data.strategies.length > 1 ? 12 : 22 },
      layer: [
        { mark: { type: 'bar' }, encoding: { y, yOffset, x: { field: 'mean', type: 'quantitative', title: xTitle, scale, axis }, color: strategyColor(data, 'square') } },
        { mark: { type: 'rule', color: '#333333' }, encoding: { y, yOffset, x: { field: 'p5', type: 'quantitative', title: xTitle, scale }, x2: { field: 'p95' } } },
      ],
    };
    return {
      kind: 'chart',
      spec: variantPanels(data, rows, panel, { text: 'Failed sends by error code', subtitle: 'Bar: mean across seeds · black line: 5th–95th percentile of the runs' }),
      caption: 'Why sends failed. "Messaging limit reached" means the portfolio had already contacted as many unique users in 24 h as its tier allows; 130429 and 131056 are throughput and pair-rate limits that a retry with backoff can clear; 131049 (per-user marketing cap) should not be retried in a loop.',
    };
  },
};
