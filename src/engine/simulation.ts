/**
 * The discrete-event loop: a clock in integer simulated milliseconds, the pending-event set, and
 * dispatch through a total handler registry. Knows nothing of WhatsApp.
 *
 * Event lifecycle (as in SimPy): scheduled (pushed with a time ≥ now) → pending → either
 * cancelled (never dispatched) or popped, at which point the clock jumps to its time and its
 * handler runs; a handler may schedule further events, never in the past.
 */
import { EventQueue } from './event-queue.js';

/** Every event is readonly tagged data: a discriminated union on `type`. */
export interface SimEvent {
  readonly type: string;
}

/** A handler for one event type; `C` is the context the model passes (state, streams, …). */
export type Handler<E extends SimEvent, C> = (event: E, ctx: C) => void;

/** A total registry: one handler per event type, so an unhandled type fails to compile. */
export type HandlerRegistry<E extends SimEvent, C> = {
  readonly [K in E['type']]: Handler<Extract<E, { type: K }>, C>;
};

/**
 * A simulation over the event union `E`.
 *
 * @example
 * const sim = new Simulation<{ type: 'ping' }>();
 * sim.schedule(1000, { type: 'ping' });
 * sim.run(5000, { ping: (e, s) => console.log(s.now) }, sim); // prints 1000
 */
export class Simulation<E extends SimEvent> {
  private readonly queue = new EventQueue<E>();
  /** The current simulated time in milliseconds. */
  now = 0;
  /** Number of events dispatched so far. */
  dispatched = 0;

  /**
   * Schedules `event` at absolute time `at` (ms); lower `priority` runs first among equal times.
   * Returns a handle for `cancel`.
   * @throws {RangeError} when `at` is before now (an engine misuse, never a user error)
   */
  schedule(at: number, event: E, priority = 0): number {
    if (at < this.now) throw new RangeError(`Event ${event.type} scheduled in the past: ${at} < ${this.now}`);
    return this.queue.push(at, priority, event);
  }

  /** Schedules `event` after `delay` ms (≥ 0). */
  scheduleIn(delay: number, event: E, priority = 0): number {
    if (!(delay >= 0)) throw new RangeError(`Negative delay ${delay}`);
    return this.queue.push(this.now + delay, priority, event);
  }

  /** Cancels a pending event by handle; a no-op if it already ran. */
  cancel(handle: number): void {
    this.queue.cancel(handle);
  }

  /** Number of pending events (including cancelled ones not yet surfaced). */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * Runs events in order until the next one is later than `until` (ms); the clock ends at `until`.
   * Each event is passed to `handlers[event.type]` with `ctx`.
   */
  run<C>(until: number, handlers: HandlerRegistry<E, C>, ctx: C): void {
    const queue = this.queue;
    const table = handlers as unknown as Record<string, Handler<E, C>>;
    while (queue.peekTime() <= until) {
      const event = queue.pop() as E;
      this.now = queue.lastTime;
      this.dispatched++;
      table[event.type](event, ctx);
    }
    this.now = until;
  }
}
