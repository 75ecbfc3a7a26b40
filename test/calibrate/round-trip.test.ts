/**
 * The round trip in CI (reduced): 6 trials of round-trip-lib.ts (two segments each, drawn
 * parameters). A 95% interval misses about 1 check in 20; a broken estimator (a biased
 * proportion, a delay measured from the wrong event, a rate over the wrong exposure) misses
 * nearly all of its checks. Each parameter must be covered in at least 9 of its 12 checks (6
 * trials × 2 segments) — for a correct 95% interval the chance of 4 or more misses in 12 is
 * about 0.2% — and all checks together in at least 85%. The full 50-trial run:
 * node dist/test/calibrate/round-trip-full.js
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { coverage, roundTrip, type Check } from './round-trip-lib.js';

const TRIALS = 6;

test('every observable parameter drawn for a simulated audience lies in its 95% interval in most trials', async () => {
  const all: Check[] = [];
  for (let trial = 1; trial <= TRIALS; trial++) all.push(...(await roundTrip(trial, [1_500, 1_000])));
  const misses = all.filter((c) => !c.covered).map((c) => `${c.parameter} ${c.truth} ∉ [${c.lo}, ${c.hi}]`);
  for (const [parameter, { covered, total }] of coverage(all)) {
    // delay forms are drawn per segment, so a delay kind may have few checks: allow one miss in any count below 12
    const need = total >= 12 ? total - 3 : total - 1;
    assert.ok(covered >= need, `${parameter}: covered ${covered} of ${total} (need ${need}); misses:\n${misses.join('\n')}`);
  }
  assert.ok(all.filter((c) => c.covered).length >= 0.85 * all.length, misses.join('\n'));
  for (const p of ['readProbability', 'replyProbability', 'stopProbability', 'inboundPerDay']) assert.is(coverage(all).get(p)?.total, 2 * TRIALS, p);
});

test.run();
