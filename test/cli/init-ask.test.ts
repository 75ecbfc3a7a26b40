/** `wabasim init scenario` on a terminal: the questions, in order, with the defaults kept on an empty answer. */
import { PassThrough } from 'node:stream';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { ask, DEFAULT_ANSWERS, scenarioFrom } from '../../src/cli/commands/init-scenario.js';
import { UserInputError } from '../../src/errors/index.js';
import { validateScenarioData } from '../../src/scenario/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';

/** The answers `ask` makes of `lines` typed one per question, and what it printed. */
async function answer(lines: string[]): Promise<{ answers: Awaited<ReturnType<typeof ask>>; printed: string }> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (b: Buffer) => (printed += b.toString()));
  input.end(lines.map((l) => `${l}\n`).join(''));
  return { answers: await ask(DEFAULT_ANSWERS, input, output), printed };
}

test('the questions are asked with their defaults; answers fill the scenario, empty answers keep the default', async () => {
  const { answers, printed } = await answer(['promo', '', '3', 'y', '200000', 'utility', '28', 'blast, tier-aware']);
  for (const q of ['Scenario name [my-scenario]', 'How many phone numbers [1]', 'Is the business verified (y/n) [n]', 'List size (recipients) [10000]', 'Template category', 'Horizon (days) [7]', 'Strategies']) assert.match(printed, q);
  assert.equal(answers, { ...DEFAULT_ANSWERS, name: 'promo', numbers: 3, verified: true, recipients: 200000, category: 'utility', horizonDays: 28, strategies: ['blast', 'tier-aware'] });
  const s = scenarioFrom(answers, 'promo.json');
  assert.is(validateScenarioData(s, { file: 'promo.json', strategyNames: BUILTIN_NAMES }).name, 'promo'); // throws on any problem
});

test('a weekly send, a country, a time zone and an earned tier become every, countries, timeZones and startTier, over all the numbers', async () => {
  const { answers, printed } = await answer(['shop', '', '3', 'y', '200000', 'marketing', '56', 'blast,tier-aware,multi-number', 'MX', 'America/Mexico_City', 'tue@10', 'TIER_10K']);
  for (const q of ["Recipients' country (ISO code; prices come from its market) [BR]", "Recipients' time zone (IANA name) [America/Sao_Paulo]", 'Send weekly? DAY@HOUR local (e.g. tue@10), or none [none]', 'Messaging-limit tier already earned']) assert.match(printed, q);
  const s = validateScenarioData(scenarioFrom(answers, 'shop.json'), { file: 'shop.json', strategyNames: BUILTIN_NAMES });
  assert.equal(s.campaigns[0].every, { days: 7, weekday: 'tue', localHour: 10 });
  assert.is(s.campaigns[0].numbers, 'all');
  assert.is(s.campaigns[0].timeZone, 'America/Mexico_City');
  assert.equal(s.audience.segments[0].timeZones, { 'America/Mexico_City': 1 });
  assert.equal(s.audience.segments[0].countries, { MX: 1 });
  assert.is(s.portfolio.startTier, 'TIER_10K');
  assert.ok(s.portfolio.numbers.every((n) => n.country === 'MX'));
});

test('a weekly send that is not DAY@HOUR and a time zone Intl does not know are user errors naming their flags', async () => {
  try {
    await answer(['x', '', '', '', '', '', '', '', 'BR', 'Mars/Olympus', 'someday@25', '']);
    assert.unreachable();
  } catch (err) {
    assert.instance(err, UserInputError);
    assert.equal((err as UserInputError).issues.map((i) => i.pointer), ['--time-zone', '--weekly']);
  }
});

test('an answer out of range is a user error naming the question', async () => {
  try {
    await answer(['x', '', '0', 'n', '', '', '', '']);
    assert.unreachable();
  } catch (err) {
    assert.instance(err, UserInputError);
    assert.is((err as UserInputError).issues[0].pointer, '--numbers');
  }
});

test.run();
