/**
 * `wabasim init scenario FILE [--yes] [flags] [--force]` (issue 22 item 4): writes a starting
 * scenario that validates and runs, with `"$schema"` (relative to FILE, pointing at the package's
 * schema/scenario.schema.json) for editor completion, and a `description` that explains it. On a
 * terminal it asks a few questions (readline); with --yes, with any of its flags, or without a
 * terminal it takes the flags and defaults without asking. Never overwrites without --force.
 *
 * The scenario is built from ONE template object (SCENARIO_TEMPLATE) and the answers: a key
 * added to the template appears in every scenario written.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { kitMsg, UserInputError, type Issue } from '../../errors/index.js';
import { LIMITS } from '../../scenario/limits.js';
import { BUILTIN_NAMES } from '../../strategies/index.js';

/** The template categories a scenario may name. */
export const CATEGORIES = ['marketing', 'utility', 'authentication'] as const;

/** The answers a scenario is written from (flags, questions, or defaults). */
export interface ScenarioAnswers {
  readonly name: string;
  readonly question: string;
  readonly numbers: number;
  readonly verified: boolean;
  readonly recipients: number;
  readonly category: (typeof CATEGORIES)[number];
  readonly horizonDays: number;
  readonly strategies: readonly string[];
}

/** Options of `init scenario` as yargs gives them (flags unset are undefined). */
export interface InitScenarioArgs {
  readonly file: string;
  readonly yes: boolean;
  readonly force: boolean;
  readonly name?: string;
  readonly question?: string;
  readonly numbers?: number;
  readonly verified?: boolean;
  readonly recipients?: number;
  readonly category?: string;
  readonly horizonDays?: number;
  readonly strategies?: string;
}

/** The defaults (what --yes takes). */
export const DEFAULT_ANSWERS: ScenarioAnswers = {
  name: 'my-scenario',
  question: 'How many of our list does each strategy reach over the horizon, and does any number get restricted?',
  numbers: 1,
  verified: false,
  recipients: 10_000,
  category: 'marketing',
  horizonDays: 7,
  strategies: ['blast', 'tier-aware'],
};

/**
 * The one template every written scenario starts from; `scenarioFrom` fills in the answers.
 * Values are the documented defaults of the bundled scenarios (scenarios/first-campaign.json):
 * an explicit opt-in list with its read, reply, block and STOP probabilities (seed 003 ranges,
 * community estimates), one campaign from hour 9.
 */
export const SCENARIO_TEMPLATE = {
  $schema: '../schema/scenario.schema.json',
  name: DEFAULT_ANSWERS.name,
  question: DEFAULT_ANSWERS.question,
  description: '',
  policy: 'meta-2025-10',
  horizonDays: DEFAULT_ANSWERS.horizonDays,
  seeds: 3,
  seed: 1,
  portfolio: {
    verified: DEFAULT_ANSWERS.verified,
    numbers: [{ id: 'number-1', channel: 'cloud-api', country: 'BR' }] as { id: string; channel: string; country: string }[],
  },
  templates: [{ id: 'main-template', category: DEFAULT_ANSWERS.category as string, personalized: true }],
  audience: {
    segments: [
      {
        id: 'subscribers',
        size: DEFAULT_ANSWERS.recipients,
        optIn: 'explicit',
        readProbability: 0.75,
        replyProbability: 0.08,
        blockProbability: 0.005,
        stopProbability: 0.01,
        inboundPerDay: 0.01,
      },
    ],
  },
  campaigns: [{ id: 'campaign', template: 'main-template', segment: 'subscribers', startHour: 9 }],
  strategies: [...DEFAULT_ANSWERS.strategies] as string[],
};

/**
 * The scenario for `answers`, written at `file` (for the `$schema` path): the template with the
 * answers filled in and a description that says what it holds and how to go on.
 * @example scenarioFrom({ ...DEFAULT_ANSWERS, numbers: 3 }, 'plans/a.json').portfolio.numbers.length // 3
 */
