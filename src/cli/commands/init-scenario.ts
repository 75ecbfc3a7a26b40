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
import { validateScenarioData } from '../../scenario/validate.js';
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
  /** ISO 3166 country of the numbers and the recipients (prices come from its market). */
  readonly country: string;
  /** IANA time zone of the recipients and of the campaign's calendar. */
  readonly timeZone: string;
  /** A weekly send as `DAY@HOUR` (e.g. `tue@10`, local time), or undefined for one send. */
  readonly weekly?: { readonly weekday: (typeof WEEKDAYS)[number]; readonly localHour: number };
  /** Messaging-limit tier the portfolio has earned (undefined: the profile's start for a new one). */
  readonly startTier?: string;
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
  readonly country?: string;
  readonly timeZone?: string;
  readonly weekly?: string;
  readonly startTier?: string;
}

/** Weekdays as `every.weekday` names them. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

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
  country: 'BR',
  timeZone: 'America/Sao_Paulo',
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
    startTier: undefined as string | undefined,
    numbers: [{ id: 'number-1', channel: 'cloud-api', country: DEFAULT_ANSWERS.country }] as { id: string; channel: string; country: string }[],
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
        countries: { [DEFAULT_ANSWERS.country]: 1 } as Record<string, number>,
        timeZones: { [DEFAULT_ANSWERS.timeZone]: 1 } as Record<string, number>,
        localWindow: { from: 9, to: 21 },
      },
    ],
  },
  campaigns: [
    {
      id: 'campaign',
      template: 'main-template',
      segment: 'subscribers',
      numbers: 'all',
      startHour: 9,
      timeZone: DEFAULT_ANSWERS.timeZone,
      every: undefined as { days: number; weekday: string; localHour: number } | undefined,
    },
  ],
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
  s.portfolio.startTier = answers.startTier;
  s.portfolio.numbers = Array.from({ length: answers.numbers }, (_, i) => ({ ...SCENARIO_TEMPLATE.portfolio.numbers[0], id: `number-${i + 1}`, country: answers.country }));
  s.templates[0].category = answers.category;
  const segment = s.audience.segments[0];
  segment.size = answers.recipients;
  segment.countries = { [answers.country]: 1 };
  segment.timeZones = { [answers.timeZone]: 1 };
  const campaign = s.campaigns[0];
  campaign.timeZone = answers.timeZone;
  if (answers.weekly) campaign.every = { days: 7, weekday: answers.weekly.weekday, localHour: answers.weekly.localHour };
  s.strategies = [...answers.strategies];
  const numbers = answers.numbers === 1 ? 'one cloud-api number' : `${answers.numbers} cloud-api numbers (number-1 … number-${answers.numbers}; the campaign may send from all of them: "numbers": "all")`;
  const when = answers.weekly
    ? `a weekly campaign every ${answers.weekly.weekday} at ${answers.weekly.localHour}:00 ${answers.timeZone} time until the horizon (campaign \`every\`; occurrences campaign#1, campaign#2, …)`
    : 'one campaign from hour 9 of day 0';
  const tier = answers.startTier ? `The portfolio has earned ${answers.startTier}` : "The portfolio starts at the profile's messaging limit for a new portfolio (TIER_250: 250 unique users in a moving 24 h)";
  s.description = [
    `Written by wabasim init scenario: ${answers.verified ? 'a verified' : 'a new, unverified'} portfolio with ${numbers}, one ${answers.category} template and an explicit opt-in list of ${answers.recipients.toLocaleString('en-US')}`,
    `in ${answers.country} (read 75%, reply 8%, block 0.5%, STOP 1%; time zone ${answers.timeZone}, local sending hours 9:00–21:00 that the paced strategies respect), ${when}, run for ${answers.horizonDays} days over ${s.seeds} seeds against ${answers.strategies.join(', ')}.`,
    `${tier}${answers.verified && !answers.startTier ? ', and verification opens TIER_2K after Meta\'s review (about a day)' : ''}, so a larger list is reached over days, as fast as the limit grows.`,
    `Cost comes from the profile's rate card for ${answers.country} (per delivered template; \`wabasim list policies --params\`).`,
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
  const flagged = [a.name, a.question, a.numbers, a.verified, a.recipients, a.category, a.horizonDays, a.strategies, a.country, a.timeZone, a.weekly, a.startTier].some((v) => v !== undefined);
  const fromFlags = answersFromFlags(a);
  const answers = a.yes || flagged || !process.stdin.isTTY || !process.stdout.isTTY ? fromFlags : await ask(fromFlags);
  const scenario = scenarioFrom(answers, a.file);
  // what is written must validate (a tier name, a country the rate card knows): checked before writing; modules may not exist yet
  validateScenarioData(JSON.parse(JSON.stringify({ ...scenario, strategies: ['blast'] })), { file: a.file, strategyNames: BUILTIN_NAMES });
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
  const country = a.country ?? DEFAULT_ANSWERS.country;
  if (!/^[A-Z]{2}$/.test(country)) issues.push(kitMsg.badAnswer('--country', 'an ISO 3166 alpha-2 country code in capitals, e.g. BR', country));
  const timeZone = a.timeZone ?? DEFAULT_ANSWERS.timeZone;
  if (!isTimeZone(timeZone)) issues.push(kitMsg.badAnswer('--time-zone', 'an IANA time zone name, e.g. America/Sao_Paulo or Europe/Madrid', timeZone));
  const weekly = a.weekly === undefined || a.weekly === '' || a.weekly === 'none' ? undefined : parseWeekly(a.weekly);
  if (weekly === null) issues.push(kitMsg.badAnswer('--weekly', `DAY@HOUR, DAY one of ${WEEKDAYS.join(', ')} and HOUR a local hour 0–23, e.g. tue@10`, a.weekly));
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
    country,
    timeZone,
    ...(weekly ? { weekly } : {}),
    ...(a.startTier ? { startTier: a.startTier } : {}),
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
    const country = await q("Recipients' country (ISO code; prices come from its market)", d.country);
    const timeZone = await q("Recipients' time zone (IANA name)", d.timeZone);
    const weekly = await q('Send weekly? DAY@HOUR local (e.g. tue@10), or none', d.weekly ? `${d.weekly.weekday}@${d.weekly.localHour}` : 'none');
    const startTier = await q('Messaging-limit tier already earned (e.g. TIER_10K), or none for a new portfolio', d.startTier ?? 'none');
    return answersFromFlags({ file: '', yes: true, force: false, name, question, numbers: Number(numbers), verified: /^y/i.test(verified), recipients: Number(recipients), category, horizonDays: Number(horizonDays), strategies, country, timeZone, weekly, startTier: startTier === 'none' ? undefined : startTier });
  } finally {
    rl.close();
  }
}

/** True if `zone` is an IANA time zone this Node knows (Intl refuses others). */
function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** `tue@10` as { weekday: 'tue', localHour: 10 }; null when it is not DAY@HOUR. */
function parseWeekly(text: string): WeeklySend | null {
  const m = /^([a-z]{3})@(\d{1,2})$/i.exec(text.trim());
  const weekday = m?.[1].toLowerCase() as (typeof WEEKDAYS)[number] | undefined;
  const hour = Number(m?.[2]);
  return weekday && WEEKDAYS.includes(weekday) && hour >= 0 && hour <= 23 ? { weekday, localHour: hour } : null;
}

type WeeklySend = NonNullable<ScenarioAnswers['weekly']>;

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
