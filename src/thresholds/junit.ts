/** Thresholds as JUnit XML (`run --junit`, `report --junit`): a suite per variant × strategy, a case per threshold condition. */
import { thresholdMsg } from '../errors/index.js';
import { junitXml, type JunitSuite } from '../format/index.js';
import type { ThresholdOutcome } from './evaluate.js';
import { observedText } from './text.js';

/**
 * The JUnit document of `outcome` for scenario `scenario`: one `<testsuite>` per variant ×
 * strategy (in results order), one `<testcase>` per threshold condition, named `KEY: CONDITION`;
 * a failed check carries `<failure message="CONDITION failed: OBSERVED">`; skipped thresholds
 * (their scope matched nothing) form a last suite of skipped cases.
 * @example thresholdJunit(evaluateThresholds(results, file), 'default') // '<?xml version="1.0" …'
 */
export function thresholdJunit(outcome: ThresholdOutcome, scenario: string): string {
  const suites = new Map<string, JunitSuite & { cases: JunitSuite['cases'][number][] }>();
  for (const c of outcome.checks) {
    const name = `${scenario}: ${c.variant} × ${c.strategy}`;
    let suite = suites.get(name);
    if (!suite) suites.set(name, (suite = { name, cases: [] }));
    const observed = observedText(c);
    suite.cases.push({
      classname: name,
      name: `${c.key}: ${c.condition}`,
      ...(c.passed ? {} : { failure: { message: thresholdMsg.failure(c.condition, observed), details: `metric ${c.metric}\nvariant ${c.variant}\nstrategy ${c.strategy}\nexpected ${c.condition}\nobserved ${observed}`, type: 'threshold' } }),
    });
  }
  const skipped: JunitSuite[] = outcome.skipped.length
    ? [{ name: `${scenario}: skipped`, cases: outcome.skipped.map((s) => ({ classname: `${scenario}: skipped`, name: `${s.key}: ${s.condition}`, skipped: s.reason })) }]
    : [];
  return junitXml(`wabasim thresholds: ${scenario}`, [...suites.values(), ...skipped]);
}