export function scenarioFrom(answers: ScenarioAnswers, file: string): typeof SCENARIO_TEMPLATE {
  const s = structuredClone(SCENARIO_TEMPLATE);
  s.$schema = schemaPath(file);
  s.name = answers.name;
  s.question = answers.question;
  s.horizonDays = answers.horizonDays;
  s.portfolio.verified = answers.verified;
  s.portfolio.numbers = Array.from({ length: answers.numbers }, (_, i) => ({ ...SCENARIO_TEMPLATE.portfolio.numbers[0], id: `number-${i + 1}` }));
  s.templates[0].category = answers.category;
  s.audience.segments[0].size = answers.recipients;
  s.strategies = [...answers.strategies];
  const numbers = answers.numbers === 1 ? 'one cloud-api number' : `${answers.numbers} cloud-api numbers (number-1 … number-${answers.numbers}; the campaign sends from number-1)`;
  s.description = [
    `Written by wabasim init scenario: ${answers.verified ? 'a verified' : 'a new, unverified'} portfolio with ${numbers}, one ${answers.category} template and an explicit opt-in list of ${answers.recipients.toLocaleString('en-US')}`,
    `(read 75%, reply 8%, block 0.5%, STOP 1%), one campaign from hour 9 of day 0, run for ${answers.horizonDays} days over ${s.seeds} seeds against ${answers.strategies.join(', ')}.`,
    `The portfolio starts at the profile's messaging limit for a new portfolio (TIER_250: 250 unique users in a moving 24 h)${answers.verified ? ', and verification opens TIER_2K after Meta\'s review (about a day)' : ''}, so a larger list is reached over days, as fast as the limit grows.`,
    'Edit the question, the segment probabilities and the campaign; add strategies (wabasim list strategies, or your own module from wabasim init strategy); check with wabasim validate; run with wabasim run.',
  ].join(' ');
  return s;
}

/**
 * Writes the scenario: asks on a terminal unless told not to; returns the path written.
 * @throws {UserInputError} a file that exists (without --force), or a bad flag or answer
 * @example await initScenarioCommand({ file: 'plan.json', yes: true, force: false })
 */
export async function initScenarioCommand(a: InitScenarioArgs): Promise<string> {
  if (existsSync(a.file) && !a.force) throw new UserInputError([kitMsg.exists(a.file)]);
  const flagged = [a.name, a.question, a.numbers, a.verified, a.recipients, a.category, a.horizonDays, a.strategies].some((v) => v !== undefined);
  const fromFlags = answersFromFlags(a);
  const answers = a.yes || flagged || !process.stdin.isTTY || !process.stdout.isTTY ? fromFlags : await ask(fromFlags);
  const scenario = scenarioFrom(answers, a.file);
  mkdirSync(dirname(resolve(a.file)), { recursive: true });
  writeFileSync(a.file, `${JSON.stringify(scenario, null, 2)}\n`);
  process.stdout.write(`wrote ${a.file}\ncheck it: wabasim validate ${a.file}\nrun it:   wabasim run ${a.file}\n`);
  return a.file;
}

