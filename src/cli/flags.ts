/**
 * Range checks of the numeric command-line flags, like the scenario file's own fields: a flag out
 * of range is a user error naming the flag, what was expected and the text typed (yargs turns
 * `abc` into NaN, which JSON would show as null). Called before any file is read.
 */
import { msg, UserInputError, type Issue } from '../errors/index.js';
import { LIMITS } from '../scenario/index.js';

/** Most worker threads `--workers` accepts (more only adds start-up time on any real machine). */
export const MAX_WORKERS = 64;

/** Most wall seconds `--callback-timeout` accepts (a day). */
export const MAX_CALLBACK_TIMEOUT = 86_400;

/** Numeric flags of `wabasim run` as yargs parsed them. */
export interface RunFlags {
  readonly seeds?: unknown;
  readonly seed?: unknown;
  readonly workers?: unknown;
  readonly shard?: unknown;
  readonly callbackTimeout?: unknown;
}

/**
 * Checks `--seeds` (an integer in [1, LIMITS.maxSeeds]), `--seed` (an integer ≥ 0 such that
 * seed + seeds − 1 is a safe integer, so every seed of the sweep is distinct; without `--seeds` the
 * most a scenario may ask for counts), `--workers` (an integer in [0, MAX_WORKERS]) and
 * `--shard i/n` (1 ≤ i ≤ n ≤ LIMITS.maxRuns). `argv` is the command line, for the typed text.
 * @throws {UserInputError} listing every bad flag
 * @example checkRunFlags({ seeds: 1e9 }, ['run', 'x.json', '--seeds', '1e9']) // throws: --seeds … found "1e9"
 */
export function checkRunFlags(flags: RunFlags, argv: readonly string[]): void {
  const issues = [
    intIssue('--seeds', flags.seeds, 1, LIMITS.maxSeeds, argv),
    intIssue('--seed', flags.seed, 0, Number.MAX_SAFE_INTEGER - (isInt(flags.seeds) ? flags.seeds : LIMITS.maxSeeds) + 1, argv, 'so that seed + seeds − 1 stays a safe integer and the seeds distinct'),
    intIssue('--workers', flags.workers, 0, MAX_WORKERS, argv),
    shardIssue(flags.shard, argv),
    callbackTimeoutIssue(flags.callbackTimeout, argv),
  ].filter((issue): issue is Issue => issue !== undefined);
  if (issues.length) throw new UserInputError(issues);
}

/**
 * Checks the `--seed` of `wabasim events` (an integer in [0, 2^53 − 1]) and its `--callback-timeout`.
 * @throws {UserInputError}
 */
export function checkEventsSeed(seed: unknown, argv: readonly string[], callbackTimeout?: unknown): void {
  const issues = [intIssue('--seed', seed, 0, Number.MAX_SAFE_INTEGER, argv), callbackTimeoutIssue(callbackTimeout, argv)].filter((issue): issue is Issue => issue !== undefined);
  if (issues.length) throw new UserInputError(issues);
}

/**
 * Checks `--callback-timeout SECONDS` (run, events, baseline): a number in [0, MAX_CALLBACK_TIMEOUT]; 0 = no limit.
 * @throws {UserInputError}
 * @example checkCallbackTimeout(-1, ['--callback-timeout', '-1']) // throws
 */
export function checkCallbackTimeout(value: unknown, argv: readonly string[]): void {
  const issue = callbackTimeoutIssue(value, argv);
  if (issue) throw new UserInputError([issue]);
}

function callbackTimeoutIssue(value: unknown, argv: readonly string[]): Issue | undefined {
  if (value === undefined || (typeof value === 'number' && value >= 0 && value <= MAX_CALLBACK_TIMEOUT)) return undefined;
  return msg.badFlag('--callback-timeout', `a number of seconds in [0, ${MAX_CALLBACK_TIMEOUT}] (0 = no limit)`, found('--callback-timeout', value, argv));
}

/**
 * The text typed after `flag` (`--flag V` or `--flag=V`; the last one wins, as in yargs), or undefined.
 * @example typedText(['--seeds', '1e9'], '--seeds') // '1e9'
 */
export function typedText(argv: readonly string[], flag: string): string | undefined {
  let text: string | undefined;
  for (let k = 0; k < argv.length && argv[k] !== '--'; k++) {
    if (argv[k] === flag) text = argv[k + 1];
    else if (argv[k].startsWith(`${flag}=`)) text = argv[k].slice(flag.length + 1);
  }
  return text;
}

function isInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function intIssue(flag: string, value: unknown, min: number, max: number, argv: readonly string[], why?: string): Issue | undefined {
  if (value === undefined || (isInt(value) && value >= min && value <= max)) return undefined;
  return msg.badFlag(flag, `an integer in [${min}, ${max}]${why ? ` (${why})` : ''}`, found(flag, value, argv));
}

function shardIssue(value: unknown, argv: readonly string[]): Issue | undefined {
  if (value === undefined) return undefined;
  const m = typeof value === 'string' ? /^(\d+)\/(\d+)$/.exec(value) : null;
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (index >= 1 && index <= count && count <= LIMITS.maxRuns) return undefined;
  return msg.badFlag('--shard', `i/n with 1 ≤ i ≤ n ≤ ${LIMITS.maxRuns}, e.g. 2/8`, found('--shard', value, argv));
}

/** What the user typed, for the message: the last text after the flag, or how often it was given. */
function found(flag: string, value: unknown, argv: readonly string[]): string {
  if (Array.isArray(value)) return `${flag} given ${value.length} times`;
  return typedText(argv, flag) ?? String(value);
}
