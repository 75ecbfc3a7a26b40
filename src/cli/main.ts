/**
 * The `wabasim` command line: parse arguments (yargs), call the library, map errors to exit codes.
 * No model logic here.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { msg, UserInputError } from '../errors/index.js';
import { documentedSchema } from '../scenario/documented-schema.js';
import { VERSION } from '../version.js';
import { listCommand, LIST_KINDS, type ListKind } from './commands/list.js';
import { allowStrategyPathOption, callbackTimeoutOption, runBuilder, runCommand, type RunArgs } from './commands/run.js';
import { validateCommand } from './commands/validate.js';
import { eventsCommand, type EventsArgs } from './commands/events.js';
import { mergeCommand } from './commands/merge.js';
import { diffBuilder, diffCommand, type DiffArgs } from './commands/diff.js';
import { reportBuilder, reportCommand, type ReportArgs } from './commands/report.js';
import { baselineBuilder, baselineCommand, type BaselineArgs } from './commands/baseline.js';
import { sensitivityBuilder, sensitivityCommand, type SensitivityArgs } from './commands/sensitivity.js';
import { serveBuilder, serveCommand, type ServeArgs } from './commands/serve.js';
import { initBuilder } from './commands/init.js';
import { EXIT, reportError } from './errors.js';
import { installSignalHandlers } from './interrupt.js';
import { checkCallbackTimeout, checkEventsSeed, checkRunFlags } from './flags.js';
import { PROFILE_IDS } from '../policy/index.js';
import { calibrateBuilder, calibrateCommand, type CalibrateArgs } from './commands/calibrate.js';

/** Root of the installed package (dist/src/cli → ../../..). */
const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function checkInt(flag: string, value: number | undefined, min: number): void {
  if (value !== undefined && (!Number.isInteger(value) || value < min)) throw new UserInputError([msg.badFlag(flag, `an integer ≥ ${min}`, value)]);
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const guard = async (fn: () => Promise<number | void> | number | void): Promise<void> => {
    try {
      code = (await fn()) ?? EXIT.ok;
    } catch (err) {
      code = reportError(err);
    }
  };
  const parser = yargs(argv as string[])
    .scriptName('wabasim')
    .version(VERSION)
    .strict()
    .demandCommand(1, 'Name a command (wabasim --help lists them)')
    .command<RunArgs>('run <scenario>', 'Run every variant × strategy × seed of a scenario; write results.json and report.html', runBuilder, (a) => guard(() => (checkRunFlags(a, argv), runCommand(a, checkInt))))
    .command<{ scenarios: string[]; json: boolean; allowStrategyPath?: string[] }>(
      'validate <scenarios..>',
      'Check scenario files against the schema and the model, running no code; exit 0 or 2',
      (y) => y.positional('scenarios', { type: 'string', array: true, demandOption: true }).option('json', { type: 'boolean', default: false }).option('allow-strategy-path', allowStrategyPathOption) as never,
      async (a) => guard(() => (validateCommand(a.scenarios, a.json, a.allowStrategyPath) ? EXIT.ok : EXIT.badInput)),
    )
    .command<EventsArgs>(
      'events <scenario>',
      "One run's event log as JSON Lines, webhooks in Meta's payload shapes",
      (y) =>
        y
          .positional('scenario', { type: 'string', demandOption: true })
          .option('strategy', { type: 'string', demandOption: true, describe: 'Strategy to run: a label or name from the scenario (with its params), else a built-in or module path' })
          .option('seed', { type: 'number', demandOption: true, describe: 'Run seed' })
          .option('variant', { type: 'string', describe: 'Variant name (default: the first)' })
          .option('allow-strategy-path', allowStrategyPathOption)
          .option('callback-timeout', callbackTimeoutOption) as never,
      (a) => guard(() => (checkEventsSeed(a.seed, argv, a.callbackTimeout), eventsCommand(a))),
    )
    .command('init', 'Write a starting point: init scenario FILE (a scenario that validates and runs) or init strategy NAME (a strategy module using wabasim/strategy-kit)', (y) => initBuilder(y, guard) as never)
    .command<{ shards: string[]; out?: string }>(
      'merge <shards..>',
      'Join the shards of `run --shard i/n` (or of `sensitivity --shard i/n`) into the file one machine would write',
      (y) => y.positional('shards', { type: 'string', array: true, demandOption: true }).option('out', { type: 'string', describe: 'Merged file (default: results.json, or sensitivity.json for sensitivity shards)' }) as never,
      (a) => guard(() => mergeCommand(a.shards, a.out)),
    )
    .command<SensitivityArgs>('sensitivity <scenario>', 'Vary the estimated and reported parameters over their plausible ranges; write sensitivity.json (and the report section)', sensitivityBuilder, (a) => guard(() => sensitivityCommand(a, argv)))
    .command<ReportArgs>('report <results>', 'Re-render report.html from a saved results.json', reportBuilder, (a) => guard(() => reportCommand(a)))
    .command<CalibrateArgs>('calibrate <logs..>', 'Calibrate audience parameters from webhook logs; write calibrated.json and calibration.html', calibrateBuilder as never, (a) => guard(() => calibrateCommand(a, checkInt)))
    .command<DiffArgs>('diff <a> <b>', 'Compare two results files metric by metric: B − A with its 95% interval (paired over common seeds, else Welch); exit 0', diffBuilder, (a) => guard(() => diffCommand(a)))
    .command<BaselineArgs>('baseline <action> <scenarios..>', 'Record or check regression baselines of scenarios (check exits 1 on drift)', baselineBuilder, (a) => guard(() => (checkCallbackTimeout(a.callbackTimeout, argv), baselineCommand(a))))
    .command<ServeArgs>('serve <scenario>', 'Serve the model behind a local WhatsApp Cloud API (Graph routes, signed webhooks, a manual or speed clock)', serveBuilder, (a) => guard(() => serveCommand(a)))
    .command('schema', 'Print the scenario JSON Schema', {}, () => guard(() => void process.stdout.write(`${JSON.stringify(documentedSchema(), null, 2)}\n`)))
    .command<{ kind: ListKind; params: boolean; policy?: string; json: boolean; dir: string }>(
      'list <kind>',
      'List shipped policies, scenarios or strategies (--params: every parameter of a profile)',
      (y) =>
        y
          .positional('kind', { choices: LIST_KINDS, demandOption: true })
          .option('params', { type: 'boolean', default: false, describe: 'With policies: every parameter, value, unit, source and label' })
          .option('policy', { type: 'string', choices: PROFILE_IDS, describe: 'With --params: only this profile' })
          .option('dir', { type: 'string', default: join(PACKAGE_ROOT, 'scenarios'), describe: 'With scenarios: the folder to list' })
          .option('module', { type: 'string', array: true, describe: 'With strategies: also describe this strategy module (path relative to the working directory; repeatable)' })
          .option('json', { type: 'boolean', default: false }) as never,
      (a) => guard(() => listCommand(a.kind, { json: a.json, params: a.params, policy: a.policy, scenariosDir: a.dir, modules: (a as { module?: string[] }).module })),
    )
    .fail((message, err) => {
      throw err ?? new ArgumentError(message); // throwing stops yargs before the command's handler runs
    })
    .help();
  try {
    await parser.parseAsync();
  } catch (err) {
    if (err instanceof ArgumentError) {
      process.stderr.write(`wabasim: ${err.message}\n(wabasim --help lists commands and options)\n`);
      code = EXIT.badInput;
    } else code = reportError(err);
  }
  return code;
}

/** A command line yargs could not parse (unknown command or option, missing argument): exit 2. */
class ArgumentError extends Error {}

/**
 * Entry point for bin/wabasim.js. SIGINT and SIGTERM end the command with exit code 130 / 143
 * and a line saying what was written (./interrupt.ts); outputs are swapped in together at the end.
 */
export async function cli(): Promise<void> {
  installSignalHandlers();
  // a reader that stops early (`wabasim list … | head`) is not an error: stop writing, exit 0
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
  process.exitCode = await main(hideBin(process.argv));
}
