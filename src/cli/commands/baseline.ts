/**
 * `wabasim baseline record|check SCENARIO… [--dir baselines/]` — regression baselines. `record`
 * runs each scenario (its own seeds) and stores the aggregate metrics; `check` re-runs and prints
 * what drifted beyond the recorded tolerance (exit 1), or that nothing did (exit 0).
 */
import { existsSync } from 'node:fs';
import type { Argv } from 'yargs';
import { baselineCollisions, baselineFromResults, baselineJunit, baselinePath, checkBaseline, DEFAULT_BASELINE_DIR, DEFAULT_TOLERANCE, dirForHint, readBaseline, scenarioRef, serializeBaseline, type Baseline, type CheckedScenario, type DriftRow } from '../../baseline/index.js';
import { baselineMsg, UserInputError, type Issue } from '../../errors/index.js';
import { removeCreatedDirs, runScenario, writeFileAtomic, type Results } from '../../run/index.js';
import { onAbandon, writePhase } from '../interrupt.js';
import { EXIT } from '../errors.js';
import { progressReporter } from '../progress.js';
import { formatTable } from '../../format/index.js';
import { allowStrategyPathOption, callbackTimeoutOption, defaultWorkers } from './run.js';
import { checkJunitFile, junitOption } from '../thresholds.js';

export const BASELINE_ACTIONS = ['record', 'check'] as const;

export interface BaselineArgs {
  action: (typeof BASELINE_ACTIONS)[number];
  scenarios: string[];
  dir: string;
  allowStrategyPath?: string[];
  callbackTimeout?: number;
  junit?: string;
  json: boolean;
}

/** Drift rows printed before "… and N more" (--json prints them all). */
const MAX_ROWS = 60;

/**
 * The command's arguments.
 * @example yargs.command('baseline <action> <scenarios..>', '…', baselineBuilder, handler)
 */
export function baselineBuilder(y: Argv): Argv<BaselineArgs> {
  return y
    .positional('action', { choices: BASELINE_ACTIONS, demandOption: true, describe: 'record: store the current outputs; check: compare with them' })
    .positional('scenarios', { type: 'string', array: true, demandOption: true, describe: 'Scenario files' })
    .option('dir', { type: 'string', default: DEFAULT_BASELINE_DIR, describe: 'Folder of the baseline files (one per scenario, named like it)' })
    .option('allow-strategy-path', allowStrategyPathOption)
    .option('callback-timeout', callbackTimeoutOption)
    .option('junit', { ...junitOption, describe: 'With check: also write the outcome as JUnit XML to FILE (a test case per metric of each variant × strategy)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the outcome as JSON' }) as unknown as Argv<BaselineArgs>;
}

async function run(file: string, allow: readonly string[] | undefined, callbackTimeout: number | undefined): Promise<Results> {
  const progress = progressReporter();
  try {
    return await runScenario(file, { workers: defaultWorkers(), allowStrategyPaths: allow, onProgress: progress.onProgress, callbackTimeout });
  } finally {
    progress.stop();
  }
}

/**
 * Records or checks the baselines of `args.scenarios`; resolves to the exit code.
 * @throws {UserInputError} for two scenarios that map to one baseline file, a bad scenario, or
 *   (check) a missing or unreadable baseline — all baselines are looked up before anything runs
 * @example await baselineCommand({ action: 'check', scenarios: ['scenarios/default.json'], dir: 'baselines', json: false })
 */
export async function baselineCommand(args: BaselineArgs): Promise<number> {
  // two scenarios sharing a baseline file: refuse before anything runs, never overwrite one with the other
  const collisions = baselineCollisions(args.dir, args.scenarios);
  if (collisions.length) throw new UserInputError(collisions);
  if (args.action === 'record' && args.junit !== undefined) throw new UserInputError([baselineMsg.junitWithRecord(args.junit)]);
  return args.action === 'record' ? record(args) : check(args);
}

