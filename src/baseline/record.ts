/** Building a baseline from results. */
import type { Results } from '../run/results.js';
import { BASELINE_STATS, DEFAULT_TOLERANCE, type Baseline, type BaselineEntry, type BaselineStat, type ToleranceSection } from './types.js';

/**
 * The baseline of `results`: per variant × strategy, every aggregate metric's mean, p5 and p95.
 * Why: `wabasim baseline record` stores it; `check` compares a fresh run against it.
 * @example baselineFromResults(results, 'scenarios/default.json').entries.length // variants × strategies
 */
export function baselineFromResults(results: Results, scenario: string, tolerance: ToleranceSection = DEFAULT_TOLERANCE): Baseline {
  const entries: BaselineEntry[] = results.aggregates.map((a) => {
    const metrics: Record<string, Record<BaselineStat, number>> = {};
    for (const name of Object.keys(a.metrics).sort()) {
      const s = a.metrics[name];
      metrics[name] = Object.fromEntries(BASELINE_STATS.map((k) => [k, s[k]])) as Record<BaselineStat, number>;
    }
    return { variant: a.variant, strategy: a.strategy, seeds: a.seeds, metrics };
  });
  return { wabasim: results.wabasim, scenario, tolerance, entries };
}
