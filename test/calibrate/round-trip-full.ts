/**
 * The full round trip (issue 21): 50 trials of test/calibrate/round-trip-lib.ts, each with its own
 * drawn audience parameters (two segments); every observable parameter's true value must lie in
 * its 95% interval in at least 90% of its checks. Prints the coverage per parameter; exit 1 when
 * one is below. Run after `npx tsc -p .`: node dist/test/calibrate/round-trip-full.js [trials]
 */
import { coverage, roundTrip, type Check } from './round-trip-lib.js';

const TRIALS = Number(process.argv[2] ?? 50);
const TARGET = 0.9;

const all: Check[] = [];
const started = Date.now();
for (let trial = 1; trial <= TRIALS; trial++) {
  const checks = await roundTrip(trial);
  all.push(...checks);
  for (const c of checks) if (!c.covered) process.stdout.write(`trial ${trial}: ${c.parameter} truth ${c.truth} outside [${c.lo.toPrecision(4)}, ${c.hi.toPrecision(4)}]\n`);
}
let failed = false;
process.stdout.write(`\n${TRIALS} trials in ${((Date.now() - started) / 1000).toFixed(1)} s; coverage of the 95% intervals (target ≥ ${TARGET * 100}%):\n`);
for (const [parameter, { covered, total }] of coverage(all)) {
  const share = covered / total;
  if (share < TARGET) failed = true;
  process.stdout.write(`  ${parameter.padEnd(30)} ${covered}/${total} = ${(share * 100).toFixed(1)}%${share < TARGET ? '  BELOW' : ''}\n`);
}
const total = all.filter((c) => c.covered).length / all.length;
process.stdout.write(`  ${'all checks'.padEnd(30)} ${(total * 100).toFixed(1)}%\n`);
process.exitCode = failed ? 1 : 0;
