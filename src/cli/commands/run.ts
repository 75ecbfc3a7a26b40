/** `wabasim run SCENARIO` — runs every variant × strategy × seed; writes results.json and report.html; prints a summary. */
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { msg, thresholdMsg, UserInputError } from '../../errors/index.js';
import type { Argv } from 'yargs';
import { checkOutDir, DEFAULT_CALLBACK_TIMEOUT, removeCreatedDirs, runScenario, writeFilesTogether, type OutputFile, type Results } from '../../run/index.js';
import { renderReport } from '../../report/index.js';
import { formatNumberRounded, formatTable } from '../../format/index.js';
import { describeObjective, objectiveOf, variantEffectLine, variantEffects, verdictLines, verdicts } from '../../verdict/index.js';
import { progressReporter } from '../progress.js';
import { onAbandon, withDefaultSignals, writePhase } from '../interrupt.js';
import { checkJunitFile, judgeThresholds, junitOption, printThresholds, thresholdExit } from '../thresholds.js';
import { sensitivityBeside, warnLine } from './sensitivity-beside.js';
import { checkCsvFile, csvOptions, csvOutput } from '../csv.js';
import { robustnessLine, type SensitivityResults } from '../../sensitivity/index.js';

export interface RunArgs {
  scenario: string;
  seeds?: number;
  seed?: number;
  out?: string;
  strategy?: string[];
  allowStrategyPath?: string[];
  workers?: number;
  shard?: string;
  callbackTimeout?: number;
  junit?: string;
  csv?: string;
  csvRuns: boolean;
  json: boolean;
}

/**
 * `--callback-timeout SECONDS` for run, events and baseline: the wall time one callback of a user
 * strategy module may take before the watchdog stops the run (README "Strategies").
 * @example y.option('callback-timeout', callbackTimeoutOption)
 */
export const callbackTimeoutOption = {
  type: 'number',
  describe: `Stop the run (exit 2) when a callback of a user strategy module runs longer than this many wall seconds (default ${DEFAULT_CALLBACK_TIMEOUT}; 0 = no limit)`,
} as const;

/**
 * `--allow-strategy-path DIR` (repeatable) for run, events, baseline and validate: a directory the
 * scenario's strategy modules may come from besides its own tree (README "Threat model").
 * @example y.option('allow-strategy-path', allowStrategyPathOption)
 */
export const allowStrategyPathOption = {
  type: 'string',
  array: true,
  nargs: 1,
  describe: "Let the scenario load strategy modules from DIR too (default: only the scenario file's directory and below); repeatable",
} as const;

export function runBuilder(y: Argv): Argv<RunArgs> {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario JSON file' })
    .option('seeds', { type: 'number', describe: 'Number of seeds (overrides the scenario)' })
    .option('seed', { type: 'number', describe: 'First seed (overrides the scenario)' })
    .option('out', { type: 'string', describe: 'Output directory (default: reports/<scenario file name>)' })
    .option('strategy', { type: 'string', array: true, describe: 'Strategies to run instead of the scenario\'s' })
    .option('allow-strategy-path', allowStrategyPathOption)
    .option('workers', { type: 'number', describe: 'Worker threads (default: the cores, at most 8; 0 = in the main thread); results are identical for any count' })
    .option('callback-timeout', callbackTimeoutOption)
    .option('shard', { type: 'string', describe: 'Run only slice i of n of the sweep, e.g. 2/8 (join with wabasim merge)' })
    .option('junit', junitOption)
    .option('csv', csvOptions.csv)
    .option('csv-runs', csvOptions['csv-runs'])
    .option('json', { type: 'boolean', default: false, describe: 'Print the summary as JSON' }) as unknown as Argv<RunArgs>;
}

/**
 * Checks `--out` (and `--junit`) before the sweep (exit 2 at once), runs the sweep, renders the
 * report, then swaps results.json and report.html in together (or the shard file alone); prints a
 * summary; judges the scenario's thresholds (not on a shard), writes `--junit`, prints the failed
 * ones. Resolves to the exit code: 1 when a threshold failed, else 0.
 * @throws {UserInputError} a bad flag, scenario or `--out`, or a write the OS refused (the previous files are unchanged)
 */
