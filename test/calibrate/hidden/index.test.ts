import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { inferHiddenRates } from '../../../src/calibrate/hidden/index.js';
import type { HiddenEvidence } from '../../../src/calibrate/evidence.js';
import { UserInputError } from '../../../src/errors/index.js';
import { observe, teamScenario } from './truth.js';

const block = (p: Awaited<ReturnType<typeof inferHiddenRates>>) => p.parameters.find((x) => x.name === 'blockProbability')!;

test('a block-heavy list (3% blocks): the 95% band holds the true block rate and is well above a clean list', async () => {
  const scenario = teamScenario({ size: 1000, days: 14, everyDays: 3, blockProbability: 0.03, reportProbability: 0.0005 });
  const observed = observe(scenario, 11);
  assert.ok(observed.undeliverable > 20, `the log shows 131026 failures (${observed.undeliverable})`);
  const p = block(await inferHiddenRates({ scenario, observed, simulations: 60, seed: 1 }));
  assert.ok(p.lo95 <= 0.03 && 0.03 <= p.hi95, `0.03 in [${p.lo95}, ${p.hi95}]`);
  assert.ok(p.lo95 > 0.004, `the band excludes a clean list's rate: lo95 ${p.lo95}`);
});

test('a clean list (0.1% blocks): the band holds the truth and excludes a block-heavy rate', async () => {
  const scenario = teamScenario({ size: 1000, days: 14, everyDays: 3, blockProbability: 0.001, reportProbability: 0.0001 });
  const observed = observe(scenario, 12);
  const p = block(await inferHiddenRates({ scenario, observed, simulations: 60, seed: 2 }));
  assert.ok(p.lo95 <= 0.001 && 0.001 <= p.hi95, `0.001 in [${p.lo95}, ${p.hi95}]`);
  assert.ok(p.hi95 < 0.01, `a clean list is not reported as 1% or more: hi95 ${p.hi95}`);
});

test('a log with no consequences at all is an upper bound (unidentified), not a confident number', async () => {
  // every recipient messaged once: no 131026 can arise, and the quality stayed GREEN
  const observed: HiddenEvidence = { delivered: 800, deliveredPerDay: [800], recipients: 800, undeliverable: 0, failed: 0, qualityDowngrades: 0, firstDowngradeDay: null, worstRating: 'GREEN', templatePauses: 0, templateDisables: 0, templateQualityDrops: 0, restrictions: 0, numbers: 1 };
  const scenario = teamScenario({ size: 800, days: 3, everyDays: 3, blockProbability: 0.005, reportProbability: 0.0005 });
  const post = await inferHiddenRates({ scenario, observed, simulations: 80, seed: 3 });
  for (const p of post.parameters) assert.is(p.identified, false, `${p.name} unidentified`);
  const p = block(post);
  assert.match(p.why, /0 131026 failures/);
  assert.match(p.why, /upper bound|cannot tell/);
  assert.ok(p.lo95 < 0.001, `the band reaches down to the prior's low end: ${p.lo95}`);
});

test('the block-reason mix is reported unidentified, with the reason', async () => {
  const scenario = teamScenario({ size: 300, days: 3, everyDays: 3, blockProbability: 0.01, reportProbability: 0.0005 });
  const post = await inferHiddenRates({ scenario, observed: observe(scenario, 1), simulations: 10, seed: 1 });
  const mix = post.parameters.find((x) => x.name === 'blockReasons.spam')!;
  assert.is(mix.identified, false);
  assert.match(mix.why, /no webhook carries a block's reason/);
});

test('deterministic: the same input and seed give the same posterior byte for byte; another seed another', async () => {
  const scenario = teamScenario({ size: 400, days: 7, everyDays: 2, blockProbability: 0.01, reportProbability: 0.0005 });
  const observed = observe(scenario, 5);
  const progress: number[] = [];
  const a = JSON.stringify(await inferHiddenRates({ scenario, observed, simulations: 15, seed: 9, progress: (done) => progress.push(done) }));
  const b = JSON.stringify(await inferHiddenRates({ scenario, observed, simulations: 15, seed: 9 }));
  const c = JSON.stringify(await inferHiddenRates({ scenario, observed, simulations: 15, seed: 10 }));
  assert.is(a, b);
  assert.is.not(a, c);
  assert.equal(progress, Array.from({ length: 15 }, (_, i) => i + 1));
});

test('simulations on worker threads give the posterior of simulations on this thread, byte for byte, whatever the worker count', async () => {
  const scenario = teamScenario({ size: 400, days: 7, everyDays: 2, blockProbability: 0.02, reportProbability: 0.0005 });
  const observed = observe(scenario, 6);
  const here = JSON.stringify(await inferHiddenRates({ scenario, observed, simulations: 24, seed: 4, workers: 0 }));
  for (const workers of [1, 3]) assert.is(JSON.stringify(await inferHiddenRates({ scenario, observed, simulations: 24, seed: 4, workers })), here, `${workers} worker(s)`);
});

test('a log without a delivered template is a user error, not a crash', async () => {
  const scenario = teamScenario({ size: 100, days: 3, everyDays: 3, blockProbability: 0.01, reportProbability: 0.0005 });
  const observed: HiddenEvidence = { delivered: 0, deliveredPerDay: [], recipients: 0, undeliverable: 0, failed: 3, qualityDowngrades: 0, firstDowngradeDay: null, worstRating: 'UNKNOWN', templatePauses: 0, templateDisables: 0, templateQualityDrops: 0, restrictions: 0, numbers: 1 };
  try {
    await inferHiddenRates({ scenario, observed, simulations: 10 });
    assert.unreachable('should throw');
  } catch (err) {
    assert.instance(err, UserInputError);
    assert.match((err as Error).message, /delivered template/);
  }
});

test.run();
