/**
 * The reference the engine is measured against: a plain binary min-heap on parallel typed arrays,
 * keyed on (time, seq) with Float64Array keys and an Int32Array payload pair (kind, data) moved
 * with the entry. No slots, no cancellation, no priorities, no objects: the least a hand-written
 * event loop would do. Same tie-break as the engine (earlier insertion first), so both pop the
 * same events in the same order and draw the same random numbers.
 */
export class RefHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Int32Array;
  private data: Int32Array;
  private nextSeq = 0;
  /** Number of entries in the heap. */
  n = 0;
  /** Time, kind and data of the entry returned by the last `pop()`. */
  lastTime = 0;
  lastKind = 0;
  lastData = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.seq = new Float64Array(capacity);
    this.kind = new Int32Array(capacity);
    this.data = new Int32Array(capacity);
  }

  /** Time of the earliest entry, or Infinity when empty. */
  peekTime(): number {
    return this.n === 0 ? Infinity : this.time[0];
  }

  /** Adds an entry (O(log n)). */
  push(t: number, kind: number, data: number): void {
    if (this.n === this.time.length) this.grow();
    const { time, seq } = this;
    const s = this.nextSeq++;
    let i = this.n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (time[p] < t || (time[p] === t && seq[p] < s)) break;
      this.move(p, i);
      i = p;
    }
    time[i] = t;
    seq[i] = s;
    this.kind[i] = kind;
    this.data[i] = data;
  }

  /** Removes the earliest entry into lastTime/lastKind/lastData (O(log n)); the heap must not be empty. */
  pop(): void {
    const { time, seq } = this;
    this.lastTime = time[0];
    this.lastKind = this.kind[0];
    this.lastData = this.data[0];
    const n = --this.n;
    const t = time[n];
    const s = seq[n];
    const k = this.kind[n];
    const d = this.data[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      const r = c + 1;
      if (r < n && (time[r] < time[c] || (time[r] === time[c] && seq[r] < seq[c]))) c = r;
      if (t < time[c] || (t === time[c] && s < seq[c])) break;
      this.move(c, i);
      i = c;
    }
    time[i] = t;
    seq[i] = s;
    this.kind[i] = k;
    this.data[i] = d;
  }

  private move(from: number, to: number): void {
    this.time[to] = this.time[from];
    this.seq[to] = this.seq[from];
    this.kind[to] = this.kind[from];
    this.data[to] = this.data[from];
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const time = new Float64Array(cap);
    const seq = new Float64Array(cap);
    const kind = new Int32Array(cap);
    const data = new Int32Array(cap);
    time.set(this.time);
    seq.set(this.seq);
    kind.set(this.kind);
    data.set(this.data);
    this.time = time;
    this.seq = seq;
    this.kind = kind;
    this.data = data;
  }
}
