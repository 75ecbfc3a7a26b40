/** `wabasim run SCENARIO` — runs every variant × strategy × seed; writes results.json and report.html; prints a summary. */
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { msg, UserInputError } from '../../errors/index.js';
import type { Argv } from 'yargs';
import { checkOutDir, DEFAULT_CALLBACK_TIMEOUT, removeCreatedDirs, runScenario, writeFilesTogether, type OutputFile, type Results } from '../../run/index.js';
import { renderReport } from '../../report/index.js';
import { formatTable } from '../../format/index.js';
import { progressReporter } from '../progress.js';
import { onAbandon, withDefaultSignals, writePhase } from '../interrupt.js';

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
    .option('json', { type: 'boolean', default: false, describe: 'Print the summary as JSON' }) as unknown as Argv<RunArgs>;
}

/**
 * Checks `--out` before the sweep (exit 2 at once), runs the sweep, renders the report, then
 * swaps results.json and report.html in together (or the shard file alone); prints a summary.
 * @throws {UserInputError} a bad flag, scenario or `--out`, or a write the OS refused (the previous files are unchanged)
 */
export async function runCommand(args: RunArgs, checkInt: (flag: string, v: number | undefined, min: number) => void): Promise<void> {
  checkInt('--seeds', args.seeds, 1);
  checkInt('--seed', args.seed, 0);
  checkInt('--workers', args.workers, 0);
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  const resultsName = shard ? `results.shard-${shard.index}-of-${shard.count}.json` : 'results.json';
  // a shard holds part of the sweep: its report waits for `wabasim merge` + `wabasim report`
  const reportName = shard ? undefined : 'report.html';
  const outDir = checkOutDir('--out', args.out ?? join('reports', basename(args.scenario).replace(/\.json$/i, '')), reportName ? [resultsName, reportName] : [resultsName]);
  const forget = onAbandon(() => removeCreatedDirs(outDir));
  const resultsFile = join(outDir.path, resultsName);
  const reportFile = reportName ? join(outDir.path, reportName) : undefined;
  let results: Results;
  const files: OutputFile[] = [];
  const progress = progressReporter();
  try {
    try {
      results = await runScenario(args.scenario, { seeds: args.seeds, seed: args.seed, strategies: args.strategy, allowStrategyPaths: args.allowStrategyPath, workers: args.workers ?? defaultWorkers(), shard, onProgress: progress.onProgress, callbackTimeout: args.callbackTimeout, onThisThread: withDefaultSignals });
    } finally {
      progress.stop();
    }
    files.push({ path: resultsFile, content: `${JSON.stringify(results, null, 1)}\n` });
    if (reportFile) files.push({ path: reportFile, content: await renderReport(results) });
  } catch (err) {
    removeCreatedDirs(outDir);
    throw err;
  } finally {
    forget();
  }
  writePhase(files.map((f) => f.path), () => writeFilesTogether(files));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ results: resultsFile, ...(reportFile ? { report: reportFile } : {}), summary: summaryRows(results) }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`${summaryTable(results)}\n\nresults: ${resultsFile}\n${reportFile ? `report: ${reportFile}\n` : ''}`);
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
    };
  });
}

function summaryTable(results: Results): string {
  const rows = summaryRows(results).map((r) => [r.variant, r.strategy, r.seeds, r.attempted, r.delivered, r.uniqueUsersReached, r.limitReached, r.failed, r.blocks, r.replies]);
  return formatTable(['variant', 'strategy', 'seeds', 'attempted', 'delivered', 'unique reached', 'limit reached', 'failed', 'blocks', 'replies'], rows as (string | number)[][]) +
    '\n(means across seeds; results.json has sd and p5/p50/p95)';
}
