/**
 * Growing typed arrays: the engine's queue and the model's tables keep their state in typed
 * arrays and double them when full.
 */

/** The typed arrays the engine and model grow. */
export type GrowableArray = Float64Array | Int32Array | Uint8Array;

/**
 * A copy of `a` twice as long, the extra half zero.
 * @example doubled(new Int32Array([1, 2])) // Int32Array [1, 2, 0, 0]
 */
export function doubled<T extends GrowableArray>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
