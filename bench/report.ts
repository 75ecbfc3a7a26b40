/**
 * Line 6, report generation: `renderReport` on the results of a 7 strategies × 50 seeds sweep
 * (every built-in strategy: blast, warmup, tier-aware, pacing-aware, multi-number, backoff,
 * hygiene). The scenario is scenarios/default.json (14 days, two numbers, a marketing template)
 * without its variants and with AUDIENCE recipients so the untimed sweep is quick; the report's
 * cost depends on strategies × seeds × hourly points, not on the audience. Only renderReport is
 * timed, best of REPS (the first is cold, as in a fresh `wabasim report`). Target ≤ 3 s.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { renderReport } from '../src/report/render-report.js';
import { runValidatedScenario } from '../src/run/run-scenario.js';
import { validateScenarioData, type Scenario } from '../src/scenario/index.js';
import { BUILTIN_NAMES } from '../src/strategies/index.js';
import { atMost, collectGarbage, summarise, type Row } from './measure.js';

const DEFAULT_FILE = fileURLToPath(new URL('../../scenarios/default.json', import.meta.url));
const AUDIENCE = 2_000;
const SEEDS = 50;
const REPS = 3;
const TARGET_S = 3;

/**
 * The report's scenario: default.json, no variants, AUDIENCE recipients, the 7 built-in
 * strategies, SEEDS seeds.
 * @throws {UserInputError} if the patched scenario stops validating (a bench bug)
 * @example reportScenario().strategies.length // 7
 */
export function reportScenario(): Scenario {
  const data = JSON.parse(readFileSync(DEFAULT_FILE, 'utf8')) as Record<string, unknown> & { audience: { segments: { size: number }[] } };
  delete data.variants;
  data.name = 'bench-report';
  data.seeds = SEEDS;
  data.strategies = [...BUILTIN_NAMES];
  data.audience.segments[0].size = AUDIENCE;
  return validateScenarioData(data, { file: DEFAULT_FILE, strategyNames: BUILTIN_NAMES });
}

/**
 * Runs the 7 × 50 sweep (untimed, on 2 workers), then times renderReport on its results.
 * Why: the report target is about rendering, not simulating; results are the same on any workers.
 * @example (await benchReport()).figure // e.g. "0.62 s"
 */
export async function benchReport(): Promise<Row> {
  const scenario = reportScenario();
  const results = await runValidatedScenario(scenario, DEFAULT_FILE, { workers: 2 });
  const seconds: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REPS; i++) {
    collectGarbage();
    const t0 = performance.now();
    bytes = (await renderReport(results)).length;
    seconds.push((performance.now() - t0) / 1000);
  }
  const t = summarise(bytes, seconds);
  const strategies = new Set(results.runs.map((r) => r.strategy)).size;
  return atMost(`report (${strategies} strategies × ${SEEDS} seeds)`, t.best, TARGET_S, (v) => `${v.toFixed(2)} s`, [
    `report: renderReport on ${results.runs.length} runs (${strategies} strategies × ${SEEDS} seeds, ${scenario.horizonDays} days): best ${t.best.toFixed(2)} s, first (cold) ${seconds[0].toFixed(2)} s, median ${t.median.toFixed(2)} s of ${REPS}; ${(bytes / 1e6).toFixed(2)} MB of HTML`,
  ]);
}
