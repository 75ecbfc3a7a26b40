import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { memoryMsg, UserInputError, type Issue } from '../../src/errors/index.js';
import { checkMergeMemory, checkSweepMemory, estimateSweep, mergeShards, MEMORY_COSTS, prepareSweep, runCost, runValidatedScenario, smallestShardCount, type SweepSetup } from '../../src/run/index.js';
import { LIMITS, loadScenario, planVariants, type Scenario } from '../../src/scenario/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';
import { smallScenario, tracedRun } from './helpers.js';

const FILE = 'test';

/** The sweep setup of `s` with `seeds` seeds. */
const setupOf = (s: Scenario, seeds: number, file = FILE): Promise<SweepSetup> => prepareSweep(s, file, planVariants(s, { file, strategyNames: BUILTIN_NAMES }), { seeds });
const all = (setup: SweepSetup): number[] => setup.plan.map((_, i) => i);
const issuesOf = (f: () => unknown): readonly Issue[] => {
  try {
    f();
  } catch (err) {
    if (err instanceof UserInputError) return err.issues;
    throw err;
  }
  assert.unreachable('accepted');
  return [];
};

test('the estimate counts the series a real run keeps, and its results.json bytes from above', async () => {
  const s = smallScenario({ horizonDays: 20 });
  const { result } = await tracedRun(s, 1);
  const values = Object.values(result.series).reduce((n, v) => n + v.length, 0);
  const cost = runCost(s);
  assert.is(cost.values, values);
  const json = JSON.stringify({ runs: [result] }, null, 1).length;
  assert.ok(json <= cost.jsonBytes && json > cost.jsonBytes / 2, `${json} bytes, estimated ${cost.jsonBytes}`);
});

test('a plan just under the budget runs; one byte less and it is refused before any run', async () => {
  const s = smallScenario();
  const setup = await setupOf(s, 3);
  const { bytes } = estimateSweep(setup.plan, all(setup), 0);
  const results = await runValidatedScenario(s, FILE, { seeds: 3, memoryBudget: bytes });
  assert.is(results.runs.length, 3);
  let ran = 0;
  const refused = await runValidatedScenario(s, FILE, { seeds: 3, memoryBudget: bytes - 1, onProgress: () => void ran++ }).then(
    () => undefined,
    (err: unknown) => (err instanceof UserInputError ? err.issues : undefined),
  );
  assert.ok(refused, 'refused');
  assert.is(refused![0].pointer, '/seeds');
  assert.is(ran, 0, 'no run started');
});

test('the refusal names the smallest shard count that fits, and every shard of it passes the same check', async () => {
  const s = smallScenario({ horizonDays: 30 });
  const setup = await setupOf(s, 10);
  const budget = Math.ceil(estimateSweep(setup.plan, all(setup), 0).bytes / 3.5);
  const count = smallestShardCount(setup.plan, 0, budget)!;
  const whole = estimateSweep(setup.plan, all(setup), 0);
  assert.equal(issuesOf(() => checkSweepMemory(setup.plan, all(setup), { file: FILE, seeds: 10, threads: 0, budget })), [memoryMsg.sweepTooLarge(FILE, '/seeds', whole, budget, { kind: 'shards', count }, undefined)]);
  const slice = (index: number, n: number): number[] => all(setup).filter((i) => i % n === index - 1);
  for (let index = 1; index <= count; index++) checkSweepMemory(setup.plan, slice(index, count), { file: FILE, seeds: 10, threads: 0, shard: { index, count }, budget });
  const tooFew = count - 1;
  assert.ok(tooFew >= 1 && estimateSweep(setup.plan, slice(1, tooFew), 0).bytes > budget, `${tooFew} shards do not fit`);
  // a shard runs through the pipeline under that budget
  const shard = await runValidatedScenario(s, FILE, { seeds: 10, shard: { index: 1, count }, memoryBudget: budget });
  assert.is(shard.runs.length, slice(1, count).length);
});

test('when worlds on many threads are what does not fit, fewer --workers is the advice', async () => {
  const s = smallScenario({ audience: { segments: [{ id: 'list', size: 1_000_000 }] } });
  const setup = await setupOf(s, 8);
  const budget = LIMITS.maxResultsBytes;
  const issues = issuesOf(() => checkSweepMemory(setup.plan, all(setup), { file: FILE, seeds: 8, threads: 8, budget }));
  const fits = [1, 2, 3, 4, 5, 6, 7].filter((t) => estimateSweep(setup.plan, all(setup), t).bytes <= budget);
  assert.equal(issues, [memoryMsg.sweepTooLarge(FILE, '/audience/segments', estimateSweep(setup.plan, all(setup), 8), budget, { kind: 'workers', count: Math.max(...fits) }, undefined)]);
});

test('a single run larger than the budget asks for a smaller run (no shard count helps)', async () => {
  const s = smallScenario({ audience: { segments: [{ id: 'list', size: LIMITS.maxRecipients }] }, portfolio: { numbers: Array.from({ length: 40 }, (_, i) => ({ id: `n${i}` })) }, campaigns: [{ id: 'c1', template: 'promo', segment: 'list', number: 'n0', startHour: 1 }] });
  const setup = await setupOf(s, 1);
  assert.is(smallestShardCount(setup.plan, 0, LIMITS.maxResultsBytes), undefined);
  const issues = issuesOf(() => checkSweepMemory(setup.plan, all(setup), { file: FILE, seeds: 1, threads: 0 }));
  assert.equal(issues, [memoryMsg.sweepTooLarge(FILE, '/audience/segments', estimateSweep(setup.plan, all(setup), 0), LIMITS.maxResultsBytes, { kind: 'smaller-run' }, undefined)]);
});

test('every bundled scenario fits the budget, on up to 8 worker threads', async () => {
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && !f.includes('_broken'));
  assert.ok(files.length >= 10);
  for (const name of files) {
    const file = join('scenarios', name);
    const s = loadScenario(file, BUILTIN_NAMES);
    const setup = await prepareSweep(s, file, planVariants(s, { file, strategyNames: BUILTIN_NAMES }), {});
    const estimate = checkSweepMemory(setup.plan, all(setup), { file, seeds: setup.seeds, threads: 8 });
    // the budget is itself the margin: it leaves about 0.5 GB of a 1.5 GB process to the rest (memory-estimate.ts)
    assert.ok(estimate.bytes < LIMITS.maxResultsBytes, `${name}: ${estimate.bytes} bytes`);
  }
});

test('merge refuses shards whose merged results would not fit, from their sizes, before reading any', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-memory-'));
  const files = [1, 2, 3].map((k) => {
    const file = join(dir, `s${k}.json`);
    writeFileSync(file, 'not even JSON '.repeat(1000));
    return file;
  });
  const total = 3 * 14_000;
  const c = MEMORY_COSTS;
  const bytes = Math.ceil(total * (c.parsedBytesPerJsonByte + c.writeBytesPerJsonByte) + 14_000 * c.readBytesPerJsonByte);
  assert.equal(issuesOf(() => mergeShards(files, bytes - 1)), [memoryMsg.mergeTooLarge(3, total, bytes, bytes - 1)]);
  checkMergeMemory([total / 3, total / 3, total / 3], bytes);
});

test.run();
