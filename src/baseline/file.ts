/** Baseline files: where they live, reading them (checked, every problem at once), writing them. */
import { existsSync } from 'node:fs';
import { basename, join, normalize, relative, resolve, sep } from 'node:path';
import { msg, UserInputError, type Issue } from '../errors/index.js';
import { readJsonFile } from '../scenario/index.js';
import { BASELINE_STATS, type Baseline } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTolerance = (v: unknown): boolean => isObj(v) && typeof v.relative === 'number' && v.relative >= 0 && typeof v.absolute === 'number' && v.absolute >= 0;

/** The folder of baseline files when `--dir` is not given. */
export const DEFAULT_BASELINE_DIR = 'baselines';

/**
 * `dir` as a re-record hint should repeat it: undefined for the default folder (no `--dir` needed).
 * @example dirForHint('baselines/') // undefined
 * @example dirForHint('/tmp/b') // '/tmp/b'
 */
export function dirForHint(dir: string): string | undefined {
  return normalize(dir).replace(/[\\/]+$/, '') === DEFAULT_BASELINE_DIR ? undefined : dir;
}

/**
 * The baseline file of `scenario` in `dir`: the scenario's file name.
 * @example baselinePath('baselines', 'scenarios/default.json') // 'baselines/default.json'
 */
export function baselinePath(dir: string, scenario: string): string {
  return join(dir, basename(scenario));
}

/**
 * Scenarios among `scenarios` that map to one baseline file in `dir` (same file name, compared
 * without case so a baseline folder means the same on every file system): one issue per pair.
 * Why: `record` would silently overwrite the first baseline with the second; `check` would compare
 * a scenario against another's baseline.
 * @example baselineCollisions('baselines', ['a/x.json', 'b/x.json'])[0].file // 'b/x.json'
 */
export function baselineCollisions(dir: string, scenarios: readonly string[]): Issue[] {
  const owner = new Map<string, string>();
  const issues: Issue[] = [];
  for (const scenario of scenarios) {
    const file = baselinePath(dir, scenario);
    const key = resolve(file).toLowerCase();
    const other = owner.get(key);
    if (other !== undefined) issues.push(msg.sameBaseline(scenario, other, file));
    else owner.set(key, scenario);
  }
  return issues;
}

/**
 * `file` as recorded in a baseline: relative to the working directory, with forward slashes.
 * @example scenarioRef('/repo/scenarios/default.json') // 'scenarios/default.json' when run from /repo
 */
export function scenarioRef(file: string): string {
  return relative(process.cwd(), file).split(sep).join('/');
}

/**
 * Problems in `data` as a baseline (empty when it is one).
 * @example baselineIssues({}, 'b.json')[0].pointer // '/scenario'
 */
export function baselineIssues(data: unknown, file: string): Issue[] {
  const issues: Issue[] = [];
  const bad = (pointer: string, expected: string, found: unknown): void => void issues.push(msg.notBaseline(file, pointer, expected, found));
  if (!isObj(data)) return [msg.notBaseline(file, '', 'an object', data)];
  if (typeof data.scenario !== 'string') bad('/scenario', 'the scenario file path', data.scenario);
  const tol = data.tolerance;
  if (!isObj(tol) || !isTolerance(tol.default) || !isObj(tol.metrics)) bad('/tolerance', 'a tolerance section {default: {relative, absolute}, metrics: {}} with non-negative numbers', tol);
  else for (const [name, t] of Object.entries(tol.metrics)) if (!isTolerance(t)) bad(`/tolerance/metrics/${name}`, 'a tolerance {relative, absolute} with non-negative numbers', t);
  if (!Array.isArray(data.entries)) bad('/entries', 'a list of variant × strategy entries', data.entries);
  else
    data.entries.forEach((e, i) => {
      if (issues.length >= 20) return;
      if (!isObj(e) || typeof e.variant !== 'string' || typeof e.strategy !== 'string' || typeof e.seeds !== 'number' || !isObj(e.metrics)) return bad(`/entries/${i}`, 'an entry with variant, strategy, seeds and metrics', e);
      for (const [name, s] of Object.entries(e.metrics)) if (!isObj(s) || !BASELINE_STATS.every((k) => typeof s[k] === 'number')) return bad(`/entries/${i}/metrics/${name}`, `the statistics ${BASELINE_STATS.join(', ')} as numbers`, s);
    });
  return issues;
}

/**
 * Reads the baseline at `file`, recorded for `scenario`; `dir` is the `--dir` it was looked up in
 * (repeated in the hint when it is not the default).
 * @throws {UserInputError} when it is missing (saying how to record it), not JSON or not a baseline
 * @example const baseline = readBaseline('baselines/default.json', 'scenarios/default.json');
 */
export function readBaseline(file: string, scenario: string, dir: string = DEFAULT_BASELINE_DIR): Baseline {
  if (!existsSync(file)) throw new UserInputError([msg.missingBaseline(file, scenario, dirForHint(dir))]);
  const data = readJsonFile(file);
  const issues = baselineIssues(data, file);
  if (issues.length) throw new UserInputError(issues);
  return data as Baseline;
}

/**
 * The file text of `baseline`: stable key order, one metric per line, final newline.
 * Why: baselines are committed; small diffs review well.
 * @example serializeBaseline(baseline).endsWith('\n') // true
 */
export function serializeBaseline(baseline: Baseline): string {
  const j = (v: unknown): string => JSON.stringify(v);
  const tolerance = [`  "default": ${j(baseline.tolerance.default)}`, `  "metrics": {${Object.entries(baseline.tolerance.metrics).map(([k, t]) => `\n   ${j(k)}: ${j(t)}`).join(',')}${Object.keys(baseline.tolerance.metrics).length ? '\n  ' : ''}}`];
  const entries = baseline.entries.map((e) => {
    const metrics = Object.entries(e.metrics).map(([k, s]) => `    ${j(k)}: ${j(Object.fromEntries(BASELINE_STATS.map((stat) => [stat, s[stat]])))}`);
    return `  {\n   "variant": ${j(e.variant)},\n   "strategy": ${j(e.strategy)},\n   "seeds": ${j(e.seeds)},\n   "metrics": {\n${metrics.join(',\n')}\n   }\n  }`;
  });
  return `{\n "wabasim": ${j(baseline.wabasim)},\n "scenario": ${j(baseline.scenario)},\n "tolerance": {\n${tolerance.join(',\n')}\n },\n "entries": [\n${entries.join(',\n')}\n ]\n}\n`;
}
