/**
 * Import rules (issue 17, STYLE.md habits 1 and 13), checked with dependency-cruiser over src/ and
 * over a fixture tree that breaks each rule once. The rules live in .dependency-cruiser.cjs.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { join } from 'node:path';
import { configuredRules, importViolations, REPO_ROOT, RULES, type RuleName } from './cruise.js';

const FIXTURE = join(REPO_ROOT, 'test', 'architecture', 'fixtures', 'imports');

const onSrc = importViolations(REPO_ROOT, ['src']);
const onFixture = importViolations(FIXTURE, ['src']);

const WHAT: Record<RuleName, string> = {
  'engine-knows-no-model': 'src/engine/ imports nothing of the model, strategies, pipeline, report or policy',
  'strategies-see-only-the-observable-api': 'src/strategies/ import only observable.ts and codes.ts of the model, and nothing of the pipeline or report',
  'no-circular': 'src/ has no import circle, type-only imports included',
  'model-sees-no-pipeline': 'src/model/ imports nothing of run/, report/ or cli/',
};

function holds(rule: RuleName, lines: readonly string[]): void {
  assert.ok(lines.length === 0, `${rule}: ${lines.length} violating import(s)\n  ${lines.join('\n  ')}`);
}

test('the config holds exactly the rules these tests check', async () => {
  assert.equal(await configuredRules(), [...RULES]);
});

test('dependency-cruiser reads the TypeScript sources (without a TypeScript < 7 API it reads none and passes)', async () => {
  const { modules } = await onSrc;
  const missing = ['src/engine/index.ts', 'src/model/state/world.ts', 'src/strategies/index.ts'].filter((m) => !modules.includes(m));
  assert.equal(missing, []);
});

for (const rule of RULES) {
  test(WHAT[rule], async () => holds(rule, (await onSrc).violations[rule]));
}

test('engine-knows-no-model fails on an engine file importing a model type', async () => {
  assert.equal((await onFixture).violations['engine-knows-no-model'], ['src/engine/clock.ts → src/model/world.ts']);
});

test('strategies-see-only-the-observable-api fails on a strategy importing a model internal, not on observable.ts or codes.ts', async () => {
  assert.equal((await onFixture).violations['strategies-see-only-the-observable-api'], ['src/strategies/greedy.ts → src/model/tiers.ts']);
});

test('no-circular fails on a two-file circle of type-only imports', async () => {
  assert.equal((await onFixture).violations['no-circular'], [
    'src/model/quality.ts → src/model/tiers.ts (circle: src/model/quality.ts → src/model/tiers.ts → src/model/quality.ts)',
  ]);
});

test('model-sees-no-pipeline fails on a model file importing the run pipeline', async () => {
  assert.equal((await onFixture).violations['model-sees-no-pipeline'], ['src/model/world.ts → src/run/pipeline.ts']);
});

test.run();
