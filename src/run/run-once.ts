/**
 * One run: a variant × strategy × seed, simulated to the horizon.
 *
 *   resolve the policy ─▶ build the world ─▶ start (model/start.ts) ─▶ run to the horizon ─▶ summarise (model/summary.ts)
 */
import { streamFactory } from '../engine/index.js';
import { PROFILES, resolvePolicy, type ProfileId } from '../policy/index.js';
import { buildWorld, runSeries, runToHorizon, startRun, summarize, type RunContext, type StartOptions } from '../model/index.js';
import type { VariantPlan } from '../scenario/index.js';
import type { RunResult } from './results.js';
import type { ResolvedStrategy } from './strategies.js';

export interface RunOptions extends StartOptions {
  /** Called with the run's context once the horizon is reached (tests and diagnostics inspect the final state). */
  readonly atHorizon?: (ctx: RunContext) => void;
  /** The session of consecutive runs on this thread (a sweep's); see RunSession. */
  readonly session?: RunSession;
}

/**
 * Consecutive runs on one thread (a sweep, or a worker's share of it). It holds the context of
 * the latest run until the next run has built its own.
 *
 * Why: V8 deoptimizes compiled code when the hidden classes (maps) it was compiled for are
 * collected. Every run builds its world afresh with the same code, so without this a full
 * collection between two runs frees the last run's objects and their hidden classes with them,
 * and the next run starts with its hot code thrown away: 50-odd deoptimizations a run and about
 * 20% more time (`npm run bench`, line "full model", which collects garbage before every timed
 * run, as a sweep's worker does between runs now and then). Holding the previous context while
 * the next is built keeps the classes alive, so the new objects get the same ones; it is let go
 * once they exist, before the simulation starts.
 */
export interface RunSession {
  previous: RunContext | undefined;
}

/** A session for a sweep's runs on this thread. */
export function createRunSession(): RunSession {
  return { previous: undefined };
}

/**
 * Simulates `variant` with `strategy` under run seed `seed`.
 * Random streams: 'param:*' (one per sampled parameter), 'reactions' and 'marketing' (keys of common random numbers, engine/keyed-uniforms.ts), 'delivery', 'inbound',
 * 'strategy', … — each derived from the seed and its own name, independent of the others.
 */
export function runOnce(variant: VariantPlan, strategy: ResolvedStrategy, seed: number, opts: RunOptions = {}): RunResult {
  // 1. resolve the policy and build the world
  const streamFor = streamFactory(seed);
  const policy = resolvePolicy(PROFILES[variant.policy as ProfileId], variant.overrides, streamFor);
  const world = buildWorld(variant.scenario, policy, streamFor);
  // 2. start: the context, and what happens without the strategy
  const ctx = startRun(variant.scenario, world, streamFor, () => strategy.definition.create(strategy.params), opts);
  if (opts.session) opts.session.previous = ctx; // the previous run's context is garbage from here on
  // 3. run to the horizon
  runToHorizon(ctx);
  opts.atHorizon?.(ctx);
  // 4. summarise
  const usage = { sentFrom: world.numbers.filter((n) => ctx.usage.sends[n.index] > 0).map((n) => n.id), localTime: ctx.usage.localTime > 0, attributes: ctx.usage.attributes > 0 };
  return { variant: variant.name, strategy: strategy.label, seed, summary: summarize(ctx), series: runSeries(ctx.metrics), events: ctx.sim.dispatched, usage };
}
