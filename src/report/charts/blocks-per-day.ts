/** Chart: users blocking the business per day, per strategy. */
import type { ChartDefinition } from '../chart-types.js';
import { countChart } from './counts-chart.js';

export const blocksPerDay: ChartDefinition = {
  name: 'blocks over time',
  dependsOn: ['recipients'],
  build: (data) =>
    countChart(data, {
      series: [{ name: 'blocks', label: 'blocks' }],
      title: 'Users blocking the business',
      caption: 'Blocks are the strongest negative signal Meta counts: they lower the phone number\'s quality rating and, in bursts, the trust score. More sends to a cold or tired list mean more blocks.',
    }),
};
