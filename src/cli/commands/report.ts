/** `wabasim report RESULTS.json [--out FILE]` — re-renders report.html from saved results. */
import { dirname, join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { readResultsFile, renderReport } from '../../report/index.js';
import { checkOutFile, removeCreatedDirs, writeFilesTogether } from '../../run/index.js';
import { onAbandon, writePhase } from '../interrupt.js';
import { sensitivityBeside, warnLine } from './sensitivity-beside.js';
import { msg } from '../../errors/index.js';
import { VERSION } from '../../version.js';
import { thresholdsOf } from '../../thresholds/index.js';
import { checkCsvFile, csvOptions, csvOutput } from '../csv.js';
import { checkJunitFile, judgeThresholds, junitOption, printThresholds, thresholdExit } from '../thresholds.js';

export interface ReportArgs {
  results: string;
  out?: string;
  junit?: string;
  csv?: string;
  csvRuns: boolean;
}

/**
 * The command's arguments: the results file and an optional output file.
 * @example yargs.command('report <results>', '…', reportBuilder, handler)
 */
export function reportBuilder(y: Argv): Argv<ReportArgs> {
  return y
    .positional('results', { type: 'string', demandOption: true, describe: 'A results.json written by wabasim run (or merge)' })
    .option('out', { type: 'string', describe: 'Report file to write (default: report.html beside the results file)' })
    .option('junit', junitOption)
    .option('csv', csvOptions.csv)
    .option('csv-runs', csvOptions['csv-runs']) as unknown as Argv<ReportArgs>;
}

/**
 * Reads `args.results`, checks the output file, renders the report and writes it atomically
 * (temporary file beside it, then rename); prints its path. Results of another wabasim version
 * render with a warning on stderr when their shape validates. Then judges the thresholds the
 * results' scenario declares, as `run` does: writes `--junit`, prints the failed ones and
 * resolves to 1 when one failed (the report is written either way), else 0.
 * Why: change a chart or lose a report without re-running a long sweep; judge merged shards.
 * @throws {UserInputError} when the results file is missing, not JSON or not a results file, or
 *   the output cannot be written there (nothing is written; a previous report is unchanged)
 * @example await reportCommand({ results: 'reports/default/results.json' })
 */
export async function reportCommand(args: ReportArgs): Promise<number> {
  const results = readResultsFile(args.results);
  if (results.wabasim !== VERSION) process.stderr.write(`${msg.foreignVersion(args.results, results.wabasim, VERSION)}\n`);
  thresholdsOf(results, args.results); // thresholds that do not parse: exit 2 before anything is written
  const out = resolve(args.out ?? join(dirname(args.results), 'report.html'));
  const outDir = checkOutFile('--out', out);
  const junitDir = checkJunitFile(args.junit, outDir);
  const csvDir = checkCsvFile(args.csv, args.csvRuns, outDir, junitDir);
  const forget = onAbandon(() => [outDir, junitDir, csvDir].forEach((d) => d && removeCreatedDirs(d)));
  let html: string;
  try {
    html = await renderReport(results, sensitivityBeside(dirname(args.results), results.scenario, args.results, warnLine));
  } catch (err) {
    [outDir, junitDir, csvDir].forEach((d) => d && removeCreatedDirs(d));
    throw err;
  } finally {
    forget();
  }
  const files = [{ path: out, content: html }, ...csvOutput(results, args.csv, args.csvRuns)];
  writePhase(files.map((f) => f.path), () => writeFilesTogether(files));
  process.stdout.write(`report: ${out}\n${args.csv === undefined ? '' : `csv: ${resolve(args.csv)}\n`}`);
  const gates = judgeThresholds(results, args.results, args.junit);
  printThresholds(gates);
  return thresholdExit(gates);
}
