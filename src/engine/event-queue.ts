import { doubled } from './typed-arrays.js';

/**
 * The pending-event set, ordered on (time, priority, seq).
 *
 * Why: the simulation must pop events in a deterministic order. Ties on time are broken by
 * priority (lower first), then by insertion sequence (earlier first), as in SimPy's
 * `(time, priority, eid)` heap. Every structure below keeps that total order exactly, so the
 * order of events never depends on how they are stored.
 *
 * Layout (a calendar queue in front of a heap — Brown 1988, "Calendar queues"): simulated time
 * is cut into windows of WINDOW ms.
 *
 *   insert(time) ──┬─ window ≤ current ──────────────▶ front: a small 4-ary heap, popped in order
 *                  ├─ window < current + BUCKETS ────▶ bucket[window mod BUCKETS]: unsorted chunks
 *                  └─ later ─────────────────────────▶ far: a 4-ary heap
 *   front empty ──▶ the next window is the first occupied bucket or the far heap's first window,
 *                   whichever comes first; its bucket and its far entries move into front.
 *
 * Most events land a few seconds to an hour ahead, so they cost an append to a chunk and, one
 * window later, a push onto a heap of a few hundred entries that stays in cache — instead of a
 * sift through a heap of 100,000+ pending events (`npm run bench`, lines hold, campaign and full
 * model). An entry is a row of float64s — time; a rank that packs priority and sequence into
 * one exactly representable number (rank = (priority + PRIORITY_BIAS) · 2^SEQ_BITS + seq); the
 * payload reference (and padding to four in the heaps). A payload is either a non-negative
 * integer value kept in the row (`pushValue`: no allocation, nothing for the collector) or an
 * object kept in a side table that the row references as −(slot + 1) (`push`).
 *
 * Cost: push O(1) into a bucket, O(log n) into a heap; pop O(log k) over the current window's k
 * entries, plus moving each entry once from bucket or far heap to front; cancel O(1) (lazy: the
 * entry is skipped when it surfaces).
 *
 * @example
 * const q = new EventQueue<string>();
 * q.push(10, 0, 'b'); q.push(5, 0, 'a');
 * q.pop(); // 'a' (q.lastTime === 5)
 */
