/** What `run` and `report` print about thresholds: the failed checks as a table, the skipped ones, one summary line. */
import { thresholdMsg } from '../errors/index.js';
import { formatNumberPlain, formatTable } from '../format/index.js';
import type { ThresholdCheck, ThresholdOutcome } from './evaluate.js';

/**
 * The observed value of a check as text: `p(50) = 261 over 10 runs`, `rate = 0.3 (3 of 10 runs)`.
 * @example observedText(check) // 'mean = 9,812.4 over 10 runs'
 */
export function observedText(check: ThresholdCheck): string {
  const value = check.observed === Infinity ? '∞' : formatNumberPlain(check.observed);
  return thresholdMsg.observed(check.aggregation, value, check.nonZero, check.runs, check.never);
}

/**
 * The lines `run` and `report` print: a table of the failed checks (threshold, variant, strategy,
 * condition, observed), the skipped thresholds, and the summary line; '' when there are no thresholds.
 * @example thresholdLines({ passed: true, checks: [check], skipped: [] }) // 'thresholds: ok, the 1 check passed'
 */
export function thresholdLines(outcome: ThresholdOutcome): string {
  if (outcome.checks.length === 0 && outcome.skipped.length === 0) return '';
  const failed = outcome.checks.filter((c) => !c.passed);
  const lines: string[] = [];
  if (failed.length) lines.push(formatTable(['failed threshold', 'variant', 'strategy', 'condition', 'observed'], failed.map((c) => [c.key, c.variant, c.strategy, c.condition, observedText(c)])), '');
  for (const s of outcome.skipped) lines.push(`skipped  ${s.key}: ${s.condition} — ${s.reason}`);
  lines.push(thresholdMsg.summary(outcome.checks.length - failed.length, failed.length, new Set(outcome.skipped.map((s) => s.key)).size));
  return lines.join('\n');
}
