/**
 * The soak (`npm run test:long`): random valid scenarios for a fixed time budget
 * (WABASIM_SOAK_SECONDS, default 120), every invariant checked on each; prints the figures and
 * exits 1 on the first violation or crash.
 */
import fc from 'fast-check';
import { scenarioArb } from '../properties/arbitrary.js';
import { checkScenario } from '../properties/run-property.js';

const budget = Number(process.env.WABASIM_SOAK_SECONDS ?? 120) * 1000;
const started = performance.now();
let scenarios = 0;
let seed = 1;
while (performance.now() - started < budget) {
  const batch = fc.sample(fc.tuple(scenarioArb, fc.integer({ min: 1, max: 1_000_000 })), { numRuns: 50, seed: seed++ });
  for (const [data, runSeed] of batch) {
    let found: string[];
    try {
      found = await checkScenario(data, runSeed, runSeed % 10 === 0);
    } catch (err) {
      found = [`crash: ${err instanceof Error ? err.stack : String(err)}`];
    }
    scenarios++;
    if (found.length) {
      console.error(`violation after ${scenarios} scenarios (seed ${runSeed}):\n${found.join('\n')}\n${JSON.stringify(data)}`);
      process.exit(1);
    }
  }
}
const seconds = (performance.now() - started) / 1000;
console.log(`soak: ${scenarios} random scenarios in ${seconds.toFixed(0)} s, 0 violations`);
console.log(`${scenarios} passed, 0 failed`);
