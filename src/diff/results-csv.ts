/**
 * `--csv FILE` of `run` and `report`: the headline metrics per variant × strategy (mean, sd, p5,
 * p50, p95 across seeds), or with `--csv-runs` one row per run with every numeric summary metric.
 */
import { formatCsv } from '../format/csv.js';
import { numericMetrics } from '../run/aggregate.js';
import type { Results } from '../run/results.js';
import { isConditionalMetric } from '../thresholds/metric-names.js';
import { headlineMetrics } from './headline-metrics.js';

const STATS = ['mean', 'sd', 'p5', 'p50', 'p95'] as const;

/**
 * The CSV text of `results`: a header row, then one row per variant × strategy (`perRun` false)
 * or per variant × strategy × seed (`perRun` true). A count absent from a row is 0; a conditional
 * metric (days to a tier) absent from a run is left empty.
 * Why: spreadsheets and notebooks read CSV, not results.json. Cost O(runs × metrics).
 * @example resultsCsv(results, false).split('\r\n')[0] // 'variant,strategy,seeds,delivered.mean,delivered.sd,…'
 */
export function resultsCsv(results: Results, perRun: boolean): string {
  if (perRun) {
    const flat = results.runs.map((r) => numericMetrics(r.summary));
    const names = [...new Set(flat.flatMap((f) => Object.keys(f)))];
    const cell = (f: Record<string, number>, n: string): string | number => f[n] ?? (isConditionalMetric(n) ? '' : 0);
    return formatCsv([['variant', 'strategy', 'seed', ...names], ...results.runs.map((r, i) => [r.variant, r.strategy, r.seed, ...names.map((n) => cell(flat[i], n))])]);
  }
  const names = headlineMetrics([...new Set(results.aggregates.flatMap((a) => Object.keys(a.metrics)))]);
  const header = ['variant', 'strategy', 'seeds', ...names.flatMap((n) => STATS.map((s) => `${n}.${s}`))];
  const rows = results.aggregates.map((a) => [a.variant, a.strategy, a.seeds, ...names.flatMap((n) => STATS.map((s) => a.metrics[n]?.[s] ?? 0))]);
  return formatCsv([header, ...rows]);
}
