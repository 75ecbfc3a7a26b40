/** `wabasim init scenario FILE` and `wabasim init strategy NAME`: the two subcommands and their flags. */
import type { Argv } from 'yargs';
import { initScenarioCommand, type InitScenarioArgs } from './init-scenario.js';
import { initStrategyCommand, type InitStrategyArgs } from './init-strategy.js';

/** Adds the subcommands to `y`; `guard` runs a handler and maps its errors to the exit code (main.ts). */
export function initBuilder(y: Argv, guard: (fn: () => Promise<number | void> | number | void) => Promise<void>): Argv {
  return y
    .command<InitScenarioArgs>(
      'scenario <file>',
      'Write a scenario that validates and runs (asks on a terminal; --yes or flags: no questions)',
      (c) =>
        c
          .positional('file', { type: 'string', demandOption: true, describe: 'Scenario file to write' })
          .option('yes', { type: 'boolean', default: false, describe: 'Take the defaults (and the flags given) without asking' })
          .option('force', { type: 'boolean', default: false, describe: 'Overwrite an existing file' })
          .option('name', { type: 'string', describe: 'Scenario name (default: the file name)' })
          .option('question', { type: 'string', describe: 'The question the scenario answers' })
          .option('numbers', { type: 'number', describe: 'Phone numbers in the portfolio (default 1)' })
          .option('verified', { type: 'boolean', describe: 'The business is verified (default: not)' })
          .option('recipients', { type: 'number', describe: 'List size (default 10000)' })
          .option('category', { type: 'string', describe: 'Template category: marketing, utility or authentication (default marketing)' })
          .option('horizon-days', { type: 'number', describe: 'Simulated days (default 7)' })
          .option('strategies', { type: 'string', describe: 'Comma-separated strategies (default blast,tier-aware)' })
          .option('country', { type: 'string', describe: "ISO 3166 country of the numbers and the recipients; prices come from its market (default BR)" })
          .option('time-zone', { type: 'string', describe: "Recipients' IANA time zone, also the campaign's calendar (default America/Sao_Paulo)" })
          .option('weekly', { type: 'string', describe: 'Repeat the campaign weekly: DAY@HOUR local, e.g. tue@10 (default: one send)' })
          .option('start-tier', { type: 'string', describe: 'Messaging-limit tier the portfolio has earned, e.g. TIER_10K (default: a new portfolio)' }) as never,
      (a) => guard(async () => void (await initScenarioCommand(a))),
    )
    .command<InitStrategyArgs>(
      'strategy <name>',
      'Write NAME.mjs (or NAME.ts): a commented strategy on wabasim/strategy-kit that respects throughput and pair rate',
      (c) =>
        c
          .positional('name', { type: 'string', demandOption: true, describe: 'Strategy name (letters, digits, - and _)' })
          .option('ts', { type: 'boolean', default: false, describe: 'Write TypeScript (NAME.ts) instead of JavaScript (NAME.mjs)' })
          .option('out', { type: 'string', default: '.', describe: 'Directory to write into' })
          .option('force', { type: 'boolean', default: false, describe: 'Overwrite an existing file' }) as never,
      (a) => guard(() => void initStrategyCommand(a)),
    )
    .demandCommand(1, 'Name what to write: init scenario FILE or init strategy NAME');
}
