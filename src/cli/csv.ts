/** `--csv FILE` and `--csv-runs` of `run` and `report`: checked before any work, written atomically with the results. */
import { csvMsg, UserInputError } from '../errors/index.js';
import { resultsCsv } from '../diff/index.js';
import { resolve } from 'node:path';
import { checkOutFile, removeCreatedDirs, type OutDir, type OutputFile, type Results } from '../run/index.js';

/** The yargs options `--csv` and `--csv-runs`. */
export const csvOptions = {
  csv: { type: 'string', describe: 'Also write the headline metrics per variant × strategy (mean, sd, p5, p50, p95) to this CSV file' },
  'csv-runs': { type: 'boolean', default: false, describe: 'With --csv: one row per variant × strategy × seed (every summary metric) instead' },
} as const;

/**
 * Checks `--csv` as `--out` is checked (exit 2 at once on a bad path); on a refusal, removes the
 * directories `checked` created. Undefined without `--csv`.
 * @throws {UserInputError} a bad path, or `--csv-runs` without `--csv`
 * @example const csvDir = checkCsvFile(args.csv, args.csvRuns, outDir)
 */
export function checkCsvFile(file: string | undefined, perRun: boolean, ...checked: (OutDir | undefined)[]): OutDir | undefined {
  try {
    if (file === undefined && perRun) throw new UserInputError([csvMsg.runsWithoutCsv()]);
    return file === undefined ? undefined : checkOutFile('--csv', file);
  } catch (err) {
    checked.forEach((d) => d && removeCreatedDirs(d));
    throw err;
  }
}

/**
 * The CSV of `results` as an output file to swap in with the others (none without `--csv`).
 * Why: results, report and CSV are written together, so an interrupted run never leaves them out of step.
 * @example files.push(...csvOutput(results, 'out/metrics.csv', false))
 */
export function csvOutput(results: Results, file: string | undefined, perRun: boolean): OutputFile[] {
  return file === undefined ? [] : [{ path: resolve(file), content: resultsCsv(results, perRun) }];
}
