/**
 * Reading sensitivity.json back (`wabasim run` and `wabasim report` put it in the report when it
 * sits in the output directory): the shape the report reads is checked, and a file that belongs
 * to another scenario echo (digest) is left out with a one-line warning, never an error.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sensitivityMsg, UserInputError, type Issue } from '../errors/index.js';
import { readJsonFile } from '../scenario/index.js';
import { echoDigest } from './digest.js';
import { SENSITIVITY_KIND, type SensitivityResults } from './types.js';

/** The file name in an output directory. */
export const SENSITIVITY_FILE = 'sensitivity.json';
/** Largest sensitivity.json read back (a 20,000-draw analysis of a big scenario stays well below). */
export const MAX_SENSITIVITY_BYTES = 256 * 1024 * 1024;
const MAX_ISSUES = 20;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): boolean => typeof v === 'string';

/**
 * Problems in the shape of a sensitivity.json (at most 20): every field the report reads, typed.
 * @example sensitivityIssues({}, 'x.json')[0].pointer // '/kind'
 */
export function sensitivityIssues(data: unknown, file: string): Issue[] {
  const issues: Issue[] = [];
  const bad = (pointer: string, expected: string, found: unknown): void => void issues.push(sensitivityMsg.notSensitivity(file, pointer, expected, found));
  const list = (v: unknown, pointer: string, each: (item: unknown, at: string) => void): void => {
    if (!Array.isArray(v)) return bad(pointer, 'a list', v);
    v.forEach((item, i) => issues.length < MAX_ISSUES && each(item, `${pointer}/${i}`));
  };
  const fields = (v: unknown, at: string, spec: Readonly<Record<string, (x: unknown) => boolean>>, what: string): v is Obj => {
    if (!isObj(v) || !Object.entries(spec).every(([k, ok]) => ok(v[k]))) {
      bad(at, what, v);
      return false;
    }
    return true;
  };
  if (!isObj(data)) return [sensitivityMsg.notSensitivity(file, '', 'an object', data)];
  if (data.kind !== SENSITIVITY_KIND) return [sensitivityMsg.notSensitivity(file, '/kind', `"${SENSITIVITY_KIND}"`, data.kind)];
  fields(data, '', { wabasim: isStr, scenarioDigest: isStr, objective: isStr, scenario: (s) => isObj(s) && isStr(s.name) }, 'wabasim, scenarioDigest, objective and scenario.name');
  fields(data.settings, '/settings', { draws: isNum, seedsPerDraw: isNum, trajectories: isNum, samples: isNum, points: isNum, runs: isNum, baseSeeds: Array.isArray }, 'the settings of an analysis');
  const range = (r: unknown): boolean => isObj(r) && isStr(r.policy) && isNum(r.low) && isNum(r.high) && isNum(r.value) && isStr(r.source);
  list(data.parameters, '/parameters', (p, at) => fields(p, at, { path: isStr, unit: isStr, ranges: (r) => Array.isArray(r) && r.every(range), heldBy: (h) => Array.isArray(h) && h.every(isStr) }, 'a parameter with path, unit, ranges and heldBy'));
  list(data.notVaried, '/notVaried', (p, at) => fields(p, at, { path: isStr, label: isStr, reason: isStr }, 'a parameter with path, label and reason'));
  list(data.outcomes, '/outcomes', (o, at) => !isStr(o) && bad(at, 'an outcome name', o));
  list(data.absentOutcomes, '/absentOutcomes', (o, at) => !isStr(o) && bad(at, 'an outcome name', o));
  const named = (keys: readonly string[]) => (x: unknown): boolean => Array.isArray(x) && x.every((e) => isObj(e) && isStr(e.path) && keys.every((k) => isNum(e[k])));
  const interval = (c: unknown): boolean => c === null || (Array.isArray(c) && c.length === 2 && c.every(isNum));
  list(data.variants, '/variants', (v, at) => {
    if (!fields(v, at, { name: isStr, policy: isStr, recommended: (r) => r === null || isStr(r) }, 'a variant with name, policy and recommended')) return;
    list(v.strategies, `${at}/strategies`, (s, sat) => {
      if (!fields(s, sat, { strategy: isStr, outcomes: isObj }, 'a strategy with its outcomes')) return;
      for (const [name, o] of Object.entries(s.outcomes as Obj)) {
        fields(o, `${sat}/outcomes/${name}`, {
          base: isNum, mean: isNum, sd: isNum, firstOrderSum: isNum,
          screening: named(['muStar', 'mu', 'sigma']),
          firstOrder: (f) => Array.isArray(f) && f.every((e) => isObj(e) && isStr(e.path) && isNum(e.index) && interval(e.ci95)),
          tornado: named(['low', 'high']),
        }, 'an outcome with base, mean, sd, screening, firstOrder, firstOrderSum and tornado');
      }
    });
    const third = (t: unknown): boolean => isObj(t) && isNum(t.draws) && isNum(t.flips);
    fields(v.robustness, `${at}/robustness`, {
      recommended: (r) => r === null || isStr(r), seedsWon: isNum, seeds: isNum, draws: isNum, stays: isNum,
      instead: (x) => Array.isArray(x) && x.every((e) => isObj(e) && isStr(e.strategy) && isNum(e.draws)),
      drivers: (x) => Array.isArray(x) && x.every((e) => isObj(e) && isStr(e.path) && isNum(e.pairFlips) && isNum(e.pairs) && Array.isArray(e.thirds) && e.thirds.length === 3 && e.thirds.every(third)),
    }, 'the robustness of the recommendation');
  });
  return issues.slice(0, MAX_ISSUES);
}

/**
 * Reads and checks the sensitivity.json at `file`.
 * @throws {UserInputError} when it is missing, too large, not JSON or not a sensitivity file
 * @example const s = readSensitivityFile('reports/default/sensitivity.json');
 */
export function readSensitivityFile(file: string): SensitivityResults {
  const data = readJsonFile(file, MAX_SENSITIVITY_BYTES);
  const issues = sensitivityIssues(data, file);
  if (issues.length) throw new UserInputError(issues);
  return data as SensitivityResults;
}

/**
 * The sensitivity.json in `dir` when it belongs beside results with scenario echo `scenario`
 * (same digest), else undefined — with a one-line warning through `warn` when the file is there
 * but unreadable or of another scenario. `resultsName` names the results in the warning.
 * Why: `run` and `report` add its section to the report only when it describes the same scenario.
 * @example sensitivityBeside('reports/default', results.scenario, 'results.json', (l) => process.stderr.write(`${l}\n`))
 */
export function sensitivityBeside(dir: string, scenario: unknown, resultsName: string, warn: (line: string) => void): SensitivityResults | undefined {
  const file = join(dir, SENSITIVITY_FILE);
  if (!existsSync(file)) return undefined;
  let s: SensitivityResults;
  try {
    s = readSensitivityFile(file);
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    warn(sensitivityMsg.unreadable(file, err.issues.length ? `${err.issues[0].pointer || '(document)'}: expected ${err.issues[0].expected}, found ${err.issues[0].found}` : 'unreadable'));
    return undefined;
  }
  if (s.scenarioDigest !== echoDigest(scenario)) {
    warn(sensitivityMsg.otherScenario(file, resultsName));
    return undefined;
  }
  return s;
}
