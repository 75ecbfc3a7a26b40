import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { booleanParam, defineStrategy, integerParam, numberParam, WINDOW_PARAMS, type StrategyDefinition } from '../../src/strategies/index.js';

test('the builders write declarations with the fields `wabasim list strategies` prints, in its order', () => {
  assert.equal(Object.entries(integerParam(20, 1, 1000, 'Sends per second')), [['type', 'integer'], ['default', 20], ['min', 1], ['max', 1000], ['description', 'Sends per second']]);
  assert.equal(numberParam(0.9, 0.01, 1, 'Share'), { type: 'number', default: 0.9, min: 0.01, max: 1, description: 'Share' });
  assert.equal(Object.entries(booleanParam(true, 'Poll')), [['type', 'boolean'], ['default', true], ['description', 'Poll']]);
});

test('defineStrategy returns the definition as written; create gets typed values of the declared parameters', () => {
  const seen: unknown[] = [];
  const params = { ...WINDOW_PARAMS, poll: booleanParam(false, 'Poll') };
  const typed = defineStrategy({
    name: 'typed',
    description: 'records what create receives',
    source: 'test',
    params,
    create(p) {
      const perSecond: number = p.perSecond;
      const poll: boolean = p.poll;
      // @ts-expect-error a boolean parameter is not a number
      const wrong: number = p.poll;
      seen.push(perSecond, poll, wrong, p.windowHours);
      return { onCampaignStart: () => undefined };
    },
  });
  assert.is(typed.params, params);
  assert.equal(Object.keys(typed), ['name', 'description', 'source', 'params', 'create']);
  const plain: StrategyDefinition = typed; // still a plain definition, as the registry and src/run/ hold it
  plain.create({ windowStartHour: 9, windowHours: 8, perSecond: 20, poll: true });
  assert.equal(seen, [20, true, true, 8]);
});

test('reading an undeclared parameter does not compile', () => {
  defineStrategy({
    name: 'typo',
    description: 'reads a parameter it did not declare',
    source: 'test',
    params: { perSecond: integerParam(20, 1, 1000, 'Sends per second') },
    create(p) {
      // @ts-expect-error perSeconds is not declared
      void p.perSeconds;
      const n: number = p.perSecond;
      void n;
      return { onCampaignStart: () => undefined };
    },
  });
});

test.run();