/** The answers the flags give, the defaults for the rest; every problem reported at once. */
function answersFromFlags(a: InitScenarioArgs): ScenarioAnswers {
  const issues: Issue[] = [];
  const intIn = (flag: string, v: number | undefined, min: number, max: number, dflt: number): number => {
    if (v === undefined) return dflt;
    if (!Number.isInteger(v) || v < min || v > max) issues.push(kitMsg.badAnswer(flag, `an integer in [${min}, ${max}]`, v));
    return v;
  };
  const category = a.category ?? DEFAULT_ANSWERS.category;
  if (!(CATEGORIES as readonly string[]).includes(category)) issues.push(kitMsg.badAnswer('--category', `one of ${CATEGORIES.join(', ')}`, category));
  const strategies = a.strategies === undefined ? DEFAULT_ANSWERS.strategies : splitList(a.strategies);
  for (const s of strategies) if (!BUILTIN_NAMES.includes(s) && !/\.(?:m?js|m?ts)$/.test(s)) issues.push(kitMsg.badAnswer('--strategies', `built-in names (${BUILTIN_NAMES.join(', ')}) or module paths, comma-separated`, s));
  if (!strategies.length) issues.push(kitMsg.badAnswer('--strategies', 'at least one strategy', a.strategies));
  const horizon = a.horizonDays ?? DEFAULT_ANSWERS.horizonDays;
  if (!(typeof horizon === 'number' && horizon > 0 && horizon <= LIMITS.maxHorizonDays)) issues.push(kitMsg.badAnswer('--horizon-days', `a number of days in (0, ${LIMITS.maxHorizonDays}]`, horizon));
  const answers: ScenarioAnswers = {
    name: a.name ?? (baseName(a.file) || DEFAULT_ANSWERS.name),
    question: a.question ?? DEFAULT_ANSWERS.question,
    numbers: intIn('--numbers', a.numbers, 1, 20, DEFAULT_ANSWERS.numbers),
    verified: a.verified ?? DEFAULT_ANSWERS.verified,
    recipients: intIn('--recipients', a.recipients, 1, LIMITS.maxRecipients, DEFAULT_ANSWERS.recipients),
    category: category as ScenarioAnswers['category'],
    horizonDays: horizon,
    strategies,
  };
  if (issues.length) throw new UserInputError(issues);
  return answers;
}

/**
 * Asks each question on `input`/`output` (the terminal), the flag's value or the default in
 * brackets; an empty answer keeps it.
 * @throws {UserInputError} an answer out of range (every problem at once)
 * @example await ask(DEFAULT_ANSWERS, process.stdin, process.stdout)
 */
export async function ask(d: ScenarioAnswers, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<ScenarioAnswers> {
  const rl = createInterface({ input, output, terminal: false });
  try {
    // lines are read as they come (typed or piped); the end of input keeps the remaining defaults
    const lines = rl[Symbol.asyncIterator]();
    const q = async (text: string, dflt: string): Promise<string> => {
      output.write(`${text} [${dflt}]: `);
      const line = await lines.next();
      return (line.done ? '' : String(line.value)).trim() || dflt;
    };
    const name = await q('Scenario name', d.name);
    const question = await q('The question it answers', d.question);
    const numbers = await q('How many phone numbers', String(d.numbers));
    const verified = await q('Is the business verified (y/n)', d.verified ? 'y' : 'n');
    const recipients = await q('List size (recipients)', String(d.recipients));
    const category = await q(`Template category (${CATEGORIES.join(', ')})`, d.category);
    const horizonDays = await q('Horizon (days)', String(d.horizonDays));
    const strategies = await q(`Strategies, comma-separated (${BUILTIN_NAMES.join(', ')}, or ./module.mjs)`, d.strategies.join(','));
    return answersFromFlags({ file: '', yes: true, force: false, name, question, numbers: Number(numbers), verified: /^y/i.test(verified), recipients: Number(recipients), category, horizonDays: Number(horizonDays), strategies });
  } finally {
    rl.close();
  }
}

/** `a,b, c` as ['a', 'b', 'c']. */
function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The file's name without directory and extension, as a scenario name. */
function baseName(file: string): string {
  return (file.split(/[\\/]/).pop() ?? '').replace(/\.json$/i, '');
}

/** The package's schema (schema/scenario.schema.json) relative to the directory of `file`, with forward slashes. */
function schemaPath(file: string): string {
  const schema = join(fileURLToPath(new URL('../../../../', import.meta.url)), 'schema', 'scenario.schema.json');
  const rel = relative(dirname(resolve(file)), schema);
  return rel.split(sep).join('/');
}
