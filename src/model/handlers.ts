/**
 * The total handler registry of the model: one handler per event type (a missing one fails to
 * compile), each living in the module of its mechanism.
 */
import type { HandlerRegistry } from '../engine/index.js';
import { bump } from '../metrics/collector.js';
import type { RunContext } from './context.js';
import { onDeliver } from './delivery.js';
import { PRIORITY, type ModelEvent } from './events.js';
import { onBlock, onInboundArrival, onRead, onReply } from './feedback.js';
import { onCampaignStart, onStrategyWake } from './strategy-host.js';
import { expireWindow, poolLimit } from './tiers.js';
import { HOUR } from '../engine/index.js';

/** Samples the level series at the end of each hour (unique users in window, messaging limit). */
function onHourEnd(e: Extract<ModelEvent, { type: 'hour-end' }>, ctx: RunContext): void {
  const { world, metrics, sim } = ctx;
  const t = sim.now - 1;
  let unique = 0;
  let limit = 0;
  for (const pool of world.pools) {
    expireWindow(pool, sim.now, world.policy);
    unique += pool.count;
    limit += poolLimit(pool, world.portfolio.tiers);
  }
  bump(metrics, 'uniqueInWindow', t, unique);
  bump(metrics, 'messagingLimit', t, Number.isFinite(limit) ? limit : -1);
  if (e.hour + 1 < metrics.hours) sim.schedule((e.hour + 2) * HOUR, { type: 'hour-end', hour: e.hour + 1 }, PRIORITY.bookkeeping);
}

export const HANDLERS: HandlerRegistry<ModelEvent, RunContext> = {
  'campaign-start': onCampaignStart,
  'strategy-wake': onStrategyWake,
  deliver: onDeliver,
  read: onRead,
  reply: onReply,
  block: onBlock,
  'inbound-arrival': onInboundArrival,
  'hour-end': onHourEnd,
};
