/** Chart: each phone number's quality rating (GREEN / YELLOW / RED) over time, per strategy. */
import type { ChartDefinition } from '../chart-types.js';
import { QUALITY_CODES } from '../../model/series-codes.js';
import { timelineChart } from './timeline-chart.js';

export const qualityTimeline: ChartDefinition = {
  name: 'quality rating per phone number',
  dependsOn: ['quality', 'recipients'],
  build: (data) =>
    timelineChart(data, {
      prefix: 'quality.',
      codes: QUALITY_CODES,
      colors: { UNKNOWN: '#c7c7c7', GREEN: '#2ca02c', YELLOW: '#e6b800', RED: '#d62728' },
      title: 'Phone-number quality rating over time',
      legendTitle: 'Quality rating',
      caption: 'Meta rates each phone number from recent user feedback (blocks, reports) — GREEN, YELLOW or RED; UNKNOWN until enough messages were delivered. A RED number cannot be upgraded to a higher tier and, if it stays RED, risks restriction.',
    }),
};
