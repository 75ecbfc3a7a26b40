/**
 * Coexistence (MODEL.md §5; seed 000): a number on both the WhatsApp Business app and the Cloud
 * API, capped at 20 MPS (throughput.ts). The app on the primary phone must be opened at least once
 * every 14 days; otherwise the API connection is severed (DISCONNECTED — perceived as a ban, but a
 * disconnection). Reconnecting needs the app opened and re-onboarding (a delay). Broadcast volume
 * through a coexistence number raises 131056 and suspicious-signal flags (trust behaviour layer).
 */
import { DAY, HOUR, uniform } from '../engine/index.js';
import type { MechanismContext } from './context.js';
import type { ModelEvent } from './events.js';
import { sumHourly } from './hourly-ring.js';
import { enforce, lift } from './restrictions.js';
import type { NumberState } from './state/index.js';


/** Schedules the first habitual app open and the first disconnection check of a coexistence number. */
export function startCoexistence(ctx: MechanismContext, n: NumberState): void {
  if (n.channel !== 'coexistence') return;
  scheduleNextOpen(ctx, n);
  scheduleCheck(ctx, n);
}

function scheduleNextOpen(ctx: MechanismContext, n: NumberState): void {
  const habit = n.appOpen;
  if (habit === 'never') return;
  const jitter = habit.jitterHours > 0 ? uniform(ctx.streams.coexistence, -habit.jitterHours, habit.jitterHours) * HOUR : 0;
  ctx.sim.schedule(Math.max(ctx.sim.now + 1, Math.round(ctx.sim.now + habit.everyDays * DAY + jitter)), { type: 'app-open', number: n.index });
}

/** A disconnection check at last open + interval (14 days, seed 000 reported; 13 in two vendors' docs). */
function scheduleCheck(ctx: MechanismContext, n: NumberState): void {
  ctx.sim.schedule(n.lastAppOpen + ctx.world.policy.coexistence.appOpenIntervalDays * DAY, { type: 'coexistence-check', number: n.index, since: n.lastAppOpen });
}

/** The app is opened (habit or strategy): the 14-day clock restarts; a disconnected number starts re-onboarding. */
export function openApp(ctx: MechanismContext, n: NumberState): void {
  if (n.channel !== 'coexistence') return;
  n.lastAppOpen = ctx.sim.now;
  ctx.trace?.({ t: ctx.sim.now, kind: 'app-open', number: n.id });
  if (n.enforcement.open.has('disconnect')) {
    ctx.sim.scheduleIn(ctx.world.policy.coexistence.reconnectHours * HOUR, { type: 'reconnect', number: n.index, openedAt: ctx.sim.now }); // re-onboarding delay, estimate
  } else scheduleCheck(ctx, n);
}

export function onAppOpen(e: Extract<ModelEvent, { type: 'app-open' }>, ctx: MechanismContext): void {
  const n = ctx.world.numbers[e.number];
  openApp(ctx, n);
  scheduleNextOpen(ctx, n);
}

/** If the app was not opened since `since`, the API connection is severed now. */
export function onCoexistenceCheck(e: Extract<ModelEvent, { type: 'coexistence-check' }>, ctx: MechanismContext): void {
  const n = ctx.world.numbers[e.number];
  if (n.lastAppOpen !== e.since) return; // opened again in time; a newer check is pending
  enforce(ctx, n, 'disconnect', 'coexistence', 'COEXISTENCE_APP_NOT_OPENED', Infinity);
}

/** Re-onboarding completes: connected again, the clock runs from that app open. */
export function onReconnect(e: Extract<ModelEvent, { type: 'reconnect' }>, ctx: MechanismContext): void {
  const n = ctx.world.numbers[e.number];
  const id = n.enforcement.open.get('disconnect');
  if (id === undefined) return;
  lift(ctx, ctx.world.enforcements[id], 'REONBOARDED');
  scheduleCheck(ctx, n);
}

/**
 * A business-initiated send through a coexistence number in an hour already over the broadcast
 * volume: fails with 131056 with the parameter probability (seed 000, estimate).
 */
export function coexistenceBroadcastRefused(ctx: MechanismContext, n: NumberState): boolean {
  if (n.channel !== 'coexistence') return false;
  const p = ctx.world.policy.coexistence;
  return sumHourly(n.trust.ring, ctx.sim.now, 'sent', 1) > p.broadcastPerHour && ctx.streams.coexistence.next() < p.broadcast131056Probability;
}
