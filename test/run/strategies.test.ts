import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { kitMsg, msg } from '../../src/errors/index.js';
import { isolatingResolver, resolveStrategies, runScenario, writeEventLogWatched, type Results } from '../../src/run/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';
import { issuesOf, tempScenarios } from './temp-scenarios.js';

const { dir, file, scenarioFile } = tempScenarios('wabasim-strategies-', 200);

/** The strategies the results echo. */
function echoed(results: Results): { label: string; params: unknown }[] {
  return (results.scenario as { strategies: { label: string; params: unknown }[] }).strategies;
}


const MODULE = `
export const strategy = {
  name: 'every-hour',
  description: 'one recipient an hour',
  params: { step: { type: 'integer', default: 1, min: 1, max: 10, description: 'recipients a wake-up' } },
  create(params) {
    let next = 0;
    return {
      onCampaignStart(api, c) { next = c.first; api.wakeAt(api.now(), c.id); },
      onWake(api, id) {
        const c = api.campaigns().find((x) => x.id === id);
        for (let k = 0; k < params.step && next < c.first + c.count; k++) api.sendTemplate(c.number, next++, c.template);
        if (next < c.first + c.count) api.wakeAt(api.now() + 3600000, id);
      },
    };
  },
};
`;

test('the bundled example scenario loads polite-sender from a path relative to the scenario file and runs it', async () => {
  const results = await runScenario('scenarios/user-strategy.json', { seeds: 1 });
  assert.equal(echoed(results).map((s) => s.label), ['blast', 'polite-sender']);
  const run = results.runs.find((r) => r.strategy === 'polite-sender')!;
  assert.ok(run.summary.attempted > 0 && run.summary.attempted <= 2000);
});

test('polite-sender sends hourly batches in office hours and never messages a recipient after STOP', async () => {
  // a module runs only in a worker thread (its hardened realm): read its run from the event log
  const log: { t: number; kind: string; recipient?: unknown }[] = [];
  let rest = '';
  await writeEventLogWatched('scenarios/user-strategy.json', {
    strategy: './strategies/polite-sender.mjs',
    seed: 1,
    write: (text) => {
      const lines = (rest + text).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) log.push(JSON.parse(line) as { t: number; kind: string; recipient?: unknown });
    },
  });
  const sends = log.filter((r) => r.kind === 'accepted' || r.kind === 'rejected');
  assert.ok(sends.length > 100);
  for (const r of sends) {
    const hour = (r.t / 3_600_000) % 24;
    assert.ok(Number.isInteger(hour) && hour >= 9 && hour < 17, `a send at hour ${hour}`);
  }
  const stops = new Map(log.filter((r) => r.kind === 'stop').map((r) => [r.recipient, r.t]));
  assert.ok(stops.size > 0);
  assert.equal(sends.filter((r) => stops.has(r.recipient) && r.t > stops.get(r.recipient)!), []);
});

test('a user module runs: .mjs, a CommonJS .js and a .ts (compiled by esbuild), with its parameters checked and passed', async () => {
  file('mods/every-hour.mjs', MODULE);
  file('mods/cjs-every-hour.js', MODULE.replace('export const strategy =', 'module.exports.default =').replace("'every-hour'", "'cjs-every-hour'"));
  file('mods/ts-every-hour.ts', MODULE.replace('create(params) {', 'create(params: Record<string, number>): object {').replace('let next = 0;', 'let next: number = 0;').replace("'every-hour'", "'ts-every-hour'"));
  const f = scenarioFile('user.json', [{ name: './mods/every-hour.mjs', params: { step: 3 } }, './mods/cjs-every-hour.js', './mods/ts-every-hour.ts']);
  const results = await runScenario(f); // one wake-up an hour from 09:00 to the 24:00 horizon, inclusive: 16
  assert.equal(results.runs.map((r) => [r.strategy, r.summary.attempted]), [['every-hour', 3 * 16], ['cjs-every-hour', 16], ['ts-every-hour', 16]]);
  assert.equal(echoed(results)[0].params, { step: 3 });
});

test('--strategy paths are relative to the working directory', async () => {
  const [s] = await isolatingResolver()(['scenarios/strategies/polite-sender.mjs'], join(dir, 'elsewhere.json'), '--strategy', undefined);
  assert.is(s.label, 'polite-sender');
  assert.equal(await issuesOf(() => resolveStrategies(['scenarios/strategies/polite-sender.mjs'], join(dir, 'elsewhere.json'))), [
    msg.strategyModuleMissing(join(dir, 'elsewhere.json'), '/strategies/0', join(dir, 'scenarios/strategies/polite-sender.mjs'), dir),
  ]);
});

test('a missing module path is a user error naming the file, the pointer and the resolved path', async () => {
  const f = scenarioFile('missing.json', ['blast', './no/such/strategy.mjs']);
  const issues = await issuesOf(() => runScenario(f));
  assert.equal(issues, [msg.strategyModuleMissing(f, '/strategies/1', join(dir, 'no/such/strategy.mjs'), dir)]);
});

