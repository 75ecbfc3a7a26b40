/**
 * Starting one run (MODEL.md throughout): the run's context — clock, world, metrics, named random
 * streams, the strategy and its API, the messages in flight — and everything that happens without
 * the strategy's doing: campaign starts, spontaneous inbound messages, the hour ends, the starting
 * tier (and verification's scaling path), coexistence app clocks, account-metadata changes and
 * the AI-policy detection.
 */
import { HOUR, Simulation, keyedUniforms } from '../engine/index.js';
import { createCollector } from '../metrics/collector.js';
import type { Scenario } from '../scenario/index.js';
import { startCoexistence } from './coexistence.js';
import type { RunContext, TraceRecord } from './context.js';
import { PRIORITY, type ModelEvent } from './events.js';
import { COMPACT_HANDLERS, HANDLERS } from './handlers.js';
import { InFlightMessages } from './messages.js';
import type { Strategy } from './observable.js';
import { createFeedback, nextInboundDelay } from './recipients.js';
import type { StreamFor, World } from './state/index.js';
import { createApiUsage, createSenderApi } from './strategy-host.js';
import { checkUpgrade } from './tiers.js';

export interface StartOptions {
  readonly trace?: (record: TraceRecord) => void;
  /** Keep message ids in flight even when nothing observes them (tests compare both ways; results are the same). */
  readonly keepMessageIds?: boolean;
}

/**
 * The context of a run of `world` (built from `scenario`) with the strategy `createStrategy`
 * makes, its start scheduled. Random streams come from `streamFor`, one per subsystem.
 */
export function startRun(scenario: Scenario, world: World, streamFor: StreamFor, createStrategy: () => Strategy, opts: StartOptions = {}): RunContext {
  const sim = new Simulation<ModelEvent>();
  const metrics = createCollector(world.horizon);
  let ctx: RunContext;
  const usage = createApiUsage(world.numbers.length);
  const api = createSenderApi(world, () => ctx, streamFor('strategy'), usage);
  const instance = createStrategy();
  // a message id is observable after the send only through the event log and status or inbound webhooks
  const keepIds = opts.keepMessageIds === true || opts.trace !== undefined || instance.onStatus !== undefined || instance.onInbound !== undefined;
  ctx = {
    sim,
    world,
    metrics,
    streams: { reactions: keyedUniforms(streamFor('reactions')), delivery: streamFor('delivery'), inbound: streamFor('inbound'), marketing: keyedUniforms(streamFor('marketing')), graph: streamFor('graph'), coexistence: streamFor('coexistence'), enforcement: streamFor('enforcement') },
    strategy: instance,
    api,
    usage,
    trace: opts.trace,
    messages: new InFlightMessages({ keepIds, numbers: world.numbers.length, templates: world.templates.length, recipients: world.audience.size }),
    feedback: createFeedback(),
    nextMessageId: 1,
    inFlight: 0,
  };
  world.campaigns.forEach((c, i) => sim.schedule(c.startAt, { type: 'campaign-start', campaign: i }));
  world.audience.segments.forEach((seg, i) => {
    const first = nextInboundDelay(seg, ctx.streams.inbound);
    if (Number.isFinite(first)) sim.schedule(first, { type: 'inbound-arrival', segment: i });
  });
  sim.schedule(HOUR, { type: 'hour-end', hour: 0 }, PRIORITY.bookkeeping);
  for (const pool of world.pools) {
    ctx.trace?.({ t: 0, kind: 'tier', pool: pool.id, tier: world.portfolio.tiers[pool.tierIndex].name, event: 'START' });
    checkUpgrade(ctx, pool); // verification is known from the start
  }
  for (const n of world.numbers) startCoexistence(ctx, n);
  scenario.portfolio.metadataChanges.forEach((c, i) => sim.schedule(Math.round(c.atHour * HOUR), { type: 'metadata-change', change: i }));
  if (scenario.portfolio.generalPurposeAiBot) sim.schedule(Math.round(scenario.portfolio.aiDetectionHour * HOUR), { type: 'ai-policy', stage: 'warning' });
  return ctx;
}

/** Simulates the started run to its horizon. */
export function runToHorizon(ctx: RunContext): void {
  ctx.sim.run(ctx.world.horizon, HANDLERS, ctx, COMPACT_HANDLERS);
}

/**
 * Simulates the started run up to simulated time `t` (ms), at most its horizon: every event due by
 * then runs and the clock ends there (wabasim serve moves time this way between requests).
 * @example runUntil(ctx, ctx.sim.now + 60_000) // one simulated minute
 */
export function runUntil(ctx: RunContext, t: number): void {
  const until = Math.min(t, ctx.world.horizon);
  if (until >= ctx.sim.now) ctx.sim.run(until, HANDLERS, ctx, COMPACT_HANDLERS);
}
