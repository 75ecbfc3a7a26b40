import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { msg, UserInputError } from '../../src/errors/index.js';
import { mergeShards, runScenario } from '../../src/run/index.js';

const SCENARIO = 'scenarios/first-campaign.json';

test('results are byte-identical in the main thread and with 1, 2 and 3 worker threads', async () => {
  const one = JSON.stringify(await runScenario(SCENARIO, { seeds: 6, workers: 0 }));
  assert.is(JSON.stringify(await runScenario(SCENARIO, { seeds: 6, workers: 1 })), one);
  assert.is(JSON.stringify(await runScenario(SCENARIO, { seeds: 6, workers: 2 })), one);
  assert.is(JSON.stringify(await runScenario(SCENARIO, { seeds: 6, workers: 3 })), one);
});

test('shards merged in any order give the single-machine file byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-shards-'));
  const whole = JSON.stringify(await runScenario(SCENARIO, { seeds: 5 }), null, 1);
  const files: string[] = [];
  for (const index of [3, 1, 2]) {
    const f = join(dir, `s${index}.json`);
    writeFileSync(f, JSON.stringify(await runScenario(SCENARIO, { seeds: 5, shard: { index, count: 3 } }), null, 1));
    files.push(f);
  }
  assert.is(JSON.stringify(mergeShards(files), null, 1), whole);
});

test('a missing shard, a repeated shard or a foreign file is a user error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-shards-'));
  const shard = async (index: number, seeds = 4): Promise<string> => {
    const f = join(dir, `s${index}-${seeds}.json`);
    writeFileSync(f, JSON.stringify(await runScenario(SCENARIO, { seeds, shard: { index, count: 2 } })));
    return f;
  };
  const s1 = await shard(1);
  const s2 = await shard(2);
  const other = await shard(2, 6);
  assert.throws(() => mergeShards([s1]), (e: unknown) => e instanceof UserInputError && /missing runs/.test(e.issues[0].found));
  assert.throws(() => mergeShards([s1, s1, s2]), (e: unknown) => e instanceof UserInputError && JSON.stringify(e.issues) === JSON.stringify([msg.duplicateShard(s1, s1, 1, 2)]));
  assert.throws(() => mergeShards([s1, other]), (e: unknown) => e instanceof UserInputError);
  const plain = join(dir, 'plain.json');
  writeFileSync(plain, JSON.stringify(await runScenario(SCENARIO, { seeds: 1 })));
  assert.throws(() => mergeShards([plain]), (e: unknown) => e instanceof UserInputError && e.issues[0].pointer === '/shard');
});

test.run();
