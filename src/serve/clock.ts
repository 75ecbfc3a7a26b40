/**
 * The served model's clock: where simulated time should be now.
 * - `manual`: simulated time moves only when a control route advances it (deterministic).
 * - `speed:N`: N simulated seconds per wall second, from the server's start, plus any advances.
 * Wall time is read here only (the server layer), never in the model.
 */
import { performance } from 'node:perf_hooks';

export type ClockSpec = { readonly kind: 'manual' } | { readonly kind: 'speed'; readonly factor: number };

/**
 * Parses `manual` or `speed:N` (N > 0, finite); undefined for anything else.
 * @example parseClock('speed:60') // { kind: 'speed', factor: 60 }
 */
export function parseClock(text: string): ClockSpec | undefined {
  if (text === 'manual') return { kind: 'manual' };
  const m = /^speed:([0-9]+(?:\.[0-9]+)?)$/.exec(text);
  if (!m) return undefined;
  const factor = Number(m[1]);
  return factor > 0 && Number.isFinite(factor) ? { kind: 'speed', factor } : undefined;
}

export interface Clock {
  readonly spec: ClockSpec;
  /** Simulated ms the model should have reached now. */
  target(): number;
  /** Moves the clock forward by `ms` simulated ms. */
  advance(ms: number): void;
  /** Moves the clock forward to at least `ms` (after the model ran ahead, e.g. to idle). */
  catchUp(ms: number): void;
}

/**
 * A clock per `spec`; `wallMs` (default performance.now) is the wall clock a speed clock reads.
 * @example const c = createClock({ kind: 'manual' }); c.advance(1000); c.target() // 1000
 */
export function createClock(spec: ClockSpec, wallMs: () => number = () => performance.now()): Clock {
  let offset = 0;
  const start = wallMs();
  const running = (): number => (spec.kind === 'speed' ? Math.floor((wallMs() - start) * spec.factor) : 0);
  return {
    spec,
    target: () => offset + running(),
    advance(ms) {
      offset += ms;
    },
    catchUp(ms) {
      const now = offset + running();
      if (ms > now) offset += ms - now;
    },
  };
}
