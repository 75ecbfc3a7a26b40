/**
 * Messages in flight (MODEL.md §4, §8): the fields of every accepted message that still has an
 * event pending — its delivery, then the recipient's read, reply, block, report or STOP. They
 * live in typed-array columns indexed by a slot, and the message events carry only
 * `(kind, slot)` as compact engine events, so a campaign with 100,000+ events pending allocates
 * no object per event and keeps nothing after a message's last event (issue 8: no per-message
 * object kept after its terminal state).
 *
 * Lifecycle of a slot: `open` (fields set, no references) → `retain` once per event scheduled
 * about the message → each event's handler runs, then `release` → the last release frees the
 * slot for the next message. Slots are reused last-freed first, so the columns stay as long as
 * the most messages ever in flight at once.
 */

/** The compact events about one message, by kind (their order is their engine kind). */
export const MESSAGE_EVENTS = ['deliver', 'read', 'reply', 'block', 'report', 'stop'] as const;
export type MessageEvent = (typeof MESSAGE_EVENTS)[number];
/** Engine kind of each message event. */
export const MESSAGE_EVENT_KIND = Object.fromEntries(MESSAGE_EVENTS.map((name, kind) => [name, kind])) as Readonly<Record<MessageEvent, number>>;

/**
 * The in-flight message table. Read the columns afresh after `open` (they are replaced when the
 * table grows).
 * @example
 * const m = new MessageTable();
 * const slot = m.open(1, 0, 42, 0, true); m.retain(slot);
 * m.recipient[slot]; // 42
 * m.release(slot); // freed
 */
export class MessageTable {
  /** Message id (the `wamid` number). */
  id = new Float64Array(INITIAL);
  /** Sending number index. */
  number = new Int32Array(INITIAL);
  recipient = new Int32Array(INITIAL);
  /** Template index, or -1 for a free-form message. */
  template = new Int32Array(INITIAL);
  /** 1 if business-initiated (sent outside a service window, counted toward the limit). */
  counted = new Uint8Array(INITIAL);
  /** Block reason index (BLOCK_REASONS) for a pending block event. */
  blockReason = new Uint8Array(INITIAL);
  /** Events pending about the message. */
  private refs = new Int32Array(INITIAL);
  /** Stack of free slots below `used`. */
  private free = new Int32Array(INITIAL);
  private freeCount = 0;
  /** Slots ever handed out: [0, used). */
  private used = 0;

  /** Slots holding a message now (messages with events pending, or just opened). */
  get live(): number {
    return this.used - this.freeCount;
  }

  /** Takes a free slot for a message with these fields; it is freed when its last event is released. */
  open(id: number, number: number, recipient: number, template: number, counted: boolean): number {
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount];
    else {
      if (this.used === this.id.length) this.grow();
      slot = this.used++;
    }
    this.id[slot] = id;
    this.number[slot] = number;
    this.recipient[slot] = recipient;
    this.template[slot] = template;
    this.counted[slot] = counted ? 1 : 0;
    this.blockReason[slot] = 0;
    this.refs[slot] = 0;
    return slot;
  }

  /** One more event is pending about the message in `slot`. */
  retain(slot: number): void {
    this.refs[slot]++;
  }

  /** An event about the message in `slot` has run; after its last one the slot is free. */
  release(slot: number): void {
    if (--this.refs[slot] <= 0) this.free[this.freeCount++] = slot;
  }

  private grow(): void {
    const size = this.id.length * 2;
    const widen = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a);
      return b;
    };
    this.id = widen(this.id, (n) => new Float64Array(n));
    this.number = widen(this.number, (n) => new Int32Array(n));
    this.recipient = widen(this.recipient, (n) => new Int32Array(n));
    this.template = widen(this.template, (n) => new Int32Array(n));
    this.counted = widen(this.counted, (n) => new Uint8Array(n));
    this.blockReason = widen(this.blockReason, (n) => new Uint8Array(n));
    this.refs = widen(this.refs, (n) => new Int32Array(n));
    this.free = widen(this.free, (n) => new Int32Array(n));
  }
}

const INITIAL = 1024;
