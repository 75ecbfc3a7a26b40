/**
 * Strategy parameters beyond numbers (issue 22 item 3): strings (with enum), lists and small
 * objects are declared by a user module, checked against the scenario's values with errors
 * naming the scenario file and the JSON pointer (down to a list element or an object field), and
 * reach create() as declared; numbers and booleans behave as before.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { msg } from '../../src/errors/index.js';
import { runScenario } from '../../src/run/index.js';
import { declarationProblem, valueProblems } from '../../src/run/strategy-params.js';
import { KIT_SPECIFIER } from '../../src/run/strategy-bundle.js';
import { issuesOf, tempScenarios } from './temp-scenarios.js';

const { file, scenarioFile } = tempScenarios('wabasim-params-', 50);


/** Sends to the first `count` recipients whose index is in `pick`, from the numbers listed; its params echo what create() got. */
const MODULE = `import { defineStrategy, stringParam, numberListParam, stringListParam, objectParam, integerParam } from '${KIT_SPECIFIER}';
export default defineStrategy({
  name: 'kinds',
  description: 'every kind of parameter',
  params: {
    mode: stringParam('first', 'Which recipients', ['first', 'odd']),
    hours: numberListParam([9], 0, 23, 'Hours'),
    tags: stringListParam([], 'Tags'),
    window: objectParam({ start: 9, label: 'am' }, { start: { type: 'integer', min: 0, max: 23 }, label: { type: 'string' } }, 'Window'),
    count: integerParam(3, 1, 50, 'Sends'),
  },
  create(p) {
    return {
      onCampaignStart(api, c) {
        let sent = 0;
        for (let r = c.first; r < c.first + c.count && sent < p.count; r++) {
          if (p.mode === 'odd' && r % 2 === 0) continue;
          api.sendTemplate(c.number, r, c.template);
          sent++;
        }
        if (p.hours.length !== 2 || p.tags.join() !== 'a,b' || p.window.label !== 'pm') throw new Error('params not as given: ' + JSON.stringify(p));
      },
    };
  },
});
`;

test('valueProblems checks each kind, pointing inside lists and objects', () => {
  const str = { type: 'string', default: 'a', enum: ['a', 'b'], description: '' } as const;
  assert.equal(valueProblems(str, 'b'), []);
  assert.equal(valueProblems(str, 'c'), [{ at: '', expected: 'a string, one of "a", "b"', found: 'c' }]);
  const list = { type: 'number[]', default: [], min: 0, max: 23, maxItems: 3, description: '' } as const;
  assert.equal(valueProblems(list, [1, 'x', 30]).map((p) => p.at), ['/1', '/2']);
  assert.equal(valueProblems(list, [1, 2, 3, 4]), [{ at: '', expected: 'a list of numbers in [0, 23] (0 to 3 items)', found: '4 items' }]);
  const obj = { type: 'object', default: { a: 1 }, shape: { a: { type: 'integer' }, 'b/c': { type: 'boolean' } }, description: '' } as const;
  assert.equal(valueProblems(obj, { a: 1.5, x: 1 }).map((p) => p.at), ['/x', '/a', '/b~1c']);
  assert.equal(valueProblems({ type: 'integer', default: 1, min: 1, max: 5, description: '' }, 2), []);
  assert.equal(valueProblems({ type: 'boolean', default: true, description: '' }, 1), [{ at: '', expected: 'a value of type boolean', found: 1 }]);
});

test('a declaration whose default does not fit, or an object without a shape, is refused', () => {
  assert.match(declarationProblem({ type: 'string', default: 'c', enum: ['a'] }), 'has a default that is not a string, one of "a"');
  assert.match(declarationProblem({ type: 'object', default: {} }), 'without a shape');
  assert.is(declarationProblem({ type: 'string[]', default: ['x'], description: 'd' }), '');
});

test('a module with string, list and object parameters gets the scenario values in create() and runs', async () => {
  file('kinds.mjs', MODULE);
  const f = scenarioFile('ok.json', [{ name: './kinds.mjs', params: { mode: 'odd', hours: [9, 13], tags: ['a', 'b'], window: { start: 14, label: 'pm' }, count: 4 } }]);
  const results = await runScenario(f, { workers: 0 });
  assert.is(results.runs[0].summary.attempted, 4);
  const echoed = (results.scenario as { strategies: { params: unknown }[] }).strategies[0].params;
  assert.equal(echoed, { mode: 'odd', hours: [9, 13], tags: ['a', 'b'], window: { start: 14, label: 'pm' }, count: 4 });
});

test('wrong values are user errors naming the scenario file and the pointer of each', async () => {
  file('kinds.mjs', MODULE);
  const f = scenarioFile('bad.json', [{ name: './kinds.mjs', params: { mode: 'even', hours: [9, 24, 'x'], tags: 'a', window: { start: 9 }, count: 2.5 } }]);
  const at = '/strategies/0/params';
  assert.equal(await issuesOf(() => runScenario(f, { workers: 0 })), [
    msg.badParamValue(f, `${at}/mode`, 'a string, one of "first", "odd"', 'even'),
    msg.outOfRange(f, `${at}/hours/1`, 0, 23, 24),
    msg.badParamValue(f, `${at}/hours/2`, 'a value of type number', 'x'),
    msg.badParamValue(f, `${at}/tags`, 'a list of strings', 'a'),
    msg.badParamValue(f, `${at}/window/label`, 'a string (a required field)', undefined),
    msg.badParamValue(f, `${at}/count`, 'a value of type integer', 2.5),
  ]);
});

test.run();
