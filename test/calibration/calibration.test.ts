/**
 * The calibration suite in its reduced form (npm test): every stylized fact of MODEL.md §11 and
 * the documented rules, over `seeds.reduced` seeds (6) with the same assertions — "≤ 5% of runs"
 * becomes "0 of 6". The full form is `npm run calibration` (run-full.ts, ≥ 20 seeds per fact).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { FACTS } from './facts/index.js';

for (const fact of FACTS) {
  test(`${fact.id}: ${fact.fact}`, async () => {
    const outcome = await fact.check({ mode: 'reduced', seeds: fact.seeds.reduced, workers: 0 });
    assert.ok(outcome.pass, `${outcome.figure} — expected ${fact.expected}`);
  });
}

test('every fact names its source and runs at least 20 seeds in the full form', () => {
  for (const fact of FACTS) {
    assert.ok(fact.seeds.full >= 20, fact.id);
    assert.ok(/seeds\/0\d\d_|developers\.facebook\.com|Meta "/.test(fact.source), `${fact.id}: ${fact.source}`);
  }
  assert.ok(FACTS.length >= 12);
  assert.is(new Set(FACTS.map((f) => f.id)).size, FACTS.length);
});

test.run();