export async function runCommand(args: RunArgs, checkInt: (flag: string, v: number | undefined, min: number) => void): Promise<number> {
  checkInt('--seeds', args.seeds, 1);
  checkInt('--seed', args.seed, 0);
  checkInt('--workers', args.workers, 0);
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  const resultsName = shard ? `results.shard-${shard.index}-of-${shard.count}.json` : 'results.json';
  // a shard holds part of the sweep: its report waits for `wabasim merge` + `wabasim report`
  const reportName = shard ? undefined : 'report.html';
  if (shard && args.junit !== undefined) throw new UserInputError([thresholdMsg.junitWithShard(args.junit)]);
  const outDir = checkOutDir('--out', args.out ?? join('reports', basename(args.scenario).replace(/\.json$/i, '')), reportName ? [resultsName, reportName] : [resultsName]);
  const junitDir = checkJunitFile(args.junit, outDir);
  const csvDir = checkCsvFile(args.csv, args.csvRuns, outDir, junitDir);
  const forget = onAbandon(() => [outDir, junitDir, csvDir].forEach((d) => d && removeCreatedDirs(d)));
  const resultsFile = join(outDir.path, resultsName);
  const reportFile = reportName ? join(outDir.path, reportName) : undefined;
  let results: Results;
  let sensitivity: SensitivityResults | undefined;
  const files: OutputFile[] = [];
  const progress = progressReporter();
  try {
    try {
      results = await runScenario(args.scenario, { seeds: args.seeds, seed: args.seed, strategies: args.strategy, allowStrategyPaths: args.allowStrategyPath, workers: args.workers ?? defaultWorkers(), shard, onProgress: progress.onProgress, callbackTimeout: args.callbackTimeout, onThisThread: withDefaultSignals, onWarning: warnLine });
    } finally {
      progress.stop();
    }
    files.push({ path: resultsFile, content: `${JSON.stringify(results, null, 1)}\n` });
    sensitivity = reportFile ? sensitivityBeside(outDir.path, results.scenario, resultsFile, warnLine) : undefined;
    if (reportFile) files.push({ path: reportFile, content: await renderReport(results, sensitivity) });
    files.push(...csvOutput(results, args.csv, args.csvRuns));
  } catch (err) {
    [outDir, junitDir, csvDir].forEach((d) => d && removeCreatedDirs(d));
    throw err;
  } finally {
    forget();
  }
  writePhase(files.map((f) => f.path), () => writeFilesTogether(files));
  // thresholds judge the whole sweep: a shard's are judged once merged (wabasim report)
  const gates = shard ? undefined : judgeThresholds(results, resultsFile, args.junit);
  if (shard && (results.scenario as { thresholds?: unknown }).thresholds) process.stderr.write(`${thresholdMsg.shardNotEvaluated()}\n`);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ results: resultsFile, ...(reportFile ? { report: reportFile } : {}), ...(args.csv === undefined ? {} : { csv: resolve(args.csv) }), summary: summaryRows(results), verdicts: shard ? undefined : verdicts(results), ...(gates ? { thresholds: gates } : {}) }, null, 2)}\n`);
    return thresholdExit(gates);
  }
  process.stdout.write(`${summaryTable(results)}\n${shard ? '' : `\n${verdictText(results, sensitivity)}\n`}\nresults: ${resultsFile}\n${reportFile ? `report: ${reportFile}\n` : ''}${args.csv === undefined ? '' : `csv: ${resolve(args.csv)}\n`}`);
  if (gates) printThresholds(gates);
  return thresholdExit(gates);
}

/** `i/n` with 1 ≤ i ≤ n. @throws {UserInputError} */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count)) throw new UserInputError([msg.badFlag('--shard', 'i/n with 1 ≤ i ≤ n, e.g. 2/8', text)]);
  return { index, count };
}

/**
 * Worker threads by default: the machine's cores (at most 8; the sweep caps it at its run count).
 * Runs stay off the main thread so Ctrl-C is answered at once. `baseline` uses it too.
 * @example runScenario(file, { workers: defaultWorkers() })
 */
export function defaultWorkers(): number {
  return Math.min(8, availableParallelism());
}

/** Headline metrics per variant × strategy: mean across seeds. */
export function summaryRows(results: Results): Record<string, string | number>[] {
  return results.aggregates.map((a) => {
    const m = (k: string): number => a.metrics[k]?.mean ?? 0;
    return {
      variant: a.variant,
      strategy: a.strategy,
      seeds: a.seeds,
      attempted: m('attempted'),
      delivered: m('delivered'),
      uniqueUsersReached: m('uniqueUsersReached'),
      limitReached: m('failedByCode.limit_reached'),
      failed: m('failed'),
      blocks: m('blocks'),
      replies: m('replies'),
      ...(a.metrics.cost ? { cost: m('cost') } : {}), // README "Cost"; results written before pricing have none
    };
  });
}

/**
 * The verdict lines the report's verdict box shows, per variant, in plain text.
 * @example verdictText(results) // 'Verdict (maximise uniqueUsersReached, …)\n  Recommended: tier-aware — …'
 */
export function verdictText(results: Results, sensitivity?: SensitivityResults): string {
  // the report's rounding (a verdict is read at a glance), with an ASCII minus for any terminal
  const fmt = (n: number): string => formatNumberRounded(n).replace(/\u2212/g, '-');
  const all = verdicts(results);
  const objective = objectiveOf(results.scenario);
  const lines = [`Verdict (${describeObjective(objective)}):`];
  for (const v of all) {
    const w = verdictLines(v, fmt);
    const indent = all.length > 1 ? '    ' : '  ';
    if (all.length > 1) lines.push(`  ${v.variant}:`);
    const robust = sensitivity ? robustnessLine(sensitivity, v.variant) : undefined;
    lines.push(`${indent}${w.headline}`, ...w.comparisons.map((l) => `${indent}  ${l}`), ...[...w.changes, ...(robust ? [robust] : [])].map((l) => `${indent}  What would change it: ${l}`));
  }
  const effects = variantEffects(results).filter((e) => all.some((v) => v.recommended === e.strategy));
  if (effects.length) lines.push('  Variants, for the recommended strategies:', ...effects.map((e) => `    ${variantEffectLine(e, objective, fmt)}`));
  return lines.join('\n');
}

function summaryTable(results: Results): string {
  const all = summaryRows(results);
  const cost = all.some((r) => r.cost !== undefined);
  const currency = results.runs.find((r) => r.summary.rateCard)?.summary.rateCard.currency ?? '';
  const rows = all.map((r) => [r.variant, r.strategy, r.seeds, r.attempted, r.delivered, r.uniqueUsersReached, r.limitReached, r.failed, r.blocks, r.replies, ...(cost ? [r.cost ?? 0] : [])]);
  return formatTable(['variant', 'strategy', 'seeds', 'attempted', 'delivered', 'unique reached', 'limit reached', 'failed', 'blocks', 'replies', ...(cost ? [`cost ${currency}`.trim()] : [])], rows as (string | number)[][]) +
    '\n(means across seeds; results.json has sd and p5/p50/p95)';
}
