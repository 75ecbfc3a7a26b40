/**
 * The pending-event set: a 4-ary min-heap keyed on (time, priority, seq).
 *
 * Why: the simulation must pop events in a deterministic order. Ties on time are broken by
 * priority (lower first), then by insertion sequence (earlier first), as in SimPy's
 * `(time, priority, eid)` heap.
 *
 * Layout: one Float64Array holds every heap entry as a row of four numbers — time; a rank that
 * packs priority and sequence into one exactly representable number (rank = (priority +
 * PRIORITY_BIAS) · 2^SEQ_BITS + seq); the payload reference; one unused — so comparing and moving
 * an entry touches one place in memory. A payload is either a non-negative integer value stored
 * in the row itself (`pushValue`: no allocation, nothing for the collector) or an object kept in
 * a side table whose slot the row references as −(slot + 1) (`push`). The heap has four children
 * per node: half the levels of a binary heap, and a node's children sit in two cache lines. This
 * matters once a campaign keeps 100,000+ events pending (`npm run bench`, lines hold, campaign
 * and full model).
 *
 * Cost: push and pop O(log n); cancel O(1) (lazy: the entry is skipped when it surfaces).
 *
 * @example
 * const q = new EventQueue<string>();
 * q.push(10, 0, 'b'); q.push(5, 0, 'a');
 * q.pop(); // 'a' (q.lastTime === 5)
 */
export class EventQueue<P> {
  /** Heap rows: [time, rank, ref, unused] per entry, in heap order. */
  private rows = new Float64Array(INITIAL * ROW);
  /** Object payloads by slot, with a stack of free slots. */
  private objects: (P | undefined)[] = [];
  private freeObjects: number[] = [];
  private n = 0;
  private nextSeq = 0;
  private cancelled = new Set<number>();
  /** Time of the entry returned by the last `pop()`. */
  lastTime = 0;

  /** Number of entries still pending (cancelled entries included until they surface). */
  get size(): number {
    return this.n;
  }

  /**
   * Adds a payload at `time` with `priority` (an integer in [-PRIORITY_BIAS, PRIORITY_BIAS)); returns a
   * handle usable with `cancel`.
   * @throws {RangeError} on a non-finite time or a priority out of range (engine bugs, not user errors)
   */
  push(time: number, priority: number, payload: P): number {
    const slot = this.freeObjects.length > 0 ? this.freeObjects.pop()! : this.objects.length;
    this.objects[slot] = payload;
    return this.insert(time, priority, -(slot + 1));
  }

  /**
   * Adds a non-negative integer `value` as the payload, stored in the heap row (no allocation);
   * `pop` returns the number. Same ordering and handles as `push`.
   * @throws {RangeError} on a value that is not a non-negative integer, or as `push`
   */
  pushValue(time: number, priority: number, value: number): number {
    if (!(value >= 0 && value === Math.floor(value))) throw new RangeError(`Event value ${value} is not a non-negative integer`);
    return this.insert(time, priority, value);
  }

  /** Marks the entry with this handle as cancelled; it will never be returned by `pop`. */
  cancel(handle: number): void {
    this.cancelled.add(handle);
  }

  /** Time of the earliest pending entry, or Infinity when empty. Cancelled entries are dropped first. */
  peekTime(): number {
    if (this.cancelled.size > 0) this.dropCancelledTop();
    return this.n === 0 ? Infinity : this.rows[TIME];
  }

  /** Removes and returns the earliest payload — the object, or the value of `pushValue` — setting `lastTime`; undefined when empty. */
  pop(): P | number | undefined {
    if (this.cancelled.size > 0) this.dropCancelledTop();
    if (this.n === 0) return undefined;
    this.lastTime = this.rows[TIME];
    const ref = this.rows[REF];
    this.removeTop();
    if (ref >= 0) return ref;
    const slot = -ref - 1;
    const payload = this.objects[slot];
    this.objects[slot] = undefined; // let the collector have it
    this.freeObjects.push(slot);
    return payload;
  }

  private insert(time: number, priority: number, ref: number): number {
    if (!Number.isFinite(time)) throw new RangeError(`Non-finite event time ${time}`);
    if (!(priority >= -PRIORITY_BIAS && priority < PRIORITY_BIAS) || !Number.isInteger(priority)) throw new RangeError(`Event priority ${priority} outside [-${PRIORITY_BIAS}, ${PRIORITY_BIAS})`);
    if (this.n * ROW === this.rows.length) this.grow();
    const seq = this.nextSeq++;
    const rank = (priority + PRIORITY_BIAS) * SEQ_SPAN + seq;
    const rows = this.rows;
    let i = this.n++;
    // sift up: move parents down until the new key's place is found
    while (i > 0) {
      const parent = (i - 1) >> 2;
      const p = parent * ROW;
      const pt = rows[p + TIME];
      if (pt < time || (pt === time && rows[p + RANK] < rank)) break;
      const k = i * ROW;
      rows[k + TIME] = pt;
      rows[k + RANK] = rows[p + RANK];
      rows[k + REF] = rows[p + REF];
      i = parent;
    }
    const k = i * ROW;
    rows[k + TIME] = time;
    rows[k + RANK] = rank;
    rows[k + REF] = ref;
    return seq;
  }

  private dropCancelledTop(): void {
    while (this.n > 0 && this.cancelled.delete(this.rows[RANK] % SEQ_SPAN)) {
      const ref = this.rows[REF];
      if (ref < 0) {
        this.objects[-ref - 1] = undefined;
        this.freeObjects.push(-ref - 1);
      }
      this.removeTop();
    }
  }

  /** Moves the last entry to the top and sifts it down. */
  private removeTop(): void {
    const rows = this.rows;
    const n = --this.n;
    if (n === 0) return;
    const last = n * ROW;
    const time = rows[last + TIME];
    const rank = rows[last + RANK];
    const ref = rows[last + REF];
    let i = 0;
    for (;;) {
      const first = 4 * i + 1;
      if (first >= n) break;
      // the least of up to four children
      let c = first;
      let cp = c * ROW;
      let ct = rows[cp + TIME];
      let cr = rows[cp + RANK];
      const end = first + 4 < n ? first + 4 : n;
      for (let j = first + 1; j < end; j++) {
        const jp = j * ROW;
        const jt = rows[jp + TIME];
        if (jt < ct || (jt === ct && rows[jp + RANK] < cr)) {
          c = j;
          cp = jp;
          ct = jt;
          cr = rows[jp + RANK];
        }
      }
      if (time < ct || (time === ct && rank < cr)) break;
      const k = i * ROW;
      rows[k + TIME] = ct;
      rows[k + RANK] = cr;
      rows[k + REF] = rows[cp + REF];
      i = c;
    }
    const k = i * ROW;
    rows[k + TIME] = time;
    rows[k + RANK] = rank;
    rows[k + REF] = ref;
  }

  private grow(): void {
    const rows = new Float64Array(this.rows.length * 2);
    rows.set(this.rows);
    this.rows = rows;
  }
}

/** Priorities are integers in [-PRIORITY_BIAS, PRIORITY_BIAS). */
export const PRIORITY_BIAS = 512;
/** Sequence numbers below 2^42 (4.4 × 10^12 events) keep (priority, seq) exact in one float64 rank. */
const SEQ_SPAN = 2 ** 42;
/** A heap row: time, rank, payload reference, one unused (32 bytes). */
const ROW = 4;
const TIME = 0;
const RANK = 1;
const REF = 2;
const INITIAL = 1024;
