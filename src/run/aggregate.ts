/**
 * Statistics across seeds with simple-statistics: mean, standard deviation and p5/p50/p95 of every
 * numeric summary metric, per variant × strategy.
 */
import { max, mean, min, quantileSorted, standardDeviation } from 'simple-statistics';
import type { Aggregate, RunResult, Spread } from './results.js';

/** Flattens a run summary to numeric metrics: nested records become `key.sub`. */
export function numericMetrics(summary: object): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(summary)) {
    if (typeof value === 'number') out[key] = value;
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (typeof v === 'number') out[`${key}.${k}`] = v;
  }
  return out;
}

/** Spread of `values` (at least one). Sample standard deviation is 0 for a single value. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    mean: mean(sorted),
    sd: sorted.length > 1 ? standardDeviation(sorted) : 0,
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    min: min(sorted),
    max: max(sorted),
  };
}

/** Metrics that exist only in runs where something happened (a tier reached): aggregated over those runs. */
const CONDITIONAL_PREFIXES = ['daysToTier.'];

/**
 * One aggregate per (variant, strategy) in first-seen order. A count missing from some runs
 * (a failure code that did not occur) counts as 0 there; a conditional metric (days to a tier)
 * is aggregated over the runs that have it, and its spread says in how many (`n`).
 */
export function aggregate(runs: readonly RunResult[]): Aggregate[] {
  const groups = new Map<string, RunResult[]>();
  for (const run of runs) {
    const key = JSON.stringify([run.variant, run.strategy]);
    const list = groups.get(key) ?? [];
    list.push(run);
    groups.set(key, list);
  }
  return [...groups.values()].map((group) => {
    const flat = group.map((r) => numericMetrics(r.summary));
    const names = [...new Set(flat.flatMap((f) => Object.keys(f)))];
    const metrics: Record<string, Spread> = {};
    for (const name of names) {
      if (CONDITIONAL_PREFIXES.some((p) => name.startsWith(p))) {
        const present = flat.filter((f) => name in f).map((f) => f[name]);
        metrics[name] = { ...spread(present), n: present.length };
      } else metrics[name] = spread(flat.map((f) => f[name] ?? 0));
    }
    return { variant: group[0].variant, strategy: group[0].strategy, seeds: group.length, metrics };
  });
}
