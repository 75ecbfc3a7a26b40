import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { scenarioArb } from './arbitrary.js';
import { checkScenario } from './run-property.js';

/** Scenarios per property in `npm test`; `npm run test:long` runs 1,000+ (WABASIM_PROPERTY_RUNS). */
const RUNS = Number(process.env.WABASIM_PROPERTY_RUNS ?? 25);

test(`random valid scenarios satisfy every invariant (${RUNS} scenarios)`, async () => {
  await fc.assert(
    fc.asyncProperty(scenarioArb, fc.integer({ min: 1, max: 1_000_000 }), async (data, seed) => {
      const found = await checkScenario(data, seed, seed % 5 === 0);
      assert.equal(found, [], JSON.stringify(data));
    }),
    { numRuns: RUNS, seed: 20261122 },
  );
});

test.run();
