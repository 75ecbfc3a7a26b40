/** Chart: the 30-day unanswered counter (highest of any number) over time. */
import { skipped, type ChartDefinition } from '../chart-types.js';
import { pointStep } from '../report-data.js';
import { bandRows, maxOverPrefix } from '../series.js';
import { BAND_SUBTITLE, bandChart } from './band-chart.js';

export const unansweredCounter: ChartDefinition = {
  name: '30-day unanswered counter',
  dependsOn: ['unanswered'],
  build(data) {
    const rows = bandRows(data, (run) => maxOverPrefix(run, 'unanswered.'), { step: pointStep(data.hours), reduce: 'max' });
    if (rows.length === 0) return skipped('series "unanswered.*" not in these results');
    return {
      kind: 'chart',
      spec: bandChart(data, rows, {
        title: { text: '30-day unanswered counter (highest of any phone number)', subtitle: BAND_SUBTITLE },
        yTitle: 'Unanswered (rolling 30 days)',
      }),
      caption: 'Business-initiated messages that got no reply within 48 hours, counted over a rolling 30 days (announced for 2026). A high count feeds the trust score; opt-in does not exempt a sender.',
    };
  },
};
