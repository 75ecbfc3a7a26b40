/**
 * One run: a variant × strategy × seed, simulated to the horizon.
 */
import { DAY, HOUR, Simulation, streamFactory } from '../engine/index.js';
import { createCollector, type Collector } from '../metrics/collector.js';
import { PROFILES, resolvePolicy, type ProfileId } from '../policy/index.js';
import { buildWorld, COMPACT_HANDLERS, createSenderApi, HANDLERS, type ModelEvent, type RunContext, type TraceRecord, type World } from '../model/index.js';
import { PRIORITY } from '../model/events.js';
import { InFlightMessages } from '../model/messages.js';
import { createFeedback, nextInboundDelay } from '../model/recipients.js';
import { checkUpgrade } from '../model/tiers.js';
import { startCoexistence } from '../model/coexistence.js';
import type { VariantPlan } from '../scenario/index.js';
import type { RunResult, RunSummary } from './results.js';
import type { ResolvedStrategy } from './strategies.js';
import { ENFORCEMENT_KINDS, ENFORCEMENT_PATHS, PERMANENT_KINDS, RESTRICTING_KINDS } from '../model/state/index.js';

export interface RunOptions {
  readonly trace?: (record: TraceRecord) => void;
  /** Called with the run's context once the horizon is reached (tests and diagnostics inspect the final state). */
  readonly atHorizon?: (ctx: RunContext) => void;
  /** Keep message ids in flight even when nothing observes them (tests compare both ways; results are the same). */
  readonly keepMessageIds?: boolean;
}

/**
 * The context of the latest run on this thread, held until the next run has built its own.
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
let previous: RunContext | undefined;

/**
 * Simulates `variant` with `strategy` under run seed `seed`.
 * Random streams: 'param:*' (one per sampled parameter), 'recipients', 'delivery', 'inbound',
 * 'strategy' — each independent of the others.
 */
export function runOnce(variant: VariantPlan, strategy: ResolvedStrategy, seed: number, opts: RunOptions = {}): RunResult {
  const streamFor = streamFactory(seed);
  const policy = resolvePolicy(PROFILES[variant.policy as ProfileId], variant.overrides, streamFor);
  const world = buildWorld(variant.scenario, policy, streamFor);
  const sim = new Simulation<ModelEvent>();
  const metrics = createCollector(world.horizon);
  let ctx: RunContext;
  const api = createSenderApi(world, () => ctx, streamFor('strategy'));
  const instance = strategy.definition.create(strategy.params);
  // a message id is observable after the send only through the event log and status or inbound webhooks
  const keepIds = opts.keepMessageIds === true || opts.trace !== undefined || instance.onStatus !== undefined || instance.onInbound !== undefined;
  ctx = {
    sim,
    world,
    metrics,
    streams: { recipients: streamFor('recipients'), delivery: streamFor('delivery'), inbound: streamFor('inbound'), marketing: streamFor('marketing'), graph: streamFor('graph'), coexistence: streamFor('coexistence'), enforcement: streamFor('enforcement') },
    strategy: instance,
    api,
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
  variant.scenario.portfolio.metadataChanges.forEach((c, i) => sim.schedule(Math.round(c.atHour * HOUR), { type: 'metadata-change', change: i }));
  if (variant.scenario.portfolio.generalPurposeAiBot) sim.schedule(Math.round(variant.scenario.portfolio.aiDetectionHour * HOUR), { type: 'ai-policy', stage: 'warning' });
  previous = ctx; // the previous run's context is garbage from here on
  sim.run(world.horizon, HANDLERS, ctx, COMPACT_HANDLERS);
  opts.atHorizon?.(ctx);
  return {
    variant: variant.name,
    strategy: strategy.label,
    seed,
    summary: summarize(world, metrics, ctx.inFlight),
    series: {
      ...Object.fromEntries(Object.entries(metrics.series).map(([k, v]) => [k, Array.from(v)])),
      ...Object.fromEntries([...metrics.numberSeries.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, v]) => [key, Array.from(v)])),
    },
    events: sim.dispatched,
  };
}

