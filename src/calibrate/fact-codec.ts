/**
 * Facts (facts.ts) packed for the trip from a parse worker to the main thread: numbers in one
 * Float64Array (transferred, not copied) and text in one flat list — far cheaper to post than the
 * parsed payloads, whose structured clone costs about as much as parsing them again. The main
 * thread replays them, in order, into its FactSink.
 *
 * Layout, per fact: `nums` [kind, …] and `strs` […]:
 *   NUMBER   [1]                     [id]
 *   STATUS   [2, at, undeliverable]  [id, status, recipient, category, firstError]
 *   MESSAGE  [3, at, stop]           [from, contextId]
 *   CHANGE   [4, entryTime]          [field, value as JSON text]
 *   END      [5]                     []
 * An absent time is NaN (facts never hold NaN: `seconds()` gives finite numbers or undefined).
 */
import type { FactSink, MessageFact, StatusFact } from './facts.js';
import type { Obj } from './json-shape.js';

const NUMBER = 1;
const STATUS = 2;
const MESSAGE = 3;
const CHANGE = 4;
const END = 5;

/** A batch of packed facts. */
export interface PackedFacts {
  readonly nums: Float64Array;
  /** How many of `nums` are used. */
  readonly length: number;
  readonly strs: (string | undefined)[];
}

const time = (t: number | undefined): number => (t === undefined ? NaN : t);
const untime = (t: number): number | undefined => (Number.isNaN(t) ? undefined : t);

/**
 * A FactSink that packs what it is given.
 * @example const w = new FactWriter(); payloadFacts(p, undefined, hash, w); const batch = w.take()
 */
export class FactWriter implements FactSink {
  private nums = new Float64Array(1 << 14);
  private length = 0;
  private strs: (string | undefined)[] = [];

  private push3(a: number, b: number, c: number): void {
    if (this.length + 3 > this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2);
      grown.set(this.nums.subarray(0, this.length));
      this.nums = grown;
    }
    this.nums[this.length++] = a;
    this.nums[this.length++] = b;
    this.nums[this.length++] = c;
  }

  number(id: string): void {
    this.push3(NUMBER, 0, 0);
    this.strs.push(id);
  }

  status(s: StatusFact): void {
    this.push3(STATUS, time(s.at), s.undeliverable ? 1 : 0);
    this.strs.push(s.id, s.status, s.recipient, s.category, s.firstError);
  }

  message(m: MessageFact): void {
    this.push3(MESSAGE, time(m.at), m.stop ? 1 : 0);
    this.strs.push(m.from, m.contextId);
  }

  change(field: string, value: Obj, entryTime: number | undefined): void {
    this.push3(CHANGE, time(entryTime), 0);
    this.strs.push(field, JSON.stringify(value));
  }

  end(): void {
    this.push3(END, 0, 0);
  }

  /** The facts packed so far; the writer starts empty again. */
  take(): PackedFacts {
    const batch = { nums: this.nums, length: this.length, strs: this.strs };
    this.nums = new Float64Array(Math.max(1 << 14, this.length));
    this.length = 0;
    this.strs = [];
    return batch;
  }
}

/**
 * Gives `sink` the facts of `batch`, in the order they were packed.
 * @example replayFacts(batch, accumulator)
 */
export function replayFacts(batch: PackedFacts, sink: FactSink): void {
  const { nums, length, strs } = batch;
  let s = 0;
  for (let i = 0; i < length; i += 3) {
    switch (nums[i]) {
      case NUMBER:
        sink.number(strs[s++] as string);
        break;
      case STATUS:
        sink.status({ id: strs[s], status: strs[s + 1] as string, recipient: strs[s + 2], category: strs[s + 3], firstError: strs[s + 4] as string, at: untime(nums[i + 1]), undeliverable: nums[i + 2] === 1 });
        s += 5;
        break;
      case MESSAGE:
        sink.message({ from: strs[s], contextId: strs[s + 1], at: untime(nums[i + 1]), stop: nums[i + 2] === 1 });
        s += 2;
        break;
      case CHANGE:
        sink.change(strs[s] as string, JSON.parse(strs[s + 1] as string) as Obj, untime(nums[i + 1]));
        s += 2;
        break;
      default:
        sink.end();
    }
  }
}
