/**
 * The watchdog in the library (src/run/watchdog.ts, isolated-strategies.ts): runScenario keeps a
 * user module in watched workers even with `workers: 0` and turns a callback that never returns
 * into a UserInputError from the catalogue; the event log written in a worker equals the one
 * written here; built-ins stay unwrapped on this thread.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UserInputError, watchdogMsg } from '../../src/errors/index.js';
import { isolatingResolver, namesModule, runScenario, writeEventLog, writeEventLogWatched } from '../../src/run/index.js';

const LOOP = 'test/fixtures/watchdog/loop-on-wake.json';

async function issuesOf(f: () => Promise<unknown>): Promise<unknown> {
  try {
    await f();
  } catch (err) {
    if (err instanceof UserInputError) return err.issues;
    throw err;
  }
  return 'no error';
}

test('a user onWake that never returns is stopped: the issue names the strategy, onWake, the simulated time and the seed', async () => {
  const issues = await issuesOf(() => runScenario(LOOP, { workers: 0, callbackTimeout: 0.5 }));
  assert.equal(issues, [watchdogMsg.callbackTimeout(LOOP, '/strategies/1', 'loop-on-wake', 'onWake', 0.5, '2026-01-05T10:00:00.000Z', 1)]);
});

test('the module is resolved in a worker: the main thread holds an isolated description; built-ins resolve here, unwrapped', async () => {
  assert.ok(namesModule(['blast', './x.mjs']));
  assert.not.ok(namesModule(['blast', { name: 'warmup' }]));
  const resolve = isolatingResolver(5);
  const [blast, mod] = await resolve(['blast', './strategies/loop-on-wake.mjs'], LOOP, '/strategies', undefined);
  assert.equal([blast.label, blast.isolated], ['blast', true]); // a sweep with a module resolves all its strategies in the worker
  assert.equal([mod.label, mod.isolated, mod.definition.name], ['loop-on-wake', true, 'loop-on-wake']);
  assert.throws(() => mod.definition.create({}));
  const [here] = await resolve(['blast'], LOOP, '/strategies', undefined);
  assert.is(here.isolated, undefined);
});

test('the event log of a user module written in a watched worker equals the one written on this thread', async () => {
  const opts = { strategy: './strategies/polite-sender.mjs', seed: 2 };
  const here: string[] = [];
  await writeEventLog('scenarios/user-strategy.json', { ...opts, write: (line) => here.push(`${line}\n`) });
  let there = '';
  await writeEventLogWatched('scenarios/user-strategy.json', { ...opts, write: (chunk) => (there += chunk) });
  assert.ok(here.length > 1000);
  assert.is(there, here.join(''));
});

test.run();
