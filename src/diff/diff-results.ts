/**
 * `wabasim diff`: two results files compared metric by metric for every variant × strategy both
 * hold. The difference is B − A with its 95% interval: paired over the seeds both hold (runs with
 * the same seed share the audience and every sampled draw; src/verdict/paired.ts), else Welch's
 * interval from the two aggregates (./welch-difference.ts). A difference is significant when its
 * interval excludes 0.
 */
import { numericMetrics } from '../run/aggregate.js';
import type { Aggregate, Results, RunResult, Spread } from '../run/results.js';
import { isConditionalMetric, RATIO_METRICS } from '../thresholds/metric-names.js';
import { pairedDifference } from '../verdict/paired.js';
import { headlineMetrics } from './headline-metrics.js';
import { welchDifference } from './welch-difference.js';

export interface DiffRow {
  readonly variant: string;
  readonly strategy: string;
  readonly metric: string;
  readonly a: number;
  readonly b: number;
  /** `b − a` (paired: the mean of the seed-by-seed differences). */
  readonly difference: number;
  readonly ci95: readonly [number, number];
  readonly method: 'paired' | 'welch';
  /** Runs the interval is over: common seeds (paired), else A's and B's runs. */
  readonly n: number | readonly [number, number];
  readonly significant: boolean;
}

export interface ResultsDiff {
  readonly rows: readonly DiffRow[];
  readonly onlyInA: readonly { variant: string; strategy: string }[];
  readonly onlyInB: readonly { variant: string; strategy: string }[];
}

const keyOf = (x: { variant: string; strategy: string }): string => JSON.stringify([x.variant, x.strategy]);

/**
 * Compares `a` and `b`: one row per metric per variant × strategy held by both (headline metrics,
 * or every numeric metric with `all`), in A's order, plus the pairs held by only one.
 * Why: did a change of scenario, policy or code move the outcome, and beyond the seeds' noise?
 * Cost O(runs × metrics).
 * @example diffResults(before, after).rows.filter((r) => r.significant)
 */
export function diffResults(a: Results, b: Results, all = false): ResultsDiff {
  const bAggs = new Map(b.aggregates.map((x) => [keyOf(x), x]));
  const aKeys = new Set(a.aggregates.map(keyOf));
  const rows: DiffRow[] = [];
  for (const aggA of a.aggregates) {
    const aggB = bAggs.get(keyOf(aggA));
    if (aggB) rows.push(...pairRows(aggA, aggB, runsOf(a, aggA), runsOf(b, aggB), all));
  }
  const pick = ({ variant, strategy }: Aggregate): { variant: string; strategy: string } => ({ variant, strategy });
  return { rows, onlyInA: a.aggregates.filter((x) => !bAggs.has(keyOf(x))).map(pick), onlyInB: b.aggregates.filter((x) => !aKeys.has(keyOf(x))).map(pick) };
}

function runsOf(results: Results, agg: Aggregate): RunResult[] {
  return results.runs.filter((r) => r.variant === agg.variant && r.strategy === agg.strategy);
}

/** A metric absent from an aggregate is a count that never happened: 0 on every seed. */
const ZERO: Pick<Spread, 'mean' | 'sd'> = { mean: 0, sd: 0 };

function pairRows(aggA: Aggregate, aggB: Aggregate, runsA: RunResult[], runsB: RunResult[], all: boolean): DiffRow[] {
  const present = [...new Set([...Object.keys(aggA.metrics), ...Object.keys(aggB.metrics)])];
  const names = all ? present : headlineMetrics(present);
  const seedsA = new Set(runsA.map((r) => r.seed));
  const common = runsB.filter((r) => seedsA.has(r.seed)).length;
  const rows: DiffRow[] = [];
  for (const metric of names) {
    const conditional = isConditionalMetric(metric);
    // a conditional metric (days to a tier) exists only in some runs: compare the runs that have it, unpaired
    if (conditional && !(aggA.metrics[metric] && aggB.metrics[metric])) continue;
    const sa = aggA.metrics[metric] ?? ZERO;
    const sb = aggB.metrics[metric] ?? ZERO;
    const base = { variant: aggA.variant, strategy: aggA.strategy, metric, a: sa.mean, b: sb.mean };
    // a cost ratio present in every run of both sides is paired like a count (RATIO_METRICS)
    const everyRun = (RATIO_METRICS as readonly string[]).includes(metric) && (aggA.metrics[metric]?.n ?? aggA.seeds) === aggA.seeds && (aggB.metrics[metric]?.n ?? aggB.seeds) === aggB.seeds;
    const paired = (!conditional || everyRun) && common >= 2 ? pairedDifference(runsB, runsA, (r) => numericMetrics(r.summary)[metric] ?? 0) : undefined;
    if (paired) {
      rows.push({ ...base, difference: paired.mean, ci95: paired.ci95, method: 'paired', n: paired.n, significant: excludesZero(paired.ci95, paired.n) });
      continue;
    }
    const nA = (aggA.metrics[metric] as Spread | undefined)?.n ?? aggA.seeds;
    const nB = (aggB.metrics[metric] as Spread | undefined)?.n ?? aggB.seeds;
    const w = welchDifference({ ...sa, n: nA }, { ...sb, n: nB });
    rows.push({ ...base, difference: w.mean, ci95: w.ci95, method: 'welch', n: [nA, nB], significant: excludesZero(w.ci95, Math.min(nA, nB)) });
  }
  return rows;
}

/** The interval excludes 0, over at least two runs a side (one run says nothing about noise). */
function excludesZero(ci: readonly [number, number], n: number): boolean {
  return n > 1 && (ci[0] > 0 || ci[1] < 0);
}
