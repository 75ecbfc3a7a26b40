/**
 * Facts (facts.ts) packed for the trip from a parse worker to the main thread: numbers in one
 * Float64Array (transferred, not copied), text in one flat list, and the few texts that repeat
 * (status, pricing category, error code) once each in a dictionary, by index — far cheaper to
 * post than the parsed payloads, whose structured clone costs about as much as parsing them again.
 * The main thread replays them, in order, into its FactSink.
 *
 * Layout, per fact: `nums` [kind, …] and `strs` […]; s, c, e are dictionary indexes (−1: absent):
 *   NUMBER   [1]                                   [id]
 *   STATUS   [2, at, undeliverable, s, c, e]       [id, recipient]
 *   MESSAGE  [3, at, stop]                         [from, contextId]
 *   CHANGE   [4, entryTime]                        [field, value as JSON text]
 *   END      [5]                                   []
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
  /** The repeated texts, each once. */
  readonly dict: string[];
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
  private dict: string[] = [];
  private dictIndex = new Map<string, number>();

  private room(n: number): void {
    if (this.length + n <= this.nums.length) return;
    const grown = new Float64Array(this.nums.length * 2);
    grown.set(this.nums.subarray(0, this.length));
    this.nums = grown;
  }

  /** The dictionary index of `text` (−1 when absent). */
  private word(text: string | undefined): number {
    if (text === undefined) return -1;
    let i = this.dictIndex.get(text);
    if (i === undefined) {
      i = this.dict.length;
      this.dict.push(text);
      this.dictIndex.set(text, i);
    }
    return i;
  }

  number(id: string): void {
    this.room(1);
    this.nums[this.length++] = NUMBER;
    this.strs.push(id);
  }

  status(s: StatusFact): void {
    this.room(6);
    const n = this.nums;
    n[this.length++] = STATUS;
    n[this.length++] = time(s.at);
    n[this.length++] = s.undeliverable ? 1 : 0;
    n[this.length++] = this.word(s.status);
    n[this.length++] = this.word(s.category);
    n[this.length++] = this.word(s.firstError);
    this.strs.push(s.id, s.recipient);
  }

  message(m: MessageFact): void {
    this.room(3);
    this.nums[this.length++] = MESSAGE;
    this.nums[this.length++] = time(m.at);
    this.nums[this.length++] = m.stop ? 1 : 0;
    this.strs.push(m.from, m.contextId);
  }

  change(field: string, value: Obj, entryTime: number | undefined): void {
    this.room(2);
    this.nums[this.length++] = CHANGE;
    this.nums[this.length++] = time(entryTime);
    this.strs.push(field, JSON.stringify(value));
  }

  end(): void {
    this.room(1);
    this.nums[this.length++] = END;
  }

  /** The facts packed so far; the writer starts empty again. */
  take(): PackedFacts {
    const batch = { nums: this.nums, length: this.length, strs: this.strs, dict: this.dict };
    this.nums = new Float64Array(Math.max(1 << 14, this.length));
    this.length = 0;
    this.strs = [];
    this.dict = [];
    this.dictIndex = new Map();
    return batch;
  }
}

/**
 * Gives `sink` the facts of `batch`, in the order they were packed.
 * @example replayFacts(batch, accumulator)
 */
export function replayFacts(batch: PackedFacts, sink: FactSink): void {
  const { nums, length, strs, dict } = batch;
  const word = (i: number): string | undefined => (i < 0 ? undefined : dict[i]);
  let s = 0;
  for (let i = 0; i < length; ) {
    switch (nums[i]) {
      case NUMBER:
        sink.number(strs[s++] as string);
        i += 1;
        break;
      case STATUS:
        // the fields in statusFact's order: one object shape on either path
        sink.status({ id: strs[s], at: untime(nums[i + 1]), status: word(nums[i + 3]) as string, recipient: strs[s + 1], category: word(nums[i + 4]), firstError: word(nums[i + 5]) as string, undeliverable: nums[i + 2] === 1 });
        s += 2;
        i += 6;
        break;
      case MESSAGE:
        sink.message({ at: untime(nums[i + 1]), from: strs[s], stop: nums[i + 2] === 1, contextId: strs[s + 1] });
        s += 2;
        i += 3;
        break;
      case CHANGE:
        sink.change(strs[s] as string, JSON.parse(strs[s + 1] as string) as Obj, untime(nums[i + 1]));
        s += 2;
        i += 2;
        break;
      case END:
        sink.end();
        i += 1;
        break;
      default:
        throw new Error(`packed facts: unknown kind ${nums[i]} at ${i}`);
    }
  }
}
