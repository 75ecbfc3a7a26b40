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

test('the eight questions are asked with their defaults; answers fill the scenario, empty answers keep the default', async () => {
  const { answers, printed } = await answer(['promo', '', '3', 'y', '200000', 'utility', '28', 'blast, tier-aware']);
  for (const q of ['Scenario name [my-scenario]', 'How many phone numbers [1]', 'Is the business verified (y/n) [n]', 'List size (recipients) [10000]', 'Template category', 'Horizon (days) [7]', 'Strategies']) assert.match(printed, q);
  assert.equal(answers, { ...DEFAULT_ANSWERS, name: 'promo', numbers: 3, verified: true, recipients: 200000, category: 'utility', horizonDays: 28, strategies: ['blast', 'tier-aware'] });
  const s = scenarioFrom(answers, 'promo.json');
  assert.is(validateScenarioData(s, { file: 'promo.json', strategyNames: BUILTIN_NAMES }).name, 'promo'); // throws on any problem
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
