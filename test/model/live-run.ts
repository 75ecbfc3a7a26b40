/**
 * A quiet run kept alive past its horizon, for testing one mechanism's functions on a real context:
 * the scenario runs to its horizon with no sends, then the test calls the mechanism (enforce,
 * pauseTemplate, the sender API …) and lets the clock run on. Past the horizon no hour ends run,
 * so nothing re-rates numbers or templates behind the test's back; every other event does.
 */
import { COMPACT_HANDLERS, HANDLERS, type RunContext, type TraceRecord } from '../../src/model/index.js';
import { runWith, scenario, timetable } from './helpers.js';

export interface LiveRun {
  readonly ctx: RunContext;
  /** Every traced record, the run's and those of what the test does afterwards. */
  readonly trace: TraceRecord[];
  /** Runs the pending events for `ms` more simulated milliseconds (the clock ends `ms` later). */
  advance(ms: number): void;
  /** The records traced from index `from` on. */
  since(from: number): TraceRecord[];
}

/** Runs `scenario(patch)` (one day by default) with no sends under `seed`, and hands back its context. */
export function liveRun(patch: Record<string, unknown>, seed = 1): LiveRun {
  let kept: RunContext | undefined;
  const { trace } = runWith(scenario({ horizonDays: 1, ...patch }), timetable([]), seed, (c) => void (kept = c));
  const ctx = kept as RunContext;
  return {
    ctx,
    trace,
    advance(ms) {
      ctx.sim.run(ctx.sim.now + ms, HANDLERS, ctx, COMPACT_HANDLERS);
    },
    since(from) {
      return trace.slice(from);
    },
  };
}

/** The management webhooks of `field` in `records`, as (time, value.event) pairs. */
export function webhookEvents(records: readonly TraceRecord[], field: string): [number, string][] {
  return records
    .filter((r) => r.kind === 'webhook' && r.field === field)
    .map((r) => [r.t, (r.payload as { entry: { changes: { value: { event: string } }[] }[] }).entry[0].changes[0].value.event]);
}
