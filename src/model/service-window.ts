/**
 * The customer-service window (MODEL.md §4; Meta "Customer service windows", documented): a user's
 * inbound message, reply or STOP opens a window of `serviceWindow.hours` with the number written
 * to, in which free-form messages are allowed and nothing counts toward the messaging limit.
 * Owns NumberState.windowUntil.
 */
import { HOUR } from '../engine/index.js';
import type { RunContext } from './context.js';
import type { NumberState } from './state/index.js';

/** Opens (or extends) the customer-service window of `recipient` with number `number` — Meta, documented. */
export function openServiceWindow(ctx: Pick<RunContext, 'sim' | 'world'>, number: number, recipient: number): void {
  ctx.world.numbers[number].windowUntil[recipient] = ctx.sim.now + ctx.world.policy.serviceWindow.hours * HOUR;
}

/** True if `recipient` has an open customer-service window with `n` at `now`. */
export function inServiceWindow(n: NumberState, recipient: number, now: number): boolean {
  return n.windowUntil[recipient] > now;
}
