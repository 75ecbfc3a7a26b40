/**
 * Warnings about what a scenario declares and no strategy used (issue 22 item 5): numbers that
 * sent nothing in any run of a strategy, recipients' time zones or local windows whose local time
 * no strategy read, attributes no strategy read. The runs count API calls (model/strategy-host.ts
 * ApiUsage); this judges the counts of the whole sweep (or shard). Warnings go to stderr, the
 * exit code is unchanged, and results.json never carries the counts.
 */
import { realismMsg } from '../errors/index.js';
import type { Scenario } from '../scenario/index.js';
import type { RunResult } from './results.js';

/**
 * Warning lines for `runs` of `scenario`: one per unused number (naming the strategies that
 * never sent from it), one for unread time zones / local windows, one for unread attributes.
 * @example unusedDeclarations(scenario, 'shop.json', runs) // ['warning: shop.json: number "b" sent nothing in any run of blast (…)']
 */
export function unusedDeclarations(scenario: Scenario, file: string, runs: readonly RunResult[]): string[] {
  const withUsage = runs.filter((r) => r.usage !== undefined);
  if (withUsage.length === 0) return [];
  const strategies = [...new Set(withUsage.map((r) => r.strategy))];
  const lines: string[] = [];
  for (const n of scenario.portfolio.numbers) {
    const idle = strategies.filter((s) => withUsage.every((r) => r.strategy !== s || !r.usage!.sentFrom.includes(n.id)));
    if (idle.length > 0) lines.push(realismMsg.unusedNumber(file, n.id, idle));
  }
  const segs = scenario.audience.segments;
  const zones = segs.some((s) => s.timeZones !== undefined);
  const windows = segs.some((s) => s.localWindow !== undefined) || scenario.campaigns.some((c) => c.localWindow !== undefined);
  if (zones || windows) {
    const blind = strategies.filter((s) => withUsage.every((r) => r.strategy !== s || !r.usage!.localTime));
    if (blind.length > 0) lines.push(realismMsg.unusedLocalTime(file, [zones ? 'time zones' : '', windows ? 'local windows' : ''].filter(Boolean).join(' and '), blind));
  }
  const names = [...new Set(segs.flatMap((s) => Object.keys(s.attributes ?? {})))];
  if (names.length > 0) {
    const blind = strategies.filter((s) => withUsage.every((r) => r.strategy !== s || !r.usage!.attributes));
    if (blind.length > 0) lines.push(realismMsg.unusedAttributes(file, names, blind));
  }
  return lines;
}

/** The run without its usage counts (results.json stays as before). */
export function withoutUsage(run: RunResult): RunResult {
  if (run.usage === undefined) return run;
  const { usage: _usage, ...rest } = run;
  return rest;
}
