/** Chart: replies from recipients per day, per strategy. */
import type { ChartDefinition } from '../chart-types.js';
import { countChart } from './counts-chart.js';

export const repliesPerDay: ChartDefinition = {
  name: 'replies over time',
  dependsOn: ['recipients'],
  build: (data) =>
    countChart(data, {
      series: [{ name: 'replies', label: 'replies' }],
      title: 'Replies from recipients',
      caption: 'Replies are the positive signal: they open a 24 h customer-service window and keep the reply-to-send ratio (a trust-score input) healthy.',
    }),
};