async function record(args: BaselineArgs): Promise<number> {
  const done: { scenario: string; baseline: string; entries: number }[] = [];
  for (const scenario of args.scenarios) {
    const file = baselinePath(args.dir, scenario);
    let tolerance = DEFAULT_TOLERANCE;
    if (existsSync(file)) {
      try {
        tolerance = readBaseline(file, scenario, args.dir).tolerance;
      } catch (err) {
        if (!(err instanceof UserInputError)) throw err;
        process.stderr.write(`note: ${file} was not a readable baseline; its tolerances are reset to the default\n`);
      }
    }
    const baseline = baselineFromResults(await run(scenario, args.allowStrategyPath, args.callbackTimeout), scenarioRef(scenario), tolerance);
    writePhase([file], () => writeFileAtomic(file, serializeBaseline(baseline)));
    done.push({ scenario, baseline: file, entries: baseline.entries.length });
    if (!args.json) process.stdout.write(`recorded ${file} (${baseline.entries.length} variant × strategy entr${baseline.entries.length === 1 ? 'y' : 'ies'}) from ${scenario}\n`);
  }
  if (args.json) process.stdout.write(`${JSON.stringify(done, null, 2)}\n`);
  return EXIT.ok;
}

async function check(args: BaselineArgs): Promise<number> {
  // look every baseline up first: one error listing all missing ones, before any long run
  const issues: Issue[] = [];
  const baselines: { scenario: string; file: string; baseline: Baseline }[] = [];
  for (const scenario of args.scenarios) {
    const file = baselinePath(args.dir, scenario);
    try {
      baselines.push({ scenario, file, baseline: readBaseline(file, scenario, args.dir) });
    } catch (err) {
      if (err instanceof UserInputError) issues.push(...err.issues);
      else throw err;
    }
  }
  if (issues.length) throw new UserInputError(issues);
  const junitDir = checkJunitFile(args.junit);
  const forget = onAbandon(() => junitDir && removeCreatedDirs(junitDir));
  const outcomes: { scenario: string; baseline: string; compared: number; drift: readonly DriftRow[] }[] = [];
  const checked: CheckedScenario[] = [];
  try {
    for (const { scenario, file, baseline } of baselines) {
      const result = checkBaseline(baseline, await run(scenario, args.allowStrategyPath, args.callbackTimeout));
      outcomes.push({ scenario, baseline: file, compared: result.compared, drift: result.drift });
      checked.push({ scenario, file, baseline, result });
      if (!args.json) process.stdout.write(`${describeCheck(scenario, file, result.compared, result.drift)}\n`);
    }
  } catch (err) {
    if (junitDir) removeCreatedDirs(junitDir);
    throw err;
  } finally {
    forget();
  }
  if (args.junit !== undefined) {
    const junit = args.junit;
    writePhase([junit], () => writeFileAtomic(junit, baselineJunit(checked)));
  }
  if (args.json) process.stdout.write(`${JSON.stringify(outcomes, null, 2)}\n`);
  const drifted = outcomes.filter((o) => o.drift.length > 0);
  if (!args.json && drifted.length) process.stdout.write(`\n${baselineMsg.drifted(drifted.length, outcomes.length, baselineMsg.recordCommand(drifted.map((d) => d.scenario), dirForHint(args.dir)))}\n`);
  return drifted.length ? EXIT.drift : EXIT.ok;
}

/**
 * The check outcome of one scenario as text: "ok …" or a diff table.
 * @example describeCheck('scenarios/default.json', 'baselines/default.json', 180, []) // 'ok  scenarios/default.json matches …'
 */
export function describeCheck(scenario: string, file: string, compared: number, drift: readonly DriftRow[]): string {
  if (drift.length === 0) return `ok  ${scenario} matches ${file} (${compared} values compared)`;
  const cell = (v: number | null): string | number => (v === null ? '—' : v);
  const rows = drift.slice(0, MAX_ROWS).map((d) => [d.stat === 'entry' || d.stat === 'seeds' ? d.metric : `${d.metric} (${d.stat})`, d.variant, d.strategy, cell(d.baseline), cell(d.now), d.delta === null ? '—' : signed(d.delta)]);
  const more = drift.length > MAX_ROWS ? `\n… and ${drift.length - MAX_ROWS} more (--json lists them all)` : '';
  return `DRIFT  ${scenario} differs from ${file}: ${drift.length} of ${compared} values\n${formatTable(['metric', 'variant', 'strategy', 'baseline', 'now', 'delta'], rows)}${more}`;
}

function signed(n: number): string {
  const text = Number.isInteger(n) ? n.toLocaleString('en-US') : n.toPrecision(4);
  return n > 0 ? `+${text}` : text;
}
