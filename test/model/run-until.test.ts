/**
 * runUntil (model/start.ts) moves a run to a time; `wabasim serve` advances runs this way. Running
 * to the horizon in many uneven steps must be the same run as running there at once.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { MINUTE, streamFactory } from '../../src/engine/index.js';
import { buildWorld, runSeries, runUntil, startRun, summarize } from '../../src/model/index.js';
import { PROFILES, resolvePolicy, type ProfileId } from '../../src/policy/index.js';
import { resolveStrategies, runOnce } from '../../src/run/index.js';
import { loadScenario, planVariants } from '../../src/scenario/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';

const FILE = 'scenarios/first-campaign.json';

test('a run advanced in uneven steps with runUntil equals the run taken to its horizon at once', async () => {
  const variant = planVariants(loadScenario(FILE, BUILTIN_NAMES), { file: FILE, strategyNames: BUILTIN_NAMES })[0];
  const [blast] = await resolveStrategies(['blast'], FILE);
  const whole = runOnce(variant, blast, 4);
  const streamFor = streamFactory(4);
  const world = buildWorld(variant.scenario, resolvePolicy(PROFILES[variant.policy as ProfileId], variant.overrides, streamFor), streamFor);
  const ctx = startRun(variant.scenario, world, streamFor, () => blast.definition.create(blast.params));
  for (let t = 0; t < world.horizon; t += 37 * MINUTE + 1234) runUntil(ctx, t);
  runUntil(ctx, world.horizon + 5 * MINUTE); // past the horizon: stops at it
  assert.is(ctx.sim.now, world.horizon);
  assert.is(ctx.sim.dispatched, whole.events);
  assert.equal(summarize(ctx), whole.summary);
  assert.equal(runSeries(ctx.metrics), whole.series);
});

test('nextAt is the time of the earliest pending event', async () => {
  const variant = planVariants(loadScenario(FILE, BUILTIN_NAMES), { file: FILE, strategyNames: BUILTIN_NAMES })[0];
  const streamFor = streamFactory(1);
  const world = buildWorld(variant.scenario, resolvePolicy(PROFILES[variant.policy as ProfileId], variant.overrides, streamFor), streamFor);
  const ctx = startRun(variant.scenario, world, streamFor, () => ({ onCampaignStart() {} }));
  const next = ctx.sim.nextAt;
  assert.ok(next > 0 && Number.isFinite(next));
  runUntil(ctx, next);
  assert.ok(ctx.sim.dispatched >= 1);
  assert.ok(ctx.sim.nextAt > next);
});

test.run();