test('a module without the interface is a user error saying what was expected and found', async () => {
  const cases: [string, string, string][] = [
    ['answer.mjs', 'export const answer = 42;\n', 'exports answer but neither default nor strategy'],
    ['no-create.mjs', "export default { name: 'x', description: 'y' };\n", 'strategy "x" has no create(params) function'],
    ['bad-param.mjs', "export default { name: 'x', description: 'y', params: { n: { type: 'float', default: 1 } }, create() { return {}; } };\n", 'parameter "n" of "x" has type "float" (expected one of "number", "integer", "boolean", "string", "number[]", "string[]", "object")'],
    ['no-start.mjs', "export default { name: 'x', description: 'y', create() { return { onWake() {} }; } };\n", 'create() returned an object without an onCampaignStart(api, campaign) function'],
  ];
  for (const [name, content, found] of cases) {
    const path = file(name, content);
    const f = scenarioFile(`${name}.json`, [`./${name}`]);
    assert.equal(await issuesOf(() => runScenario(f)), [msg.notAStrategy(f, '/strategies/0', path, found)], name);
  }
});

test('a module that fails to import, or whose create() throws, is a user error', async () => {
  const broken = file('broken.mjs', 'export default {;\n');
  const f = scenarioFile('broken.json', ['./broken.mjs']);
  const [issue] = await issuesOf(() => runScenario(f));
  assert.equal([issue.pointer, issue.expected], ['/strategies/0', msg.strategyModuleFailed(f, '', broken, '').expected]);
  assert.match(issue.found, `${broken}: SyntaxError`);
  const source = "export default { name: 'x', description: 'y', create() { throw new Error('no'); } };\n";
  const throwing = file('throwing.mjs', source);
  const g = scenarioFile('throwing.json', [{ name: './throwing.mjs' }]);
  assert.equal(await issuesOf(() => runScenario(g)), [kitMsg.strategyThrew(g, '/strategies/0/name', 'x', 'create()', 'Error: no', ` (at ${throwing}:1:${source.indexOf('new Error') + 1})`)]);
});

test('a create() that passes the check and throws when a run makes its own is a user error naming create(), in this thread and in a worker', async () => {
  const source = "let n = 0; export default { name: 'x', description: 'y', create() { if (n++) throw new Error('second create'); return { onCampaignStart() {} }; } };\n";
  const path = file('second-create.mjs', source);
  const f = scenarioFile('second-create.json', ['./second-create.mjs']);
  const expected = [kitMsg.strategyThrew(f, '/strategies/0', 'x', 'create()', 'Error: second create', ` (at ${path}:1:${source.indexOf('new Error') + 1})`)];
  assert.equal(await issuesOf(() => runScenario(f)), expected);
  assert.equal(await issuesOf(() => runScenario(f, { workers: 1 })), expected);
});

test('a user strategy that throws during a run is a user error naming its file, line and column, in this thread and in a worker', async () => {
  const source = "export default { name: 'late', description: 'throws on wake', create() { return {\n  onCampaignStart(api) { api.wakeAt(api.now() + 1000, 'x'); },\n  onWake() { throw new TypeError('oops'); },\n} } };\n";
  const path = file('late-throw.mjs', source);
  const f = scenarioFile('late.json', ['./late-throw.mjs']);
  const expected = [kitMsg.strategyThrew(f, '/strategies/0', 'late', 'onWake', 'TypeError: oops', ` (at ${path}:3:${source.split('\n')[2].indexOf('new TypeError') + 1})`)];
  assert.equal(await issuesOf(() => runScenario(f)), expected);
  assert.equal(await issuesOf(() => runScenario(f, { workers: 1 })), expected);
});

test('parameters of a user module are validated against its declaration', async () => {
  file('mods2/every-hour.mjs', MODULE);
  const f = scenarioFile('params.json', [{ name: './mods2/every-hour.mjs', params: { step: 99, speed: 1 } }]);
  assert.equal(await issuesOf(() => runScenario(f)), [
    msg.outOfRange(f, '/strategies/0/params/step', 1, 10, 99),
    msg.unknownKey(f, '/strategies/0/params', 'speed', ['step']),
  ]);
});

test('built-in names still resolve, and an unknown name is reported as before', async () => {
  const resolved = await resolveStrategies(['warmup', { name: 'backoff', label: 'b', params: { maxAttempts: 3 } }], 'test');
  assert.equal(resolved.map((r) => [r.label, r.definition.name, r.params.maxAttempts]), [['warmup', 'warmup', undefined], ['b', 'backoff', 3]]);
  assert.equal(await issuesOf(() => resolveStrategies(['teleport'], 'x.json')), [msg.unknownStrategy('x.json', '/strategies/0', BUILTIN_NAMES, 'teleport')]);
});

test.run();
