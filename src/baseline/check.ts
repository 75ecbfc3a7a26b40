/** Comparing fresh results with a recorded baseline. */
import type { Results } from '../run/results.js';
import { baselineFromResults } from './record.js';
import { orderDrift } from './headline.js';
import { BASELINE_STATS, type Baseline, type BaselineEntry, type CheckedMetric, type CheckResult, type DriftRow, type Tolerance, type ToleranceSection } from './types.js';

/**
 * The tolerance for `metric`: an exact entry, else the longest matching `prefix*` entry, else the default.
 * @example toleranceFor({ default: { relative: 1e-9, absolute: 0 }, metrics: { 'failedByCode.*': { relative: 0.01, absolute: 0 } } }, 'failedByCode.130429').relative // 0.01
 */
export function toleranceFor(section: ToleranceSection, metric: string): Tolerance {
  const exact = section.metrics[metric];
  if (exact) return exact;
  let best: { length: number; tolerance: Tolerance } | undefined;
  for (const [pattern, tolerance] of Object.entries(section.metrics)) {
    if (!pattern.endsWith('*')) continue;
    const prefix = pattern.slice(0, -1);
    if (metric.startsWith(prefix) && (!best || prefix.length > best.length)) best = { length: prefix.length, tolerance };
  }
  return best?.tolerance ?? section.default;
}

/**
 * Whether `now` is within `tolerance` of `base`.
 * @example withinTolerance(100, 100.0000000001, { relative: 1e-9, absolute: 0 }) // true
 */
export function withinTolerance(base: number, now: number, tolerance: Tolerance): boolean {
  if (base === now) return true;
  if (!Number.isFinite(base) || !Number.isFinite(now)) return false;
  return Math.abs(now - base) <= Math.max(tolerance.absolute, tolerance.relative * Math.max(Math.abs(base), Math.abs(now)));
}

const key = (e: { variant: string; strategy: string }): string => JSON.stringify([e.variant, e.strategy]);

/** A metric's family: its name before the first dot (`failedByCode` for `failedByCode.131049`). */
const familyOf = (metric: string): string => metric.split('.')[0];

function compareEntry(base: BaselineEntry, now: BaselineEntry, tolerance: ToleranceSection, drift: DriftRow[], checked: CheckedMetric[], known: ReadonlySet<string>): number {
  const row = (metric: string, stat: DriftRow['stat'], b: number | null, n: number | null): void =>
    void drift.push({ variant: base.variant, strategy: base.strategy, metric, stat, baseline: b, now: n, delta: b !== null && n !== null ? n - b : null });
  let compared = 1;
  if (base.seeds !== now.seeds) row('seeds', 'seeds', base.seeds, now.seeds);
  const metrics = [...new Set([...Object.keys(base.metrics), ...Object.keys(now.metrics)])].sort();
  for (const metric of metrics) {
    checked.push({ variant: base.variant, strategy: base.strategy, metric });
    const b = base.metrics[metric];
    const n = now.metrics[metric];
    // a metric the summary gained after the baseline was recorded (its family is in no entry, e.g. cost) is not drift: record again to check it
    if (!b && !known.has(familyOf(metric))) continue;
    for (const stat of BASELINE_STATS) {
      compared++;
      if (!b || !n) row(metric, stat, b ? b[stat] : null, n ? n[stat] : null);
      else if (!withinTolerance(b[stat], n[stat], toleranceFor(tolerance, metric))) row(metric, stat, b[stat], n[stat]);
    }
  }
  return compared;
}

/**
 * Compares `results` with `baseline` under the baseline's tolerances. Variant × strategy pairs
 * or metrics present on one side only are drift too — except a metric of a family no entry of the
 * baseline has (one the run summary gained after the baseline was recorded, such as `cost`). Drift rows come in reading order
 * (orderDrift: pairs and seed counts, then headline metrics, then the rest by name).
 * Why: `wabasim baseline check` exits 1 when the model's outputs moved.
 * Cost: linear in metrics × entries.
 * @example checkBaseline(baseline, results).drift.length // 0 when nothing moved
 */
export function checkBaseline(baseline: Baseline, results: Results): CheckResult {
  const now = baselineFromResults(results, baseline.scenario, baseline.tolerance);
  const nowByKey = new Map(now.entries.map((e) => [key(e), e]));
  const baseKeys = new Set(baseline.entries.map(key));
  const drift: DriftRow[] = [];
  const checked: CheckedMetric[] = [];
  let compared = 0;
  const known = new Set(baseline.entries.flatMap((e) => Object.keys(e.metrics).map(familyOf)));
  for (const base of baseline.entries) {
    const fresh = nowByKey.get(key(base));
    if (fresh) compared += compareEntry(base, fresh, baseline.tolerance, drift, checked, known);
    else drift.push({ variant: base.variant, strategy: base.strategy, metric: '(variant × strategy)', stat: 'entry', baseline: base.seeds, now: null, delta: null });
  }
  for (const fresh of now.entries)
    if (!baseKeys.has(key(fresh))) drift.push({ variant: fresh.variant, strategy: fresh.strategy, metric: '(variant × strategy)', stat: 'entry', baseline: null, now: fresh.seeds, delta: null });
  return { compared, checked, drift: orderDrift(drift) };
}
