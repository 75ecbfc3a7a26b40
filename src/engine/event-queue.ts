/**
 * The pending-event set: a binary min-heap keyed on (time, priority, seq).
 *
 * Why: the simulation must pop events in a deterministic order. Ties on time are broken by
 * priority (lower first), then by insertion sequence (earlier first), as in SimPy's
 * `(time, priority, eid)` heap. Keys live in parallel typed arrays so the hot loop compares
 * numbers, not objects; payloads sit in a plain array indexed by slot.
 *
 * Cost: push and pop O(log n); cancel O(1) (lazy: the entry is skipped when it surfaces).
 *
 * @example
 * const q = new EventQueue<string>();
 * q.push(10, 0, 'b'); q.push(5, 0, 'a');
 * q.pop(); // 'a' (q.lastTime === 5)
 */
export class EventQueue<P> {
  private times = new Float64Array(1024);
  private prios = new Int32Array(1024);
  private seqs = new Float64Array(1024);
  private payloads: (P | undefined)[] = new Array(1024);
  /** heap[i] is the slot of the i-th heap entry. */
  private heap = new Int32Array(1024);
  private free: number[] = [];
  private slotsUsed = 0;
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
   * Adds a payload at `time` with `priority`; returns a handle usable with `cancel`.
   * @throws {RangeError} on a non-finite time (an engine bug, not a user error)
   */
  push(time: number, priority: number, payload: P): number {
    if (!Number.isFinite(time)) throw new RangeError(`Non-finite event time ${time}`);
    const slot = this.free.length > 0 ? (this.free.pop() as number) : this.allocSlot();
    const seq = this.nextSeq++;
    this.times[slot] = time;
    this.prios[slot] = priority;
    this.seqs[slot] = seq;
    this.payloads[slot] = payload;
    let i = this.n++;
    const heap = this.heap;
    // sift up
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const ps = heap[parent];
      if (!this.less(slot, ps)) break;
      heap[i] = ps;
      i = parent;
    }
    heap[i] = slot;
    return seq;
  }

  /** Marks the entry with this handle as cancelled; it will never be returned by `pop`. */
  cancel(handle: number): void {
    this.cancelled.add(handle);
  }

  /** Time of the earliest pending entry, or Infinity when empty. Cancelled entries are dropped first. */
  peekTime(): number {
    this.dropCancelledTop();
    return this.n === 0 ? Infinity : this.times[this.heap[0]];
  }

  /** Removes and returns the earliest payload (setting `lastTime`), or undefined when empty. */
  pop(): P | undefined {
    this.dropCancelledTop();
    if (this.n === 0) return undefined;
    const slot = this.heap[0];
    const payload = this.payloads[slot];
    this.lastTime = this.times[slot];
    this.removeTop();
    return payload;
  }

  private dropCancelledTop(): void {
    if (this.cancelled.size === 0) return;
    while (this.n > 0 && this.cancelled.delete(this.seqs[this.heap[0]])) this.removeTop();
  }

  private removeTop(): void {
    const heap = this.heap;
    const top = heap[0];
    this.payloads[top] = undefined;
    this.free.push(top);
    const last = heap[--this.n];
    const n = this.n;
    if (n === 0) return;
    let i = 0;
    // sift down
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const c = r < n && this.less(heap[r], heap[l]) ? r : l;
      if (!this.less(heap[c], last)) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = last;
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a];
    const tb = this.times[b];
    if (ta !== tb) return ta < tb;
    const pa = this.prios[a];
    const pb = this.prios[b];
    if (pa !== pb) return pa < pb;
    return this.seqs[a] < this.seqs[b];
  }

  private allocSlot(): number {
    const slot = this.slotsUsed++;
    if (slot >= this.times.length) {
      const cap = this.times.length * 2;
      this.times = grow(this.times, new Float64Array(cap));
      this.prios = grow(this.prios, new Int32Array(cap));
      this.seqs = grow(this.seqs, new Float64Array(cap));
      this.heap = grow(this.heap, new Int32Array(cap));
    }
    return slot;
  }
}

function grow<T extends Float64Array | Int32Array>(old: T, next: T): T {
  next.set(old);
  return next;
}
