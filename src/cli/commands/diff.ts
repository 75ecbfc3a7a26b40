/** `wabasim diff A/results.json B/results.json` — the change from A to B, metric by metric, with 95% intervals. */
import type { Argv } from 'yargs';
import { diffResults, type DiffRow, type ResultsDiff } from '../../diff/index.js';
import { formatNumberPlain, formatTable } from '../../format/index.js';
import { readResultsFile } from '../../report/index.js';

export interface DiffArgs {
  a: string;
  b: string;
  all: boolean;
  json: boolean;
}

/**
 * The command's arguments: two results files, `--all` and `--json`.
 * @example yargs.command('diff <a> <b>', '…', diffBuilder, handler)
 */
export function diffBuilder(y: Argv): Argv<DiffArgs> {
  return y
    .positional('a', { type: 'string', demandOption: true, describe: 'The results.json to compare from' })
    .positional('b', { type: 'string', demandOption: true, describe: 'The results.json to compare with it' })
    .option('all', { type: 'boolean', default: false, describe: 'Every numeric metric, not only the headline ones' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the rows as JSON' }) as unknown as Argv<DiffArgs>;
}

/**
 * Reads both files, compares them (src/diff/diff-results.ts) and prints a table, significant rows
 * first and marked `*`, and a summary line (or JSON with `--json`). Resolves to 0: a report, not a gate.
 * @throws {UserInputError} either file missing, not JSON or not a results file (both are read before printing)
 * @example await diffCommand({ a: 'reports/a/results.json', b: 'reports/b/results.json', all: false, json: false })
 */
export function diffCommand(args: DiffArgs): number {
  const diff = diffResults(readResultsFile(args.a), readResultsFile(args.b), args.all);
  if (args.json) process.stdout.write(`${JSON.stringify({ a: args.a, b: args.b, ...diff }, null, 2)}\n`);
  else process.stdout.write(diffText(diff));
  return 0;
}

const interval = (r: DiffRow): string => `[${formatNumberPlain(r.ci95[0])}, ${formatNumberPlain(r.ci95[1])}]`;
const method = (r: DiffRow): string => (r.method === 'paired' ? `paired, ${String(r.n)} seeds` : `welch, ${(r.n as readonly number[]).join('+')} runs`);

/**
 * The diff as terminal text: the table (significant rows first, in order), the pairs held by one
 * file only, and a summary line.
 * @example diffText(diffResults(a, b)).endsWith('significant at 95%\n')
 */
export function diffText(diff: ResultsDiff): string {
  const rows = [...diff.rows.filter((r) => r.significant), ...diff.rows.filter((r) => !r.significant)];
  const table = formatTable(
    ['', 'variant', 'strategy', 'metric', 'A', 'B', 'B - A', '95% interval', 'interval'],
    rows.map((r) => [r.significant ? '*' : '', r.variant, r.strategy, r.metric, r.a, r.b, r.difference, interval(r), method(r)]),
  );
  const only = (side: string, list: ResultsDiff['onlyInA']): string => list.map((x) => `only in ${side}: ${x.variant} × ${x.strategy}\n`).join('');
  const significant = rows.filter((r) => r.significant).length;
  const pairs = new Set(diff.rows.map((r) => JSON.stringify([r.variant, r.strategy]))).size;
  const summary = `${significant} of ${rows.length} differences significant at 95% (* : interval excludes 0), over ${pairs} variant × strategy pair${pairs === 1 ? '' : 's'} in both files`;
  return `${rows.length ? `${table}\n\n` : ''}${only('A', diff.onlyInA)}${only('B', diff.onlyInB)}${summary}\n`;
}
