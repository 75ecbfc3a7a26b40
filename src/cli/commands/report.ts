/** `wabasim report RESULTS.json [--out FILE]` — re-renders report.html from saved results. */
import { dirname, join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { readResultsFile, renderReport } from '../../report/index.js';
import { checkOutFile, removeCreatedDirs, writeFilesTogether } from '../../run/index.js';
import { onAbandon, writePhase } from '../interrupt.js';
import { sensitivityBeside, warnLine } from './sensitivity-beside.js';
import { msg } from '../../errors/index.js';
import { VERSION } from '../../version.js';

export interface ReportArgs {
  results: string;
  out?: string;
}

/**
 * The command's arguments: the results file and an optional output file.
 * @example yargs.command('report <results>', '…', reportBuilder, handler)
 */
export function reportBuilder(y: Argv): Argv<ReportArgs> {
  return y
    .positional('results', { type: 'string', demandOption: true, describe: 'A results.json written by wabasim run (or merge)' })
    .option('out', { type: 'string', describe: 'Report file to write (default: report.html beside the results file)' }) as unknown as Argv<ReportArgs>;
}

/**
 * Reads `args.results`, checks the output file, renders the report and writes it atomically
 * (temporary file beside it, then rename); prints its path. Results of another wabasim version
 * render with a warning on stderr when their shape validates.
 * Why: change a chart or lose a report without re-running a long sweep.
 * @throws {UserInputError} when the results file is missing, not JSON or not a results file, or
 *   the output cannot be written there (nothing is written; a previous report is unchanged)
 * @example await reportCommand({ results: 'reports/default/results.json' })
 */
export async function reportCommand(args: ReportArgs): Promise<void> {
  const results = readResultsFile(args.results);
  if (results.wabasim !== VERSION) process.stderr.write(`${msg.foreignVersion(args.results, results.wabasim, VERSION)}\n`);
  const out = resolve(args.out ?? join(dirname(args.results), 'report.html'));
  const outDir = checkOutFile('--out', out);
  const forget = onAbandon(() => removeCreatedDirs(outDir));
  let html: string;
  try {
    html = await renderReport(results, sensitivityBeside(dirname(args.results), results.scenario, args.results, warnLine));
  } catch (err) {
    removeCreatedDirs(outDir);
    throw err;
  } finally {
    forget();
  }
  writePhase([out], () => writeFilesTogether([{ path: out, content: html }]));
  process.stdout.write(`report: ${out}\n`);
}
