/** Chart: the enforcement timeline — each phone number's status (connected, flagged, restricted, …). */
import type { ChartDefinition } from '../chart-types.js';
import { STATUS_CODES } from '../../metrics/collector.js';
import { timelineChart } from './timeline-chart.js';

export const statusTimeline: ChartDefinition = {
  name: 'enforcement timeline (phone-number status)',
  dependsOn: ['trust', 'restrictions', 'coexistence'],
  build: (data) =>
    timelineChart(data, {
      prefix: 'status.',
      codes: STATUS_CODES,
      colors: { CONNECTED: '#9ecae1', FLAGGED: '#e6b800', RESTRICTED: '#ff7f0e', PENDING_REVIEW: '#9467bd', DISCONNECTED: '#7f7f7f', BANNED: '#d62728' },
      title: 'Enforcement timeline: phone-number status',
      legendTitle: 'Status',
      skipIfAllZero: 'every number stayed connected in every run (no flag, restriction, review, disconnect or ban)',
      caption: 'When Meta acted against a number: flagged, restricted (no business-initiated sends), pending review, disconnected (a coexistence number whose app was not opened) or banned.',
    }),
};
