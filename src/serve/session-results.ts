/**
 * The outputs of a served session: results.json shaped like a normal run's (src/run/results.ts) —
 * one variant (the scenario's first), one strategy (`http-client`), one seed — summarised at the
 * simulated time the session reached, and report.html rendered from it, swapped in together.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { listParams, PROFILES, type ProfileId } from '../policy/index.js';
import { runSeries, summarize } from '../model/index.js';
import { aggregate, writeFilesTogether, type OutputFile, type ResolvedParam, type Results, type RunResult } from '../run/index.js';
import { renderReport } from '../report/index.js';
import { VERSION } from '../version.js';
import { HTTP_CLIENT, type Session } from './session.js';

/**
 * The results of `session` so far.
 * @example sessionResults(session).runs[0].strategy // 'http-client'
 */
export function sessionResults(session: Session): Results {
  const { variant, seed, ctx } = session;
  const run: RunResult = { variant: variant.name, strategy: HTTP_CLIENT, seed, summary: summarize(ctx), series: runSeries(ctx.metrics), events: ctx.sim.dispatched };
  const parameters: ResolvedParam[] = listParams(PROFILES[variant.policy as ProfileId]).map(({ path, def }) => {
    const overridden = Object.prototype.hasOwnProperty.call(variant.overrides, path);
    return { path, value: overridden ? variant.overrides[path] : def.value, overridden, unit: def.unit, source: def.source, label: def.label };
  });
  return {
    wabasim: VERSION,
    scenario: { ...variant.scenario, seeds: 1, seed, strategies: [{ name: HTTP_CLIENT, label: HTTP_CLIENT, params: {} }] },
    variants: [{ name: variant.name, description: variant.description, policy: variant.policy, parameters }],
    runs: [run],
    aggregates: aggregate([run]),
  };
}

/**
 * Writes results.json and report.html of `session` into `dir` together (or neither); returns their paths.
 * @throws {UserInputError} when the OS refuses the write (the previous files are left as they were)
 */
export async function writeSessionOutputs(session: Session, dir: string): Promise<{ results: string; report: string }> {
  const results = sessionResults(session);
  const files: OutputFile[] = [
    { path: join(dir, 'results.json'), content: `${JSON.stringify(results, null, 1)}\n` },
    { path: join(dir, 'report.html'), content: await renderReport(results) },
  ];
  mkdirSync(dir, { recursive: true });
  writeFilesTogether(files);
  return { results: files[0].path, report: files[1].path };
}
