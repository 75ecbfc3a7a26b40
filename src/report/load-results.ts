/**
 * Reading a saved results.json for `wabasim report`: the file must exist, parse as JSON and have
 * the shape `wabasim run` writes. Every problem found is reported at once (UserInputError).
 */
import { msg, UserInputError, type Issue } from '../errors/index.js';
import { MAX_RESULTS_BYTES, type Results } from '../run/results.js';
import { readJsonFile } from '../scenario/index.js';


/** Problems reported before giving up on a file (the first ones say enough). */
const MAX_ISSUES = 20;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Checks that `data` has the shape of a results file; returns every problem (at most 20).
 * Why: a report must not be rendered from a scenario file or truncated JSON by mistake.
 * Cost: linear in the file (every series value is checked to be a number).
 * @example resultsIssues({}, 'x.json')[0].pointer // '/wabasim'
 */
export function resultsIssues(data: unknown, file: string): Issue[] {
  const issues: Issue[] = [];
  const bad = (pointer: string, expected: string, found: unknown): boolean => (issues.push(msg.notResults(file, pointer, expected, found)), false);
  if (!isObj(data)) return [msg.notResults(file, '', 'an object', data)];
  if (typeof data.wabasim !== 'string') bad('/wabasim', 'the wabasim version that wrote the file', data.wabasim);
  const list = (key: string): unknown[] => (Array.isArray(data[key]) ? (data[key] as unknown[]) : (bad(`/${key}`, 'a list', data[key]), []));
  list('variants').forEach((v, i) => {
    if (issues.length >= MAX_ISSUES) return;
    if (!isObj(v) || typeof v.name !== 'string' || typeof v.policy !== 'string' || !Array.isArray(v.parameters)) return void bad(`/variants/${i}`, 'a variant with name, policy and parameters', v);
    v.parameters.forEach((p, k) => {
      if (!isObj(p) || typeof p.path !== 'string' || typeof p.label !== 'string' || typeof p.source !== 'string' || typeof p.unit !== 'string') bad(`/variants/${i}/parameters/${k}`, 'a parameter with path, unit, source and label', p);
    });
  });
  const runs = list('runs');
  if (Array.isArray(data.runs) && runs.length === 0) bad('/runs', 'at least one run', runs);
  runs.forEach((r, i) => {
    if (issues.length >= MAX_ISSUES) return;
    if (!isObj(r) || typeof r.variant !== 'string' || typeof r.strategy !== 'string' || typeof r.seed !== 'number' || !isObj(r.summary) || !isObj(r.series))
      return void bad(`/runs/${i}`, 'a run with variant, strategy, seed, summary and series', r);
    for (const [name, values] of Object.entries(r.series)) {
      if (!Array.isArray(values) || !values.every((x) => typeof x === 'number')) return void bad(`/runs/${i}/series/${name}`, 'a list of numbers', values);
    }
  });
  list('aggregates').forEach((a, i) => {
    if (issues.length >= MAX_ISSUES) return;
    if (!isObj(a) || typeof a.variant !== 'string' || typeof a.strategy !== 'string' || typeof a.seeds !== 'number' || !isObj(a.metrics)) return void bad(`/aggregates/${i}`, 'an aggregate with variant, strategy, seeds and metrics', a);
    for (const [name, s] of Object.entries(a.metrics)) {
      if (!isObj(s) || !['mean', 'sd', 'p5', 'p50', 'p95'].every((k) => typeof s[k] === 'number')) return void bad(`/aggregates/${i}/metrics/${name}`, 'a spread {mean, sd, p5, p50, p95, min, max}', s);
    }
  });
  if (issues.length === 0 && isObj(data.shard)) {
    const shard = data.shard as Obj;
    issues.push(msg.shardResults(file, Number(shard.index), Number(shard.count)));
  }
  return issues.slice(0, MAX_ISSUES);
}

/**
 * Reads and checks the results file at `file`.
 * Why: `wabasim report` re-renders from saved results; bad input must be a clear user error.
 * @throws {UserInputError} when the file is missing, too large, not JSON or not a results file
 * @example const results = readResultsFile('reports/default/results.json');
 */
export function readResultsFile(file: string): Results {
  const data = readJsonFile(file, MAX_RESULTS_BYTES);
  const issues = resultsIssues(data, file);
  if (issues.length) throw new UserInputError(issues);
  return data as Results;
}
