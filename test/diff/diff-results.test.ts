import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { diffResults, headlineMetrics } from '../../src/diff/index.js';
import { aggregate, type Results, type RunResult } from '../../src/run/index.js';

/** A results file of hand-made runs: `blocks` per seed, and a failure code only where given. */
function results(runs: { variant: string; seed: number; blocks: number; code?: number }[]): Results {
  const list = runs.map((r) => ({ variant: r.variant, strategy: 'blast', seed: r.seed, summary: { delivered: 100, blocks: r.blocks, failedByCode: r.code === undefined ? {} : { '131049': r.code } }, series: {}, events: 0 }) as unknown as RunResult);
  return { wabasim: 'test', scenario: {}, variants: [], runs: list, aggregates: aggregate(list) };
}

test('headline metrics: the scalars with the failure codes present after failed', () => {
  assert.equal(headlineMetrics(['read', 'failedByCode.131049', 'delivered']), ['delivered', 'uniqueUsersReached', 'failed', 'failedByCode.131049', 'blocks', 'reports', 'restricted', 'banned', 'dropped']);
});

test('common seeds: the paired difference of B − A seed by seed; a code absent from A counts 0', () => {
  const a = results([1, 2, 3].map((seed) => ({ variant: 'v', seed, blocks: seed })));
  const b = results([1, 2, 3].map((seed) => ({ variant: 'v', seed, blocks: seed + 2, code: 1 })));
  const d = diffResults(a, b);
  const blocks = d.rows.find((r) => r.metric === 'blocks');
  assert.equal(blocks, { variant: 'v', strategy: 'blast', metric: 'blocks', a: 2, b: 4, difference: 2, ci95: [2, 2], method: 'paired', n: 3, significant: true });
  const code = d.rows.find((r) => r.metric === 'failedByCode.131049');
  assert.equal([code?.a, code?.b, code?.difference, code?.significant], [0, 1, 1, true]);
  assert.not.ok(d.rows.find((r) => r.metric === 'delivered')?.significant);
});

test('no common seeds: Welch from the aggregates; pairs in one file only are listed', () => {
  const a = results([1, 2, 3].map((seed) => ({ variant: 'v', seed, blocks: seed })));
  const b = results([...[7, 8, 9].map((seed) => ({ variant: 'v', seed, blocks: seed - 6 })), { variant: 'w', seed: 7, blocks: 0 }]);
  const d = diffResults(a, b);
  const blocks = d.rows.find((r) => r.metric === 'blocks');
  assert.equal([blocks?.method, blocks?.n, blocks?.difference, blocks?.significant], ['welch', [3, 3], 0, false]);
  assert.equal(d.onlyInB, [{ variant: 'w', strategy: 'blast' }]);
  assert.equal(d.onlyInA, []);
});

test.run();
