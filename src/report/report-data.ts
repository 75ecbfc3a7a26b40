/**
 * What every part of the report reads: the results grouped by variant × strategy, the scenario's
 * words, and the time grid the charts use. Computed once per report.
 */
import type { Aggregate, Results, RunResult } from '../run/results.js';

/** The runs of one variant × strategy, with their aggregate across seeds. */
export interface Group {
  readonly variant: string;
  readonly strategy: string;
  readonly runs: readonly RunResult[];
  readonly aggregate: Aggregate | undefined;
}

/** The scenario fields the report shows (the echo in results.json is untyped). */
export interface ScenarioInfo {
  readonly name: string;
  readonly question: string | undefined;
  readonly description: string | undefined;
  readonly horizonDays: number | undefined;
  readonly seeds: number | undefined;
  readonly firstSeed: number | undefined;
}

export interface ReportData {
  readonly results: Results;
  readonly scenario: ScenarioInfo;
  /** Variant names in results order. */
  readonly variants: readonly string[];
  /** Strategy names in first-seen order (colour order in every chart). */
  readonly strategies: readonly string[];
  readonly groups: readonly Group[];
  /** Length of the hourly series (simulated hours). */
  readonly hours: number;
}

/** Longest line a chart draws, in points; longer hourly series are bucketed. */
export const MAX_POINTS = 250;

const text = (o: Record<string, unknown>, key: string): string | undefined => (typeof o[key] === 'string' ? (o[key] as string) : undefined);
const num = (o: Record<string, unknown>, key: string): number | undefined => (typeof o[key] === 'number' ? (o[key] as number) : undefined);

/**
 * Groups `results` for the report: runs by variant × strategy in results order, scenario words.
 * Why: every chart and table reads the same grouping, computed once.
 * Cost: linear in the number of runs.
 * @example const data = reportData(results); data.groups[0].runs.length // seeds of the first group
 */
export function reportData(results: Results): ReportData {
  const echo = results.scenario && typeof results.scenario === 'object' ? (results.scenario as Record<string, unknown>) : {};
  const scenario: ScenarioInfo = {
    name: text(echo, 'name') ?? 'scenario',
    question: text(echo, 'question'),
    description: text(echo, 'description'),
    horizonDays: num(echo, 'horizonDays'),
    seeds: num(echo, 'seeds'),
    firstSeed: num(echo, 'seed'),
  };
  const byKey = new Map<string, RunResult[]>();
  const order: { variant: string; strategy: string }[] = [];
  const strategies: string[] = [];
  for (const run of results.runs) {
    const key = JSON.stringify([run.variant, run.strategy]);
    let list = byKey.get(key);
    if (!list) {
      list = [];
      byKey.set(key, list);
      order.push({ variant: run.variant, strategy: run.strategy });
    }
    list.push(run);
    if (!strategies.includes(run.strategy)) strategies.push(run.strategy);
  }
  const variants = results.variants.map((v) => v.name);
  for (const { variant } of order) if (!variants.includes(variant)) variants.push(variant);
  const rank = (v: string): number => variants.indexOf(v);
  const groups = order
    .map(({ variant, strategy }) => ({
      variant,
      strategy,
      runs: byKey.get(JSON.stringify([variant, strategy])) ?? [],
      aggregate: results.aggregates.find((a) => a.variant === variant && a.strategy === strategy),
    }))
    .sort((a, b) => rank(a.variant) - rank(b.variant) || strategies.indexOf(a.strategy) - strategies.indexOf(b.strategy));
  let hours = 0;
  for (const run of results.runs) for (const values of Object.values(run.series)) hours = Math.max(hours, values.length);
  return { results, scenario, variants, strategies, groups, hours };
}

/**
 * Hours per point for level and cumulative lines: 1 up to MAX_POINTS hours, more beyond.
 * Why: vega's cost grows with points; a 250-point line is as legible as a 2,000-point one.
 * @example pointStep(336) // 2
 */
export function pointStep(hours: number): number {
  return Math.max(1, Math.ceil(hours / MAX_POINTS));
}
