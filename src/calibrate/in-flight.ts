/**
 * The messages the reader holds while their reads and replies may still come (accumulate.ts):
 * a map from message id to a slot, and each field in a column of typed arrays — about 100 bytes a
 * message with its id, none of which the garbage collector has to trace. Ten million webhook
 * lines over 30 days hold some 1.2 million messages in a 7-day window; as objects (numbers boxed)
 * they took about 300 bytes each, and marking them was a sixth of the main thread's time.
 * The map keeps insertion order, so the oldest messages come first (the sweep relies on it).
 */

/** Bits of `flags`. */
export const TEMPLATE = 1;
/** Template or not is known (from the send log or a pricing category); else decided by the delivered status. */
export const CLASSIFIED = 2;
export const STOP_ELIGIBLE = 4;
export const READ = 8;
export const REPLIED = 16;
export const FAILED = 32;

/** No recipient (a status that named none). */
export const NO_RECIPIENT = -1;

const INITIAL_CAPACITY = 1024;

export class InFlight {
  private readonly slots = new Map<string, number>();
  private readonly freeSlots: number[] = [];
  private used = 0;
  /** Group index (accumulate.ts `groups`). */
  group = new Int32Array(INITIAL_CAPACITY);
  /** Delivery time, unix seconds (NaN until delivered). */
  deliveredAt = new Float64Array(INITIAL_CAPACITY);
  /** Send time, unix seconds (NaN when unknown). */
  sentAt = new Float64Array(INITIAL_CAPACITY);
  /** Read time, unix seconds (NaN until read). */
  readAt = new Float64Array(INITIAL_CAPACITY);
  /** TEMPLATE | CLASSIFIED | STOP_ELIGIBLE | READ | REPLIED | FAILED. */
  flags = new Uint8Array(INITIAL_CAPACITY);
  /** Recipient index (accumulate.ts), NO_RECIPIENT when none. */
  recipient = new Int32Array(INITIAL_CAPACITY);

  get size(): number {
    return this.slots.size;
  }

  /** The slot of message `id`, undefined when it is not in flight. */
  slot(id: string): number | undefined {
    return this.slots.get(id);
  }

  /** Puts message `id` in flight (not yet delivered or read); returns its slot. */
  add(id: string, group: number, sentAt: number, flags: number, recipient: number): number {
    let k = this.freeSlots.pop();
    if (k === undefined) {
      if (this.used === this.group.length) this.grow();
      k = this.used++;
    }
    this.slots.set(id, k);
    this.group[k] = group;
    this.deliveredAt[k] = NaN;
    this.sentAt[k] = sentAt;
    this.readAt[k] = NaN;
    this.flags[k] = flags;
    this.recipient[k] = recipient;
    return k;
  }

  /** Takes message `id` out of flight. */
  delete(id: string): void {
    const k = this.slots.get(id);
    if (k === undefined) return;
    this.slots.delete(id);
    this.freeSlots.push(k);
  }

  /** [id, slot] pairs, oldest first. */
  entries(): IterableIterator<[string, number]> {
    return this.slots.entries();
  }

  private grow(): void {
    const n = this.group.length * 2;
    const more = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.group = more(this.group, (n) => new Int32Array(n));
    this.deliveredAt = more(this.deliveredAt, (n) => new Float64Array(n));
    this.sentAt = more(this.sentAt, (n) => new Float64Array(n));
    this.readAt = more(this.readAt, (n) => new Float64Array(n));
    this.flags = more(this.flags, (n) => new Uint8Array(n));
    this.recipient = more(this.recipient, (n) => new Int32Array(n));
  }
}
