/**
 * Line 4, scale: the bundled `large` scenario (scenarios/large.json: 1,000,000 recipients at
 * TIER_UNLIMITED, one number, three waves on days 0, 10 and 20 at 80 per second over a 30-day
 * horizon — about 3,000,000 sends with full feedback) run end to end by `runScenario` on one
 * thread: `workers: 0`, the main thread, as `wabasim run scenarios/large.json --workers 0` does
 * before it writes files (load, validate, plan, build the world, simulate, aggregate).
 * Targets: wall time ≤ 10 s and peak RSS ≤ 1.5 GB (10⁹ bytes; maxRSS of the whole process, node
 * itself included). One cold run per process; index.ts runs the case in fresh processes and keeps
 * the best (`bestOf`), since a cold run in a fresh process is what a user gets.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { runScenario } from '../src/run/run-scenario.js';
import { atMost, collectGarbage, type Row } from './measure.js';

/** The bundled scenario, from dist/bench/ or bench/ alike. */
export const LARGE_FILE = fileURLToPath(new URL('../../scenarios/large.json', import.meta.url));

const WALL_TARGET_S = 10;
const RSS_TARGET_BYTES = 1.5e9;

/**
 * Runs the large scenario once in this process and returns two lines: wall time vs 10 s, peak
 * RSS vs 1.5 GB. Call it in a fresh process (`--case large`): the RSS is the process's peak.
 * Why: the scale target is about one whole run on one thread, world build included.
 * @example const [wall, rss] = await benchLarge();
 */
export async function benchLarge(): Promise<Row[]> {
  collectGarbage();
  const t0 = performance.now();
  const results = await runScenario(LARGE_FILE, { workers: 0 });
  const seconds = (performance.now() - t0) / 1000;
  const peakBytes = process.resourceUsage().maxRSS * 1024;
  const run = results.runs[0];
  const count = (n: number): string => n.toLocaleString('en-US');
  const wall = atMost('large: wall (1 M recipients, 30 days, 1 thread)', seconds, WALL_TARGET_S, (v) => `${v.toFixed(2)} s`, [
    `large: ${count(run.events)} events for ${count(run.summary.accepted)} accepted sends in ${seconds.toFixed(2)} s (${(run.events / seconds / 1e6).toFixed(2)} M events/s), runScenario end to end, workers: 0`,
  ]);
  const rss = atMost('large: peak RSS', peakBytes / 1e9, RSS_TARGET_BYTES / 1e9, (v) => `${v.toFixed(2)} GB`, [
    `large: peak RSS ${(peakBytes / 1e6).toFixed(0)} MB (process.resourceUsage().maxRSS of its own node process, runtime included; GB = 10⁹ bytes)`,
  ]);
  return [wall, rss];
}
