import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { closestWord } from '../../src/errors/closest-word.js';

test('the nearest word within edit distance 2 is suggested, ties to the earlier word', () => {
  assert.is(closestWord('chanel', ['id', 'channel', 'country']), 'channel');
  assert.is(closestWord('horizonDay', ['horizonDays', 'seeds']), 'horizonDays');
  assert.is(closestWord('sed', ['seeds', 'seed']), 'seed');
  assert.is(closestWord('ab', ['ax', 'ay']), 'ax');
  assert.is(closestWord('kitten', ['sitting']), undefined); // distance 3
  assert.is(closestWord('anything', []), undefined);
});

test.run();
