/**
 * Statistics across seeds with simple-statistics: mean, standard deviation, p5/p50/p95 and a 95%
 * confidence interval of the mean of every numeric summary metric, per variant × strategy.
 * The interval uses Student's t quantile from jstat (simple-statistics has no t quantile; jstat is
 * one package without dependencies), since sweeps often have 5–20 seeds, where the normal 1.96
 * would be too narrow.
 */
import jStat from 'jstat';
import { max, mean, min, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
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

/**
 * Spread of `values` (at least one) across seeds. The sample standard deviation is 0 for a single
 * value, and so is the width of its confidence interval (one run says nothing about spread).
 * @example spread([1, 2, 3]).ci95 // [-0.48, 4.48]: mean 2 ± t(0.975, 2) · 1 / √3
 */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const m = mean(sorted);
  const sd = sorted.length > 1 ? sampleStandardDeviation(sorted) : 0; // n − 1: the seeds are a sample of possible runs
  const half = sorted.length > 1 ? jStat.studentt.inv(0.975, sorted.length - 1) * (sd / Math.sqrt(sorted.length)) : 0;
  return {
    mean: m,
    sd,
    ci95: [m - half, m + half],
    p5: quantileSorted(sorted, 0.05),
    p50: quantileSorted(sorted, 0.5),
    p95: quantileSorted(sorted, 0.95),
    min: min(sorted),
    max: max(sorted),
  };
}

/** Metrics that exist only in runs where something happened (a tier reached; a cost per reached user needs someone reached): aggregated over those runs. */
const CONDITIONAL_PREFIXES = ['daysToTier.'];
const CONDITIONAL_NAMES = new Set(['costPerDelivered', 'costPerReachedUser', 'costPerReply']);

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
      if (CONDITIONAL_NAMES.has(name) || CONDITIONAL_PREFIXES.some((p) => name.startsWith(p))) {
        const present = flat.filter((f) => name in f).map((f) => f[name]);
        metrics[name] = { ...spread(present), n: present.length };
      } else metrics[name] = spread(flat.map((f) => f[name] ?? 0));
    }
    return { variant: group[0].variant, strategy: group[0].strategy, seeds: group.length, metrics };
  });
}
