/**
 * Workload 1, the classic "hold" benchmark for pending-event sets: keep PENDING events in the set;
 * repeatedly take the earliest and put one back at now + an exponential delay (integer ms). It
 * measures the queue and the dispatch loop, nothing else.
 */
import { createStream, exponential, Simulation, type HandlerRegistry, type Rng } from '../src/engine/index.js';
import { RefHeap } from './ref-heap.js';
import { engineRow, timePair, type Row } from './measure.js';

/** Events pending at any time. */
const PENDING = 10_000;
/** Mean of the exponential hold time, ms. */
const MEAN_MS = 1000;
/** Simulated time per run, ms: about PENDING / MEAN_MS events per ms, so 200,000 ms ≈ 2 million events. */
const UNTIL_MS = 200_000;
const SEED = 1;

type HoldEvent = { readonly type: 'hold' };

interface HoldContext {
  readonly sim: Simulation<HoldEvent>;
  readonly rng: Rng;
}

const HANDLERS: HandlerRegistry<HoldEvent, HoldContext> = {
  hold: (_e, ctx) => {
    ctx.sim.scheduleIn(Math.round(exponential(ctx.rng, MEAN_MS)), { type: 'hold' });
  },
};

/**
 * The engine side: a Simulation whose one handler reschedules a fresh event.
 * @example holdEngine(); // events dispatched up to UNTIL_MS
 */
export function holdEngine(): number {
  const rng = createStream(SEED, 'hold');
  const sim = new Simulation<HoldEvent>();
  for (let i = 0; i < PENDING; i++) sim.schedule(Math.round(exponential(rng, MEAN_MS)), { type: 'hold' });
  sim.run(UNTIL_MS, HANDLERS, { sim, rng });
  return sim.dispatched;
}

/**
 * The reference side: the same draws on a plain typed-array heap.
 * @example holdReference(); // same count as holdEngine()
 */
export function holdReference(): number {
  const rng = createStream(SEED, 'hold');
  const heap = new RefHeap(PENDING);
  for (let i = 0; i < PENDING; i++) heap.push(Math.round(exponential(rng, MEAN_MS)), 0, 0);
  let events = 0;
  while (heap.peekTime() <= UNTIL_MS) {
    heap.pop();
    events++;
    heap.push(heap.lastTime + Math.round(exponential(rng, MEAN_MS)), 0, 0);
  }
  return events;
}

/**
 * Measures workload 1 (target: engine ≥ 0.5 of the reference).
 * @example benchHold().ratio
 */
export function benchHold(): Row {
  const [engine, reference] = timePair(holdEngine, holdReference, 2, 5);
  return engineRow(`hold (${PENDING.toLocaleString('en-US')} pending)`, engine, reference, 0.5, []);
}
