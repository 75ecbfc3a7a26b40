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

import { doubled } from '../engine/index.js';

/** The compact events about one message, by kind (their order is their engine kind). */
export const MESSAGE_EVENTS = ['deliver', 'read', 'reply', 'block', 'report', 'stop'] as const;
export type MessageEvent = (typeof MESSAGE_EVENTS)[number];
/** Engine kind of each message event. */
export const MESSAGE_EVENT_KIND = Object.fromEntries(MESSAGE_EVENTS.map((name, kind) => [name, kind])) as Readonly<Record<MessageEvent, number>>;

/**
 * The in-flight message table: one row of ROW integers per slot (id, number, recipient, template,
 * counted, block reason, references), so an event reads its message from one place in memory
 * rather than from one column per field — events fire in time order, not slot order, and at
 * 100,000+ messages in flight every separate read is a cache miss (`npm run bench`, "full model").
 * @example
 * const m = new MessageTable();
 * const slot = m.open(1, 0, 42, 0, true); m.retain(slot);
 * m.recipient(slot); // 42
 * m.release(slot); // freed
 */
export class MessageTable {
  private rows = new Int32Array(INITIAL * ROW);
  /** Stack of free slots below `used`. */
  private free = new Int32Array(INITIAL);
  private freeCount = 0;
  /** Slots ever handed out: [0, used). */
  private used = 0;

  /** Slots holding a message now (messages with events pending, or just opened). */
  get live(): number {
    return this.used - this.freeCount;
  }

  /**
   * Takes a free slot for a message with these fields; it is freed when its last event is released.
   * @throws {RangeError} if `id` does not fit a 32-bit integer (over 2 billion messages in one run)
   */
  open(id: number, number: number, recipient: number, template: number, counted: boolean): number {
    if (id > MAX_ID) throw new RangeError(`Message id ${id} over ${MAX_ID}`);
    let slot: number;
    if (this.freeCount > 0) slot = this.free[--this.freeCount];
    else {
      if (this.used === this.free.length) {
        this.rows = doubled(this.rows);
        this.free = doubled(this.free);
      }
      slot = this.used++;
    }
    const r = this.rows;
    const k = slot * ROW;
    r[k + ID] = id;
    r[k + NUMBER] = number;
    r[k + RECIPIENT] = recipient;
    r[k + TEMPLATE] = template;
    r[k + COUNTED] = counted ? 1 : 0;
    r[k + BLOCK_REASON] = 0;
    r[k + REFS] = 0;
    return slot;
  }

  /** Message id (the `wamid` number). */
  id(slot: number): number {
    return this.rows[slot * ROW + ID];
  }

  /** Sending number index. */
  number(slot: number): number {
    return this.rows[slot * ROW + NUMBER];
  }

  recipient(slot: number): number {
    return this.rows[slot * ROW + RECIPIENT];
  }

  /** Template index, or -1 for a free-form message. */
  template(slot: number): number {
    return this.rows[slot * ROW + TEMPLATE];
  }

  /** Business-initiated: sent outside a service window, counted toward the limit. */
  counted(slot: number): boolean {
    return this.rows[slot * ROW + COUNTED] === 1;
  }

  /** Block reason index (BLOCK_REASONS) for a pending block event. */
  blockReason(slot: number): number {
    return this.rows[slot * ROW + BLOCK_REASON];
  }

  setBlockReason(slot: number, reason: number): void {
    this.rows[slot * ROW + BLOCK_REASON] = reason;
  }

  /** One more event is pending about the message in `slot`. */
  retain(slot: number): void {
    this.rows[slot * ROW + REFS]++;
  }

  /** An event about the message in `slot` has run; after its last one the slot is free. */
  release(slot: number): void {
    if (--this.rows[slot * ROW + REFS] <= 0) this.free[this.freeCount++] = slot;
  }
}

const INITIAL = 1024;
/** Fields of a row, and the row length (8 × 4 bytes: two rows per 64-byte cache line). */
const ID = 0;
const NUMBER = 1;
const RECIPIENT = 2;
const TEMPLATE = 3;
const COUNTED = 4;
const BLOCK_REASON = 5;
const REFS = 6;
const ROW = 8;
const MAX_ID = 2 ** 31 - 1;