export class EventQueue<P> {
  /** Entries of windows ≤ `current`. */
  private readonly front = new RowHeap();
  /** Entries whose window was BUCKETS or more ahead when they were inserted. */
  private readonly far = new RowHeap();
  /**
   * Bucket lists: chunks of CHUNK rows [time, rank, ref] in `chunks`, each chunk starting with the
   * index of the next chunk of its bucket (or -1); `heads[b]` is the chunk being filled, holding
   * `headFill[b]` rows — every later chunk of the list is full. Rows of a bucket sit side by side,
   * so draining it reads memory in runs rather than chasing one link per entry (a cache miss each,
   * one after the other, once 100,000+ entries are pending).
   */
  private chunks = new Float64Array(INITIAL_CHUNKS * CHUNK_STRIDE);
  private chunksUsed = 0;
  private freeChunk = -1;
  private readonly heads = new Int32Array(BUCKETS).fill(-1);
  private readonly headFill = new Uint8Array(BUCKETS);
  /** One bit per bucket: set while its list is not empty. */
  private readonly occupied = new Uint32Array(BUCKETS / 32);
  private bucketed = 0;
  /** The current window: every entry of a window ≤ current is in `front`. */
  private current = 0;
  /** The entry being inserted. */
  private readonly entry = new Float64Array(ROW);
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
   * Adds a non-negative integer `value` as the payload, stored in the entry itself (no
   * allocation); `pop` returns the number. Same ordering and handles as `push`.
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
    this.settle();
    return this.n === 0 ? Infinity : this.front.topTime();
  }

  /** Removes and returns the earliest payload — the object, or the value of `pushValue` — setting `lastTime`; undefined when empty. */
  pop(): P | number | undefined {
    this.settle();
    if (this.n === 0) return undefined;
    const front = this.front;
    this.lastTime = front.topTime();
    const ref = front.topRef();
    front.removeTop();
    this.n--;
    return ref >= 0 ? ref : this.takeObject(ref);
  }

  private insert(time: number, priority: number, ref: number): number {
    if (!Number.isFinite(time)) throw new RangeError(`Non-finite event time ${time}`);
    if (!(priority >= -PRIORITY_BIAS && priority < PRIORITY_BIAS) || !Number.isInteger(priority)) throw new RangeError(`Event priority ${priority} outside [-${PRIORITY_BIAS}, ${PRIORITY_BIAS})`);
    const seq = this.nextSeq++;
    const rank = (priority + PRIORITY_BIAS) * SEQ_SPAN + seq;
    const window = Math.floor(time / WINDOW);
    // the row travels in a typed array: rank is past 2^31, and a float64 passed to a call that is
    // not inlined is boxed (a heap allocation per event)
    const entry = this.entry;
    entry[TIME] = time;
    entry[RANK] = rank;
    entry[REF] = ref;
    if (window <= this.current) this.front.push(entry, 0);
    else if (window < this.current + BUCKETS) this.append(window & MASK, entry);
    else this.far.push(entry, 0);
    this.n++;
    return seq;
  }

  private append(bucket: number, entry: Float64Array): void {
    let chunk = this.heads[bucket];
    let fill = this.headFill[bucket];
    if (chunk < 0 || fill === CHUNK) {
      const fresh = this.takeChunk();
      this.chunks[fresh * CHUNK_STRIDE] = chunk;
      this.heads[bucket] = chunk = fresh;
      fill = 0;
      this.occupied[bucket >> 5] |= 1 << (bucket & 31);
    }
    this.headFill[bucket] = fill + 1;
    const k = chunk * CHUNK_STRIDE + 1 + fill * CHUNK_ROW;
    const chunks = this.chunks;
    chunks[k + TIME] = entry[TIME];
    chunks[k + RANK] = entry[RANK];
    chunks[k + REF] = entry[REF];
    this.bucketed++;
  }

  /** A free chunk (its link is set by the caller). */
  private takeChunk(): number {
    const free = this.freeChunk;
    if (free >= 0) {
      this.freeChunk = this.chunks[free * CHUNK_STRIDE];
      return free;
    }
    if (this.chunksUsed * CHUNK_STRIDE === this.chunks.length) this.chunks = doubled(this.chunks);
    return this.chunksUsed++;
  }

  /** Makes the front's top the earliest live entry: refills an empty front, drops cancelled tops. */
  private settle(): void {
    for (;;) {
      if (this.front.size === 0) {
        if (this.n === 0) return;
        this.advance();
      }
      if (this.cancelled.size === 0 || !this.cancelled.delete(this.front.topRank() % SEQ_SPAN)) return;
      const ref = this.front.topRef();
      this.front.removeTop();
      this.n--;
      if (ref < 0) this.takeObject(ref);
    }
  }

  /** Moves to the next window that holds entries and fills the front with them. */
  private advance(): void {
    const fromBucket = this.bucketed > 0 ? this.nextOccupied() : Infinity;
    const fromFar = this.far.size > 0 ? Math.floor(this.far.topTime() / WINDOW) : Infinity;
    const window = Math.min(fromBucket, fromFar);
    this.current = window;
    if (window === fromBucket) this.drainBucket(window & MASK);
    const far = this.far;
    // compare windows, computed as insert computes them (not times: at 1e300 ms, (window + 1) · WINDOW is not exact)
    while (far.size > 0 && Math.floor(far.topTime() / WINDOW) <= window) {
      this.front.push(far.top, 0);
      far.removeTop();
    }
  }

  /** The first window after `current` whose bucket is occupied (there must be one). */
  private nextOccupied(): number {
    const start = (this.current + 1) & MASK;
    const occupied = this.occupied;
    let word = start >> 5;
    let bits = occupied[word] & (~0 << (start & 31));
    for (let scanned = 0; bits === 0; scanned++) {
      word = (word + 1) & (WORDS - 1);
      bits = occupied[word];
      if (scanned > WORDS) throw new Error('EventQueue: no occupied bucket'); // unreachable while bucketed > 0
    }
    const bucket = (word << 5) + (31 - Math.clz32(bits & -bits));
    return this.current + 1 + ((bucket - start) & MASK);
  }

  private drainBucket(bucket: number): void {
    const chunks = this.chunks;
    const front = this.front;
    let chunk = this.heads[bucket];
    let fill = this.headFill[bucket];
    while (chunk >= 0) {
      const start = chunk * CHUNK_STRIDE;
      const end = start + 1 + fill * CHUNK_ROW;
      for (let k = start + 1; k < end; k += CHUNK_ROW) front.push(chunks, k);
      this.bucketed -= fill;
      const next = chunks[start];
      chunks[start] = this.freeChunk;
      this.freeChunk = chunk;
      chunk = next;
      fill = CHUNK;
    }
    this.heads[bucket] = -1;
    this.occupied[bucket >> 5] &= ~(1 << (bucket & 31));
  }

  private takeObject(ref: number): P {
    const slot = -ref - 1;
    const payload = this.objects[slot] as P;
    this.objects[slot] = undefined; // let the collector have it
    this.freeObjects.push(slot);
    return payload;
  }

}

