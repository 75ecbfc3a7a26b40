/**
 * Chart: the tornado of one headline outcome (sensitivity.json) — for the parameters that move it
 * most, how far the outcome lands from its value at the profile's values when the parameter sits in
 * the low third of its plausible range and when it sits in the high third (means over the
 * Latin-hypercube draws, everything else varying too). One bar per strategy, variants side by side.
 * Not in the registry: it draws a sensitivity analysis, not the results (render-report.ts calls it).
 */
import type { TopLevelSpec } from 'vega-lite';
import type { SensitivityResults } from '../../sensitivity/types.js';
import { metricWords } from '../../verdict/words.js';
import { skipped, type ChartOutcome } from '../chart-types.js';
import { codeLabel } from '../labels.js';
import type { ReportData } from '../report-data.js';
import { strategyColor, variantPanels, type PanelEncoding, type PanelSpec } from '../spec.js';

/** Parameters a tornado draws, at most. */
export const TORNADO_ROWS = 10;

/** The outcome in words, for titles. */
export function outcomeWords(outcome: string): string {
  if (outcome === 'restricted') return 'share of runs with a number restricted';
  if (outcome.startsWith('failedByCode.') && outcome !== 'failedByCode.limit_reached') return `sends failed with ${codeLabel(outcome.slice('failedByCode.'.length))}`;
  return metricWords(outcome);
}

/**
 * The tornado spec of `outcome`: per variant the TORNADO_ROWS parameters with the largest swing
 * of any strategy, each strategy's bar from its low-third to its high-third mean, as a change
 * from the strategy's own value at the profile's values (the rule at 0); a dot marks the high end.
 * @example tornadoSpec(s, data, 'uniqueUsersReached').kind // 'chart'
 */
export function tornadoSpec(s: SensitivityResults, data: ReportData, outcome: string): ChartOutcome {
  const rows: object[] = [];
  for (const v of s.variants) {
    const swing = new Map<string, number>();
    for (const st of v.strategies) for (const b of st.outcomes[outcome]?.tornado ?? []) swing.set(b.path, Math.max(swing.get(b.path) ?? 0, Math.abs(b.high - b.low)));
    const top = [...swing].filter(([, x]) => x > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TORNADO_ROWS).map(([p]) => p);
    for (const st of v.strategies) {
      const o = st.outcomes[outcome];
      if (!o) continue;
      for (const b of o.tornado) {
        const rank = top.indexOf(b.path);
        if (rank >= 0) rows.push({ variant: v.name, strategy: st.strategy, parameter: b.path, rank, low: b.low - o.base, high: b.high - o.base });
      }
    }
  }
  if (rows.length === 0) return skipped(`${outcomeWords(outcome)}: no parameter moved it in the draws`);
  const share = outcome === 'restricted';
  const x: PanelEncoding['x'] = { field: 'low', type: 'quantitative', title: `Change from the profile's values${share ? ' (share of runs)' : ''}`, axis: share ? { format: '+%' } : { format: '+,~s' } };
  const y: PanelEncoding['y'] = { field: 'parameter', type: 'nominal', title: null, sort: { field: 'rank', op: 'min', order: 'ascending' }, axis: { labelLimit: 420 } };
  const yOffset: PanelEncoding['yOffset'] = { field: 'strategy', type: 'nominal', sort: [...data.strategies] };
  const panel: PanelSpec = {
    width: data.variants.length > 1 ? 340 : 640,
    height: { step: data.strategies.length > 1 ? 8 : 18 },
    layer: [
      { mark: { type: 'bar', height: { band: 0.9 } }, encoding: { y, yOffset, x, x2: { field: 'high' }, color: strategyColor(data, 'square') } },
      { mark: { type: 'point', filled: true, size: 18, opacity: 1 }, encoding: { y, yOffset, x: { field: 'high', type: 'quantitative' }, color: strategyColor(data, 'square') } },
      { mark: { type: 'rule', color: '#333333', strokeWidth: 1 }, encoding: { x: { datum: 0 } } },
    ],
  };
  const spec = variantPanels(data, rows, panel, {
    text: `What moves ${outcomeWords(outcome)}`,
    subtitle: "Each bar spans the mean with the parameter in the low third of its plausible range to the mean in the high third (the dot); 0 is the strategy's value at the profile's values",
  });
  const resolved: TopLevelSpec = data.variants.length > 1 ? ({ ...spec, resolve: { scale: { y: 'independent' } } } as TopLevelSpec) : spec;
  return {
    kind: 'chart',
    spec: resolved,
    caption: `The ${TORNADO_ROWS} parameters whose plausible range moves ${outcomeWords(outcome)} most, per variant. A long bar is a parameter the answer depends on: pin it down (or plan for its bad end) before trusting the number. The dot shows which end of the range is which: a dot on the right means the outcome grows with the parameter. Means over the draws, with every other estimate varying too.`,
  };
}