function summarize(world: World, m: Collector, inFlight: number): RunSummary {
  const sorted = (map: Map<string, number>): Record<string, number> =>
    Object.fromEntries([...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const reached = sumOf(world.audience.reached);
  const tiers = world.portfolio.tiers;
  const failed = sumOf([...m.failedByCode.values()]);
  const blocks = sumOf([...m.blocksByReason.values()]);
  const restricted = world.enforcements.some((e) => RESTRICTING_KINDS.has(e.kind));
  const banned = world.enforcements.some((e) => PERMANENT_KINDS.has(e.kind));
  return {
    attempted: m.attempted,
    accepted: m.accepted,
    delivered: m.delivered,
    failed,
    failedByCode: sorted(m.failedByCode),
    pendingAtHorizon: inFlight,
    uniqueUsersReached: reached,
    read: m.read,
    replies: m.replies,
    inbound: m.inbound,
    blocks,
    blocksByReason: sorted(m.blocksByReason),
    reports: m.reports,
    stops: m.stops,
    webhooks: m.webhooks,
    aggressiveRetries: m.aggressiveRetries,
    graphRequests: m.graphRequests,
    held: sumOf(world.templates.map((t) => t.stats.held)),
    released: sumOf(world.templates.map((t) => t.stats.released)),
    dropped: sumOf(world.templates.map((t) => t.stats.dropped)),
    pacingVerdicts: {
      released: sumOf(world.templates.map((t) => t.stats.verdicts.released)),
      paused: sumOf(world.templates.map((t) => t.stats.verdicts.paused)),
      noFeedback: sumOf(world.templates.map((t) => t.stats.verdicts.noFeedback)),
    },
    templatePauses: sumOf(world.templates.map((t) => t.pausedHours.length)),
    templatesDisabled: world.templates.filter((t) => t.status === 'DISABLED').length,
    templates: Object.fromEntries(world.templates.map((t) => [t.id, { held: t.stats.held, released: t.stats.released, dropped: t.stats.dropped, pausedHours: [...t.pausedHours], verdicts: { ...t.stats.verdicts }, finalStatus: t.status, finalQuality: t.quality }])),
    finalTier: tiers[Math.min(...world.pools.map((p) => p.tierIndex))].name,
    peakTier: tiers[Math.max(...world.pools.map((p) => p.peakTierIndex))].name,
    daysToTier: Object.fromEntries(
      tiers.flatMap((t, i) => {
        const at = Math.min(...world.pools.map((p) => (p.reachedAt[i] < 0 ? Infinity : p.reachedAt[i])));
        return Number.isFinite(at) ? [[t.name, at / DAY]] : [];
      }),
    ),
    peakUniqueInWindow: Math.max(0, ...m.series.uniqueInWindow),
    qualityHours: Object.fromEntries(world.numbers.map((n) => [n.id, m.qualityHours.get(n.id) ?? {}])),
    qualityHoursTotal: sumRecords([...m.qualityHours.values()]),
    unansweredPeak: Math.max(0, ...world.numbers.map((n) => n.trust.unanswered.peak)),
    trustScorePeak: Math.max(0, ...world.numbers.map((n) => n.trust.peak)),
    restrictionHours: Object.fromEntries(
      ENFORCEMENT_KINDS.map((kind) => [kind, world.enforcements.filter((e) => e.kind === kind).reduce((h, e) => h + (Math.min(e.end, world.horizon) - e.start) / HOUR, 0)]),
    ),
    ban: banned ? 'permanent' : restricted ? 'soft' : 'none',
    restricted: restricted ? 1 : 0,
    banned: banned ? 1 : 0,
    perThousandDelivered: {
      blocks: perThousand(blocks, m.delivered),
      reports: perThousand(m.reports, m.delivered),
      restrictions: perThousand(world.enforcements.filter((e) => RESTRICTING_KINDS.has(e.kind)).length, m.delivered),
    },
    numbers: Object.fromEntries(world.numbers.map((n) => [n.id, { channel: n.channel, trustScoreActs: n.trust.acts, trustScorePeak: n.trust.peak, hoursOverRestrictScore: n.trust.hoursOverRestrictScore }])),
    enforcements: world.enforcements.map((e) => ({
      number: world.numbers[e.number].id,
      kind: e.kind,
      reason: e.reason,
      path: e.path,
      label: ENFORCEMENT_PATHS[e.path].label,
      startDay: e.start / DAY,
      endDay: Number.isFinite(e.end) ? Math.min(e.end, world.horizon) / DAY : null,
      appealed: e.appealed,
      ...(e.layers ? { layers: e.layers } : {}),
    })),
  };
}

/**
 * The sum of `values`, left to right. An index loop in a function of its own: it also counts the
 * reached recipients, and that loop inside `summarize` made V8 compile the whole summary (about
 * 90 ms on a compiler thread, once per worker — time a parallel sweep's other worker needs).
 */
function sumOf(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

/** `count` per 1,000 of `delivered`, 0 when nothing was delivered. */
function perThousand(count: number, delivered: number): number {
  return delivered > 0 ? (count * 1000) / delivered : 0;
}

function sumRecords(records: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
  return out;
}
