/**
 * The CLI side of thresholds and JUnit reports (issue 19 item 4): the `--junit FILE` option, its
 * check before any run, judging a sweep's thresholds and writing the JUnit file after the results.
 */
import { checkOutFile, removeCreatedDirs, writeFileAtomic, type OutDir, type Results } from '../run/index.js';
import { evaluateThresholds, thresholdJunit, thresholdLines, type ThresholdOutcome } from '../thresholds/index.js';
import { EXIT } from './errors.js';
import { writePhase } from './interrupt.js';

/**
 * `--junit FILE` for run, report and baseline check.
 * @example y.option('junit', junitOption)
 */
export const junitOption = {
  type: 'string',
  describe: 'Also write the outcome as JUnit XML to FILE (thresholds, or baseline metrics, as test cases)',
} as const;

/**
 * Checks the `--junit` file before anything runs, as `--out` is: absent or a regular file, in a
 * directory that exists or can be created and written. Returns the directories it created (to
 * remove if nothing gets written), or undefined without `--junit`; when it refuses the file, it
 * first removes the directories `checked` created (the `--out` checked before it).
 * @throws {UserInputError} a directory or special file in its place, an unwritable directory
 * @example const junitDir = checkJunitFile(args.junit, outDir)
 */
export function checkJunitFile(file: string | undefined, checked?: OutDir): OutDir | undefined {
  try {
    return file === undefined ? undefined : checkOutFile('--junit', file);
  } catch (err) {
    if (checked) removeCreatedDirs(checked);
    throw err;
  }
}

/**
 * Judges the thresholds of `results` (read from or written to `file`), writes the JUnit report
 * to `junit` if given (atomically, after the results), and returns the outcome.
 * @throws {UserInputError} thresholds in the results that do not parse, a JUnit file the OS refused
 * @example const outcome = judgeThresholds(results, 'reports/default/results.json', 'junit.xml')
 */
export function judgeThresholds(results: Results, file: string, junit: string | undefined): ThresholdOutcome {
  const outcome = evaluateThresholds(results, file);
  if (junit !== undefined) {
    const name = typeof (results.scenario as { name?: unknown } | null)?.name === 'string' ? (results.scenario as { name: string }).name : file;
    writePhase([junit], () => writeFileAtomic(junit, thresholdJunit(outcome, name)));
  }
  return outcome;
}

/**
 * Prints the threshold lines (failed checks, skipped ones, the summary) after a blank line; nothing without thresholds.
 * @example printThresholds(outcome)
 */
export function printThresholds(outcome: ThresholdOutcome): void {
  const lines = thresholdLines(outcome);
  if (lines) process.stdout.write(`\n${lines}\n`);
}

/**
 * The exit code of a sweep's thresholds: 1 when one failed, else 0.
 * @example return thresholdExit(outcome)
 */
export function thresholdExit(outcome: ThresholdOutcome | undefined): number {
  return outcome && !outcome.passed ? EXIT.thresholds : EXIT.ok;
}
