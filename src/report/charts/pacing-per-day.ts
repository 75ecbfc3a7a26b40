/** Chart: marketing messages held by template pacing and dropped with 132015, per strategy. */
import type { ChartDefinition } from '../chart-types.js';
import { countChart } from './counts-chart.js';

export const pacingPerDay: ChartDefinition = {
  name: 'template pacing holds and drops',
  dependsOn: ['pacing', 'templates'],
  build: (data) =>
    countChart(data, {
      series: [
        { name: 'held', label: 'held by pacing' },
        { name: 'dropped', label: 'dropped (132015)' },
      ],
      title: 'Template pacing: messages held and dropped',
      dashes: 'Solid: held · dashed: dropped with 132015',
      skipIfZero: 'no message was held or dropped by template pacing in any run',
      caption: 'Meta paces a new marketing template: after a first batch it holds the rest while it assesses feedback, then releases them, or drops them with error 132015 if feedback is poor.',
    }),
};
