/** Chart: messages delivered so far, per strategy, with the p5–p95 band across seeds. */
import { skipped, type ChartDefinition } from '../chart-types.js';
import { pointStep } from '../report-data.js';
import { bandRows, cumulative, hasSeries, seriesOf } from '../series.js';
import { BAND_SUBTITLE, bandChart } from './band-chart.js';

export const cumulativeDelivered: ChartDefinition = {
  name: 'cumulative delivered messages',
  dependsOn: ['limits', 'pacing', 'marketingCap', 'delivery', 'trust', 'restrictions'],
  build(data) {
    if (!hasSeries(data, 'delivered')) return skipped('series "delivered" not in these results');
    const rows = bandRows(data, (run) => {
      const v = seriesOf(run, 'delivered');
      return v && cumulative(v);
    }, { step: pointStep(data.hours), reduce: 'last' });
    return {
      kind: 'chart',
      spec: bandChart(data, rows, {
        title: { text: 'Messages delivered so far', subtitle: BAND_SUBTITLE },
        yTitle: 'Delivered messages (cumulative)',
      }),
      caption: 'How many messages reached a phone by each point in time. A steeper line delivers faster; a flat stretch means sends were failing or paused. A wide band means the outcome depends on chance (or on parameters sampled per run).',
    };
  },
};
