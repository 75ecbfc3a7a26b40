/** Looking up a variant's resolved policy parameters (results.variants[].parameters). */
import type { ReportData } from './report-data.js';

/**
 * The numeric value of parameter `path` in `variant`, or undefined when it is absent or not a
 * plain number (a distribution sampled per run, a table).
 * Why: charts draw policy thresholds as reference lines when they are fixed numbers.
 * @example numericParam(data, 'clean list', 'trust.restrictScore') // 2
 */
export function numericParam(data: ReportData, variant: string, path: string): number | undefined {
  const v = data.results.variants.find((x) => x.name === variant)?.parameters.find((p) => p.path === path)?.value;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}
