/**
 * The discrete-event loop: a clock in integer simulated milliseconds, the pending-event set, and
 * dispatch through a total handler registry. Knows nothing of WhatsApp.
 *
 * Event lifecycle (as in SimPy): scheduled (pushed with a time ≥ now) → pending → either
 * cancelled (never dispatched) or popped, at which point the clock jumps to its time and its
 * handler runs; a handler may schedule further events, never in the past.
 *
 * Two forms of event share the one queue and order (time, priority, insertion sequence):
 * - tagged events: readonly objects discriminated on `type`, dispatched through a total
 *   `HandlerRegistry`;
 * - compact events: a small integer kind and one non-negative integer datum (usually an index
 *   into a table the model owns), dispatched through an array of `CompactHandler`s by kind.
 *   They are stored as a single integer, so scheduling one allocates nothing and the
 *   collector never sees it. Why: a campaign keeps 100,000+ message events pending, and as
 *   objects they survive young-generation collections and are copied into the old generation;
 *   as integers they cost nothing to keep (`npm run bench`, line "full model").
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

/** A handler for one kind of compact event: receives the event's integer datum. */
export type CompactHandler<C> = (data: number, ctx: C) => void;

/** Compact event kinds are integers in [0, COMPACT_KINDS) (a power of two). */
export const COMPACT_KINDS = 32;
/**
 * Compact event data are integers in [0, COMPACT_DATA_LIMIT): datum × COMPACT_KINDS + kind stays
 * below 2^53, so kind and datum fit one exactly representable number.
 */
export const COMPACT_DATA_LIMIT = 2 ** 48;

/**
 * A simulation over the event union `E`.
 *
 * @example
 * const sim = new Simulation<{ type: 'ping' }>();
 * sim.schedule(1000, { type: 'ping' });
 * sim.run(5000, { ping: (e, s) => console.log(s.now) }, sim); // prints 1000
 */
export class Simulation<E extends SimEvent> {
  /** Tagged events as objects; compact events as the value data × COMPACT_KINDS + kind. */
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

  /**
   * Schedules a compact event of `kind` carrying `data` after `delay` ms (≥ 0); returns a handle
   * for `cancel`. It runs `compact[kind](data, ctx)` in `run`.
   * @throws {RangeError} on a negative delay, a kind outside [0, COMPACT_KINDS) or data outside
   *   [0, COMPACT_DATA_LIMIT) (engine misuse, never a user error)
   * @example sim.scheduleCompactIn(600_000, READ, slot)
   */
  scheduleCompactIn(delay: number, kind: number, data: number, priority = 0): number {
    if (!(delay >= 0)) throw new RangeError(`Negative delay ${delay}`);
    if (!(kind >= 0 && kind < COMPACT_KINDS && kind === Math.floor(kind))) throw new RangeError(`Compact event kind ${kind} outside [0, ${COMPACT_KINDS})`);
    if (!(data >= 0 && data < COMPACT_DATA_LIMIT && data === Math.floor(data))) throw new RangeError(`Compact event data ${data} outside [0, ${COMPACT_DATA_LIMIT})`);
    return this.queue.pushValue(this.now + delay, priority, data * COMPACT_KINDS + kind);
  }

  /** Cancels a pending event by handle; a no-op if it already ran. */
  cancel(handle: number): void {
    this.queue.cancel(handle);
  }

  /** Time (ms) of the earliest pending event, or Infinity when none is pending. */
  get nextAt(): number {
    return this.queue.peekTime();
  }

  /** Number of pending events (including cancelled ones not yet surfaced). */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * Runs events in order until the next one is later than `until` (ms); the clock ends at `until`.
   * Each tagged event is passed to `handlers[event.type]` with `ctx`; each compact event's datum
   * to `compact[kind]`.
   */
  run<C>(until: number, handlers: HandlerRegistry<E, C>, ctx: C, compact: readonly CompactHandler<C>[] = []): void {
    const queue = this.queue;
    const table = handlers as unknown as Record<string, Handler<E, C>>;
    while (queue.peekTime() <= until) {
      const event = queue.pop()!;
      this.now = queue.lastTime;
      this.dispatched++;
      if (typeof event === 'number') {
        // COMPACT_KINDS is a power of two: exact float arithmetic, no integer division even when
        // the value is beyond 32 bits
        const data = Math.floor(event / COMPACT_KINDS);
        compact[event - data * COMPACT_KINDS](data, ctx);
      } else table[event.type](event, ctx);
    }
    this.now = until;
  }
}
