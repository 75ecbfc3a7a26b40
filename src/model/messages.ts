/**
 * Messages in flight (MODEL.md §4, §8): the fields of every accepted message that still has an
 * event pending — its delivery, then the recipient's read, reply, block, report or STOP. Those
 * events are compact engine events `(kind, datum)`, so a campaign with 100,000+ events pending
 * allocates no object per event and keeps nothing after a message's last event (issue 8: no
 * per-message object kept after its terminal state).
 *
 * The datum carries the message one of two ways, fixed for a run:
 * - packed, when nobody can see a message id after its send (no event log, and the strategy has
 *   no status or inbound listener): the datum *is* the message — recipient, number, template,
 *   counted flag and block reason in one integer below COMPACT_DATA_LIMIT. Nothing is stored, so
 *   a read or reply never fetches a row written minutes earlier (at 100,000+ messages in flight
 *   that fetch was a cache miss per event: `npm run bench`, line "full model").
 * - kept, when ids are observed (or the fields are too large to pack): the datum is a slot in a
 *   table of rows. Lifecycle of a slot: `open` (fields set, no references) → `retain` once per
 *   event scheduled about the message → each event's handler runs, then `release` → the last
 *   release frees the slot for the next message. Slots are reused last-freed first, so the table
 *   stays as long as the most messages ever in flight at once.
 *
 * Both ways schedule the same events at the same times in the same order, so a run's results do
 * not depend on which one it took (test/model/messages.test.ts, and the property tests' repeat run).
 */

import { COMPACT_DATA_LIMIT, doubled } from '../engine/index.js';

/** The compact events about one message, by kind (their order is their engine kind). */
export const MESSAGE_EVENTS = ['deliver', 'read', 'reply', 'block', 'report', 'stop'] as const;
export type MessageEvent = (typeof MESSAGE_EVENTS)[number];
/** Engine kind of each message event. */
export const MESSAGE_EVENT_KIND = Object.fromEntries(MESSAGE_EVENTS.map((name, kind) => [name, kind])) as Readonly<Record<MessageEvent, number>>;

/** The fields of one message in flight, as `load` reads them. */
export interface MessageFields {
  /** Message id (the `wamid` number), or -1 when the run does not keep ids (nobody observes them). */
  id: number;
  /** Sending number index. */
  number: number;
  recipient: number;
  /** Template index, or -1 for a free-form message. */
  template: number;
  /** Business-initiated: sent outside a service window, counted toward the limit. */
  counted: boolean;
  /** Block reason index (BLOCK_REASONS), set for a pending block event. */
  blockReason: number;
}

/** How many numbers, templates and recipients a run has, and whether message ids must be kept. */
export interface MessageShape {
  readonly keepIds: boolean;
  readonly numbers: number;
  readonly templates: number;
  readonly recipients: number;
}

/**
 * The messages in flight of one run, as event data (packed or kept, see above).
 * @example
 * const m = new InFlightMessages({ keepIds: false, numbers: 2, templates: 3, recipients: 100 });
 * const datum = m.open(7, 1, 42, 2, true); // packed: nothing stored
 * m.load(datum).recipient; // 42
 */
export class InFlightMessages {
  /** True when events carry a slot of the table (ids kept), false when they carry the packed fields. */
  readonly keepsIds: boolean;
  /**
   * Packed layout, least significant first: EXTRA (counted, block reason), the template index + 1,
   * the number index, the recipient. Each field spans a power of two, so packing and unpacking
   * are exact float multiplications and floors — no integer division, whatever the datum's size.
   */
  private readonly templateSpan: number;
  private readonly numberSpan: number;
  /** What the last `load` read (one object, overwritten by the next `load`). */
  private readonly fields: MessageFields = { id: -1, number: 0, recipient: 0, template: -1, counted: false, blockReason: 0 };
  private rows = new Int32Array(INITIAL * ROW);
  /** Stack of free slots below `used`. */
  private free = new Int32Array(INITIAL);
  private freeCount = 0;
  /** Slots ever handed out: [0, used). */
  private used = 0;

  constructor(shape: MessageShape) {
    this.templateSpan = powerOfTwoAbove(shape.templates + 1);
    this.numberSpan = powerOfTwoAbove(shape.numbers);
    this.keepsIds = shape.keepIds || !(shape.recipients * this.numberSpan * this.templateSpan * EXTRA <= COMPACT_DATA_LIMIT);
  }

  /** Slots holding a message now (kept ids: messages with events pending, or just opened; packed: always 0). */
  get live(): number {
    return this.used - this.freeCount;
  }

  /**
   * The datum of a new message with these fields. Kept ids: takes a free slot, freed when its
   * last event is released.
   * @throws {RangeError} if `id` does not fit a 32-bit integer (over 2 billion messages in one run)
   */
  open(id: number, number: number, recipient: number, template: number, counted: boolean): number {
    if (id > MAX_ID) throw new RangeError(`Message id ${id} over ${MAX_ID}`);
    if (!this.keepsIds) return ((recipient * this.numberSpan + number) * this.templateSpan + template + 1) * EXTRA + (counted ? 1 : 0);
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

  /**
   * The fields of the message `datum` carries. The object is reused: read what you need before
   * the next `load`.
   */
  load(datum: number): Readonly<MessageFields> {
    const f = this.fields;
    if (!this.keepsIds) {
      const templateSpan = this.templateSpan;
      const numberSpan = this.numberSpan;
      const rest = Math.floor(datum / EXTRA);
      const extra = datum - rest * EXTRA;
      const user = Math.floor(rest / templateSpan);
      const recipient = Math.floor(user / numberSpan);
      f.id = -1;
      f.template = rest - user * templateSpan - 1;
      f.number = user - recipient * numberSpan;
      f.recipient = recipient;
      f.counted = (extra & 1) === 1;
      f.blockReason = extra >> 1;
      return f;
    }
    const r = this.rows;
    const k = datum * ROW;
    f.id = r[k + ID];
    f.number = r[k + NUMBER];
    f.recipient = r[k + RECIPIENT];
    f.template = r[k + TEMPLATE];
    f.counted = r[k + COUNTED] === 1;
    f.blockReason = r[k + BLOCK_REASON];
    return f;
  }

  /**
   * The datum of the same message with block reason `reason` (an index below 8) for its block
   * event: packed, a new datum; kept, the same slot with the reason written to its row.
   * @throws {RangeError} on a reason outside [0, 8)
   */
  withBlockReason(datum: number, reason: number): number {
    if (!(reason >= 0 && reason < EXTRA / 2 && Number.isInteger(reason))) throw new RangeError(`Block reason ${reason} outside [0, ${EXTRA / 2})`);
    if (!this.keepsIds) {
      const base = Math.floor(datum / EXTRA) * EXTRA;
      return base + reason * 2 + ((datum - base) & 1);
    }
    this.rows[datum * ROW + BLOCK_REASON] = reason;
    return datum;
  }

  /** One more event is pending about the message `datum` carries. */
  retain(datum: number): void {
    if (this.keepsIds) this.rows[datum * ROW + REFS]++;
  }

  /** An event about the message `datum` carries has run; kept ids: after its last one the slot is free. */
  release(datum: number): void {
    if (this.keepsIds && --this.rows[datum * ROW + REFS] <= 0) this.free[this.freeCount++] = datum;
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
/** Packed: the lowest factor holds counted (1 bit) and the block reason (3 bits). */
const EXTRA = 16;

/** The least power of two ≥ n (and ≥ 1). */
function powerOfTwoAbove(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
