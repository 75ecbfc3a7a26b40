/** Baseline checks as JUnit XML (`baseline check --junit`): a suite per scenario, a case per metric of each variant × strategy. */
import { baselineMsg } from '../errors/index.js';
import { junitXml, type JunitCase, type JunitSuite } from '../format/index.js';
import { toleranceFor } from './check.js';
import { metricRank } from './headline.js';
import type { Baseline, CheckResult, DriftRow } from './types.js';

/** One scenario's check: the scenario file, its baseline file and baseline, and the outcome. */
export interface CheckedScenario {
  readonly scenario: string;
  readonly file: string;
  readonly baseline: Baseline;
  readonly result: CheckResult;
}

const pairKey = (variant: string, strategy: string): string => JSON.stringify([variant, strategy]);
const number = (v: number | null): string => (v === null ? 'absent' : String(v));
const signed = (n: number | null): string => (n === null ? '' : n > 0 ? `+${n}` : String(n));

/**
 * The JUnit document of `checks`: one `<testsuite>` per scenario; in it, per variant × strategy
 * (classname `SCENARIO: VARIANT × STRATEGY`), one `<testcase>` per metric compared (headline
 * metrics first), failed when its mean, p5 or p95 drifted beyond the tolerance — the failure
 * names each drifted statistic with baseline, now and delta, and the tolerance that applied — plus
 * a failed case for a pair present on one side only or a changed seed count.
 * @example baselineJunit([{ scenario: 'scenarios/default.json', file: 'baselines/default.json', baseline, result }])
 */
export function baselineJunit(checks: readonly CheckedScenario[]): string {
  const suites: JunitSuite[] = checks.map(({ scenario, file, baseline, result }) => {
    const classname = (variant: string, strategy: string): string => `${scenario}: ${variant} × ${strategy}`;
    const byMetric = new Map<string, DriftRow[]>();
    const cases: JunitCase[] = [];
    for (const d of result.drift) {
      if (d.stat === 'entry' || d.stat === 'seeds') {
        cases.push({ classname: classname(d.variant, d.strategy), name: d.stat === 'entry' ? '(variant × strategy)' : 'seeds', failure: { message: baselineMsg.drift(d.stat === 'entry' ? 'runs' : 'seeds', number(d.baseline), number(d.now), signed(d.delta)), details: `baseline ${file}`, type: 'drift' } });
        continue;
      }
      const k = JSON.stringify([d.variant, d.strategy, d.metric]);
      byMetric.set(k, [...(byMetric.get(k) ?? []), d]);
    }
    const order = new Map(baseline.entries.map((e, i) => [pairKey(e.variant, e.strategy), i]));
    const checked = [...result.checked].sort((a, b) => (order.get(pairKey(a.variant, a.strategy)) ?? 0) - (order.get(pairKey(b.variant, b.strategy)) ?? 0) || metricRank(a.metric) - metricRank(b.metric) || (a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0));
    for (const c of checked) {
      const rows = byMetric.get(JSON.stringify([c.variant, c.strategy, c.metric])) ?? [];
      const lines = rows.map((d) => baselineMsg.drift(d.stat, number(d.baseline), number(d.now), signed(d.delta)));
      const t = toleranceFor(baseline.tolerance, c.metric);
      cases.push({
        classname: classname(c.variant, c.strategy),
        name: c.metric,
        ...(rows.length ? { failure: { message: lines.join('; '), details: `${lines.join('\n')}\ntolerance relative ${t.relative}, absolute ${t.absolute} (the "tolerance" section of ${file})`, type: 'drift' } } : {}),
      });
    }
    return { name: scenario, cases };
  });
  return junitXml('wabasim baseline check', suites);
}