/**
 * A 4-ary min-heap of rows [time, rank, ref, unused] in one Float64Array, ordered on (time, rank):
 * half the levels of a binary heap, and comparing or moving an entry touches one place in memory.
 */
class RowHeap {
  private rows = new Float64Array(INITIAL * ROW);
  size = 0;

  topTime(): number {
    return this.rows[TIME];
  }

  topRank(): number {
    return this.rows[RANK];
  }

  topRef(): number {
    return this.rows[REF];
  }

  /** The rows, the top entry first (at offset 0). */
  get top(): Float64Array {
    return this.rows;
  }

  /** Adds the entry [time, rank, ref] found at `src[at…]`. */
  push(src: Float64Array, at: number): void {
    const time = src[at + TIME];
    const rank = src[at + RANK];
    const ref = src[at + REF];
    if (this.size * ROW === this.rows.length) this.rows = doubled(this.rows);
    const rows = this.rows;
    let i = this.size++;
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
  }

  /** Moves the last entry to the top and sifts it down; the heap must not be empty. */
  removeTop(): void {
    const rows = this.rows;
    const n = --this.size;
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
}

/** Priorities are integers in [-PRIORITY_BIAS, PRIORITY_BIAS). */
export const PRIORITY_BIAS = 512;
/** Sequence numbers below 2^42 (4.4 × 10^12 events) keep (priority, seq) exact in one float64 rank. */
const SEQ_SPAN = 2 ** 42;
/** Width of a calendar window, ms (about a second: a campaign's sends of one second share a window). */
const WINDOW = 1024;
/**
 * Calendar buckets (a power of two): BUCKETS × WINDOW ≈ 4.7 hours ahead go to buckets — past a
 * read and its reply (a mean of 70 minutes in the bench campaign), so few entries pay for the far
 * heap. Few buckets keep the per-bucket arrays small (5 bytes a bucket, 80 KB): every push touches
 * them at random, and with 4 × the buckets two sweep workers side by side ran about 10% slower
 * than one alone, against a few % now (`npm run bench`, line "parallel sweep", 2026-11-24).
 */
const BUCKETS = 2 ** 14;
const MASK = BUCKETS - 1;
const WORDS = BUCKETS / 32;
/** A heap row: time, rank, payload reference, padding; 32 bytes. */
const ROW = 4;
const TIME = 0;
const RANK = 1;
const REF = 2;
const INITIAL = 1024;
/** Rows per bucket chunk, float64s per chunk row (time, rank, ref) and per chunk (a link, then the rows). */
const CHUNK = 8;
const CHUNK_ROW = 3;
const CHUNK_STRIDE = 1 + CHUNK * CHUNK_ROW;
const INITIAL_CHUNKS = 256;
