/**
 * The hardened realm (issue 18 item 2; src/run/strategy-realm.ts, README "Threat model"): a user
 * strategy cannot read or alter the model's hidden state by patching built-ins, cannot replace a
 * method of the SenderApi, cannot reach Node's process or modules, and cannot read the clock with
 * new Date(). Each case runs the real CLI with `--strategy` on test/fixtures/realm/patch.json;
 * honest.mjs is the twin the attacks must match byte for byte once their patches are refused.
 * Without the realm both attacks work: measured on the commit before it, patch-map.mjs and
 * patch-array.mjs took the honest twin's 1,737 sends failed at the messaging limit to 0 (259
 * delivered to 1,954), so these tests fail if the built-ins are not frozen.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { resolveStrategies, runOnce } from '../../src/run/index.js';
import { bundleMsg } from '../../src/run/strategy-bundle.js';
import { realmMsg } from '../../src/run/strategy-realm.js';
import { loadScenario, planVariants } from '../../src/scenario/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const SCENARIO = 'test/fixtures/realm/patch.json';

/** Runs `strategy` (a fixture module's file name) on the patch scenario; returns the status, stderr and results.json (if written). */
function run(strategy: string, workers = '0'): { status: number | null; stderr: string; results?: string } {
  const out = mkdtempSync(join(tmpdir(), 'wabasim-hardened-'));
  const r = spawnSync(process.execPath, [BIN, 'run', SCENARIO, '--strategy', `./test/fixtures/realm/strategies/${strategy}`, '--out', out, '--workers', workers], { encoding: 'utf8', timeout: 60_000 });
  const file = join(out, 'results.json');
  return { status: r.status, stderr: r.stderr, results: existsSync(file) ? readFileSync(file, 'utf8') : undefined };
}

const honest = run('honest.mjs');

test('the honest twin runs and hits the messaging limit (the state an attack would lift)', () => {
  assert.is(honest.status, 0, honest.stderr);
  const results = JSON.parse(honest.results!) as { runs: { summary: { failedByCode: Record<string, number> } }[] };
  assert.ok(results.runs[0].summary.failedByCode.limit_reached > 1000, String(results.runs[0].summary.failedByCode.limit_reached)); // 1,738 on 2026-12-01; a patch that reached the limit state took it to 0
});

test('a strategy that patches Map.prototype.get (to reach the number state the API looks up) gets results byte-identical to its honest twin, in the main process and in 2 workers', () => {
  for (const workers of ['0', '2']) {
    const r = run('patch-map.mjs', workers);
    assert.is(r.status, 0, r.stderr);
    assert.ok(r.results === honest.results, `workers ${workers}: results differ from the honest twin's`);
  }
});

test('a strategy that patches Array.prototype.push and [Symbol.iterator] and defines an accessor on Object.prototype gets results byte-identical to its honest twin', () => {
  const r = run('patch-array.mjs');
  assert.is(r.status, 0, r.stderr);
  assert.ok(r.results === honest.results, "results differ from the honest twin's");
});

test('a patch of a built-in that is not caught stops the run: exit 2 naming the module and the frozen property, nothing written', () => {
  const r = run('patch-map-uncaught.mjs');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, "patch-map-uncaught.mjs: TypeError: Cannot assign to read only property 'get' of object '[object Map]'");
  assert.is(r.results, undefined);
  assert.not.match(r.stderr, '    at ');
});

test('the SenderApi is hardened: replacing one of its methods is exit 2 naming the callback', () => {
  const r = run('api-patch.mjs');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, "onCampaignStart does not throw, found");
  assert.match(r.stderr, "Cannot assign to read only property 'sendTemplate'");
});

test('new Date() without arguments is refused with what to use instead (api.now())', () => {
  const r = run('new-date.mjs');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, realmMsg.newDate());
  assert.match(r.stderr, 'onCampaignStart');
});

test("Node's process is out of reach: process.env is refused, naming what a strategy can use", () => {
  const r = run('process-env.mjs');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, realmMsg.process('env'));
  assert.match(r.stderr, 'create() does not throw');
});

test('an import of a Node built-in is refused before any code runs: exit 2 naming the import, the module is never evaluated', () => {
  rmSync('/tmp/wabasim-realm-escaped', { force: true });
  const r = run('import-fs.mjs');
  assert.is(r.status, 2, r.stderr);
  assert.match(r.stderr, bundleMsg.importRefused('node:fs'));
  assert.match(r.stderr, 'import-fs.mjs:2:');
  assert.not.ok(existsSync('/tmp/wabasim-realm-escaped'));
});

test("the model's realm is left as it is: a module run in this thread (no worker) neither freezes its built-ins nor sees them patched", async () => {
  const scenario = loadScenario(SCENARIO, BUILTIN_NAMES);
  const [variant] = planVariants(scenario, { file: SCENARIO, strategyNames: BUILTIN_NAMES });
  const [attack] = await resolveStrategies(['./test/fixtures/realm/strategies/patch-map.mjs'], SCENARIO, '--strategy');
  const [twin] = await resolveStrategies(['./test/fixtures/realm/strategies/honest.mjs'], SCENARIO, '--strategy');
  const get = Map.prototype.get;
  assert.equal(runOnce(variant, attack, 1).summary, runOnce(variant, twin, 1).summary);
  assert.not.ok(Object.isFrozen(Map.prototype));
  assert.is(Map.prototype.get, get);
  assert.type(Math.random(), 'number');
});

test.run();
