/** Chart: the hidden trust score (highest of any number), with the restriction and ban thresholds. */
import { skipped, type ChartDefinition } from '../chart-types.js';
import { numericParam } from '../params.js';
import { pointStep } from '../report-data.js';
import { bandRows, maxOverPrefix } from '../series.js';
import { bandChart, type Threshold } from './band-chart.js';

const THRESHOLDS = [
  { path: 'trust.restrictScore', label: 'restriction threshold' },
  { path: 'trust.banScore', label: 'ban threshold' },
] as const;

export const trustScore: ChartDefinition = {
  name: 'trust score',
  dependsOn: ['trust'],
  build(data) {
    const rows = bandRows(data, (run) => maxOverPrefix(run, 'trust.'), { step: pointStep(data.hours), reduce: 'max' });
    if (rows.length === 0) return skipped('series "trust.*" not in these results');
    const thresholds: Threshold[] = data.variants.flatMap((variant) =>
      THRESHOLDS.flatMap(({ path, label }) => {
        const threshold = numericParam(data, variant, path);
        return threshold === undefined ? [] : [{ variant, label: `${label} (${threshold})`, threshold }];
      }),
    );
    return {
      kind: 'chart',
      spec: bandChart(data, rows, {
        title: { text: 'Trust score (estimated risk, highest of any phone number)', subtitle: 'Line: mean across seeds · band: 5th–95th percentile · red dashes: the thresholds of the policy profile' },
        yTitle: 'Trust score (higher = riskier)',
        thresholds,
      }),
      caption: 'A model of the risk score Meta keeps per number but never shows: it rises with mismatched registration, unnatural sending behaviour, block cascades and repeated content. Crossing the restriction threshold (with enough layers contributing) restricts the number. All of its parameters are community estimates.',
    };
  },
};
