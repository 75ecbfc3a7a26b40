/**
 * Graph API app-level budget (MODEL.md §4; seed 002): 200 requests per rolling hour for a WABA
 * with no registered number, 5,000 with one; over it → 429. Runtime overload → 503 with a
 * parameter probability. Polling by strategies (GET phone number) spends it.
 */
import { HOUR } from '../engine/index.js';
import { tally } from '../metrics/collector.js';
import { ERROR_CODES } from './codes.js';
import type { MechanismContext } from './context.js';
import type { GraphBudget } from './state/index.js';

export function createGraphBudget(registered: boolean): GraphBudget {
  return { times: [], head: 0, registered };
}

/** Spends one request at now; returns 0 when allowed, else the HTTP-style error code (429 or 503). */
export function spendRequest(ctx: MechanismContext): number {
  const g = ctx.world.portfolio.graph;
  const p = ctx.world.policy.graphApi;
  const now = ctx.sim.now;
  while (g.head < g.times.length && g.times[g.head] <= now - HOUR) g.head++;
  if (g.head > 1024 && g.head * 2 > g.times.length) {
    g.times.splice(0, g.head);
    g.head = 0;
  }
  const budget = g.registered ? p.requestsPerHour : p.requestsPerHourNoNumber; // seed 002, documented
  tally(ctx.metrics, 'graphRequests');
  if (g.times.length - g.head >= budget) return ERROR_CODES.apiRateLimit;
  if (ctx.streams.graph.next() < p.overloadProbability) return ERROR_CODES.apiOverloaded; // seed 002: 503, reported
  g.times.push(now);
  return 0;
}
