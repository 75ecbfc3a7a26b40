/**
 * Uniforms addressed by a key instead of drawn in turn: common random numbers. `seek(a, b)` picks
 * the sequence for the pair (a, b) — say user 7's third message — and `next()` walks it. Two runs
 * of one seed ask for (7, 3) at different moments, or not at all, and still see the same uniforms
 * for it; a draw in turn from one stream would hand user 7 whatever came next in the order the
 * strategy happened to send. That is what makes comparisons of strategies (or variants) on one
 * seed paired: what does not depend on the strategy is drawn the same (README "Paired comparisons").
 *
 * The run-specific key comes from a seeded Alea stream (rng.ts); the uniforms are SplitMix-style:
 * a Weyl sequence through MurmurHash3's 32-bit finalizer (Appleby, public domain; the mixer of
 * SplitMix, Steele, Lea & Flood, OOPSLA 2014). seedrandom offers no random-access generator, and
 * an Alea per (user, message) would cost a string hash and an object per message.
 */
import type { Rng } from './rng.js';

const GOLDEN = 0x9e3779b9;
const TWO_POW_32 = 4294967296;

/** MurmurHash3 fmix32: a bijection of 32-bit integers with full avalanche. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * @example
 * const u = keyedUniforms(createStream(7, 'reactions'));
 * u.seek(42, 0).next(); // the same number whenever user 42's first message is drawn, in any run of seed 7
 */
export class KeyedUniforms implements Rng {
  readonly #key: number;
  #base = 0;
  #step = 0;

  constructor(key: number) {
    this.#key = key >>> 0;
  }

  /** Selects the sequence of (a, b), both non-negative integers below 2^32; the next `next()` is its first uniform. */
  seek(a: number, b: number): this {
    this.#base = fmix32(fmix32(this.#key ^ Math.imul(a, GOLDEN)) ^ Math.imul(b + 1, 0x85ebca77));
    this.#step = 0;
    return this;
  }

  /** The next uniform in [0, 1) of the selected sequence (32-bit resolution). */
  next(): number {
    this.#step = (this.#step + 1) | 0;
    return fmix32((this.#base + Math.imul(this.#step, GOLDEN)) | 0) / TWO_POW_32;
  }
}

/** A KeyedUniforms keyed by one draw of `stream` (a run's seeded stream), so the key changes with the seed. */
export function keyedUniforms(stream: Rng): KeyedUniforms {
  return new KeyedUniforms(Math.floor(stream.next() * TWO_POW_32));
}
