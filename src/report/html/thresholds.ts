/**
 * The report's Thresholds section (issue 19 item 4): each threshold condition of the scenario
 * judged on each variant × strategy it applies to, as `wabasim run` judges them; nothing when the
 * scenario declares none.
 */
import { thresholdMsg } from '../../errors/index.js';
import { formatNumberRounded } from '../../format/index.js';
import { evaluateThresholds, type ThresholdCheck } from '../../thresholds/index.js';
import { escapeHtml } from '../format.js';
import type { ReportData } from '../report-data.js';

function row(c: ThresholdCheck): string {
  const observed = `${c.aggregation} = ${formatNumberRounded(c.observed)}${c.aggregation === 'rate' ? ` (${c.nonZero} of ${c.runs} runs)` : ''}`;
  return `<tr><td><code>${escapeHtml(c.key)}</code></td><td><code>${escapeHtml(c.condition)}</code></td><td>${escapeHtml(c.variant)} × ${escapeHtml(c.strategy)}</td><td>${escapeHtml(observed)}</td><td>${c.passed ? 'passed' : '<strong>FAILED</strong>'}</td></tr>`;
}

/**
 * The Thresholds section: a summary line and a table of every check (threshold, condition,
 * variant × strategy, observed value, result), failed checks first; '' without thresholds.
 * Why: the report shows the same verdict the CI gate gave. Cost O(checks × runs).
 * @example thresholdsSection(reportData(results)) // '<section id="thresholds">…' or ''
 */
export function thresholdsSection(data: ReportData): string {
  const outcome = evaluateThresholds(data.results, 'results.json');
  if (outcome.checks.length === 0 && outcome.skipped.length === 0) return '';
  const failed = outcome.checks.filter((c) => !c.passed);
  const rows = [...failed, ...outcome.checks.filter((c) => c.passed)].map(row);
  const skipped = outcome.skipped.map((s) => `<li><code>${escapeHtml(s.key)}</code> <code>${escapeHtml(s.condition)}</code>: ${escapeHtml(s.reason)}</li>`);
  const tally = thresholdMsg.tally(outcome.checks.length - failed.length, failed.length, new Set(outcome.skipped.map((s) => s.key)).size);
  return `<section id="thresholds"><h2>Thresholds</h2><p>The scenario's <code>thresholds</code>, each condition judged across the runs of every variant × strategy it applies to (<code>wabasim run</code> exits 1 when one fails): <strong>${escapeHtml(tally)}</strong>.</p><table class="thresholds"><thead><tr><th>Threshold</th><th>Condition</th><th>Variant × strategy</th><th>Observed</th><th>Result</th></tr></thead><tbody>${rows.join('')}</tbody></table>${skipped.length ? `<p class="skipped">Skipped:</p><ul class="skipped">${skipped.join('')}</ul>` : ''}</section>`;
}
