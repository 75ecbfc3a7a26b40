/**
 * Seeded random streams: one independent stream per named subsystem, derived from
 * (run seed, stream name), so a new draw in one subsystem never shifts another. The run seed is
 * the scenario seed plus the run's index in the seed sweep, so a run is reproducible on its own
 * (`wabasim events --seed 7` replays the run a sweep labels seed 7).
 * Built on seedrandom's Alea generator (fast, 2^116 period, good statistical quality).
 */
import seedrandom from 'seedrandom';

/** A source of uniform numbers in [0, 1). Every function that draws takes one. */
export interface Rng {
  /** Returns the next uniform number in [0, 1). */
  next(): number;
}

/**
 * Creates the stream named `name` for the run seeded with `runSeed`.
 *
 * @example
 * const a = createStream(7, 'recipients');
 * a.next(); // same value on every machine for (7, 'recipients')
 */
export function createStream(runSeed: number, name: string): Rng {
  return new AleaStream(seedrandom.alea(`wabasim/${runSeed}/${name}`));
}

/**
 * A stream: seedrandom's Alea generator behind `next()`. A class, so every stream's `next` is the
 * one prototype method: a call site that draws from the streams of many runs keeps one call
 * target, which V8 inlines once — a fresh closure per stream made every site deoptimize ("wrong
 * call target") when the second run's streams arrived.
 */
class AleaStream implements Rng {
  readonly #prng: () => number;

  constructor(prng: () => number) {
    this.#prng = prng;
  }

  next(): number {
    return this.#prng();
  }
}

/**
 * Returns a function that hands out named streams for one run, creating each once.
 * Streams are keyed by name only, so the order in which subsystems ask for them does not matter.
 */
export function streamFactory(runSeed: number): (name: string) => Rng {
  const streams = new Map<string, Rng>();
  return (name) => {
    let s = streams.get(name);
    if (!s) {
      s = createStream(runSeed, name);
      streams.set(name, s);
    }
    return s;
  };
}
