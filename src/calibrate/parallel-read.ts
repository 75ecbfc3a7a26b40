/**
 * Reading a large webhook log on worker threads. Parsing JSON is most of the reader's time; the
 * counting is not, and it depends on order (a read after its delivery, a STOP after the message
 * it answers). So the file is cut into byte ranges (line-ranges.ts), parse workers (parse-worker.ts)
 * each read, parse and hash ranges and post back their facts packed (fact-codec.ts), and the main
 * thread replays the facts range by range, in file order, into the one Accumulator: the counts are
 * those of a read on the main thread alone, by construction.
 *
 *   file ──byteRanges──▶ range i ──worker k: rangeText, readLine, payloadFacts──▶ PackedFacts
 *                                   main: in range order ──replayFacts──▶ Accumulator
 *
 * Each worker has at most DEPTH ranges outstanding (one parsing, one waiting), so memory holds a
 * few ranges of text, never the file.
 */
import { Worker } from 'node:worker_threads';
import { calibrateMsg, UserInputError } from '../errors/index.js';
import { errorOf, type FailureMessage } from '../run/watched-worker.js';
import { replayFacts, type PackedFacts } from './fact-codec.js';
import type { FactSink } from './facts.js';
import { byteRanges } from './line-ranges.js';
import { addRange, type ReadSummary } from './read-summary.js';

/** Bytes of a range (about 9,000 webhook lines). */
export const RANGE_BYTES = 4 * 1024 * 1024;
/** Ranges a worker may hold at once. */
const DEPTH = 2;

/** A range for a worker. */
export interface RangeTask {
  readonly task: number;
  readonly file: string;
  /** The file's size when the read began. */
  readonly bytes: number;
  readonly start: number;
  readonly end: number;
}

/** What a worker found in a range: its counts (line numbers from 1 at its first line) and its facts. */
export interface RangeResult {
  readonly task: number;
  readonly summary: ReadSummary;
  readonly facts: PackedFacts;
}

type WorkerReply = RangeResult | { readonly task: number; readonly failure: FailureMessage };

/**
 * Parse workers, started once and reused for each large file of a calibration.
 * @example const pool = new ParsePool(2, salt); await pool.read(file, size, acc, summary); await pool.close()
 */
export class ParsePool {
  private readonly workers: Worker[] = [];

  /** @param salt the phone-number hash's salt (hash.ts), the same as the main thread's */
  constructor(count: number, salt: Uint8Array) {
    for (let i = 0; i < count; i++) this.workers.push(new Worker(new URL('./parse-worker.js', import.meta.url), { workerData: { salt } }));
  }

  /**
   * Reads `file` (`bytes` long) into `sink`, counting its lines in `summary`; `onBytes` hears of
   * each range replayed.
   * @throws {UserInputError} when the file cannot be read
   */
  read(file: string, bytes: number, sink: FactSink, summary: ReadSummary, onBytes?: (bytes: number) => void): Promise<void> {
    const ranges = byteRanges(bytes, RANGE_BYTES);
    const results = new Map<number, RangeResult>();
    const outstanding = this.workers.map(() => 0);
    let next = 0;
    let done = 0;
    let lineBase = 0;
    return new Promise<void>((resolve, reject) => {
      const listeners: [Worker, (m: WorkerReply) => void, (err: Error) => void][] = [];
      const finish = (err?: Error): void => {
        for (const [w, onMessage, onError] of listeners) {
          w.off('message', onMessage);
          w.off('error', onError);
        }
        if (err) reject(err);
        else resolve();
      };
      // at most DEPTH ranges per worker between dispatch and replay, waiting ones included
      const limit = this.workers.length * DEPTH;
      const dispatch = (): void => {
        for (let k = 0; k < this.workers.length; k++) {
          while (outstanding[k] < DEPTH && next < ranges.length && next - done < limit) {
            const task: RangeTask = { task: next, file, bytes, ...ranges[next] };
            this.workers[k].postMessage(task);
            outstanding[k]++;
            next++;
          }
        }
      };
      this.workers.forEach((w, k) => {
        const onMessage = (m: WorkerReply): void => {
          outstanding[k]--;
          if ('failure' in m) {
            const err = errorOf(m.failure);
            return finish(err instanceof UserInputError ? err : new UserInputError([calibrateMsg.unreadable(file, err.message)]));
          }
          results.set(m.task, m);
          // replay in file order: a range waits for the ones before it
          for (let r = results.get(done); r !== undefined; r = results.get(done)) {
            results.delete(done);
            addRange(summary, r.summary, lineBase);
            lineBase += r.summary.lines;
            replayFacts(r.facts, sink);
            onBytes?.(ranges[done].end - ranges[done].start);
            done++;
          }
          if (done === ranges.length) return finish();
          dispatch();
        };
        const onError = (err: Error): void => finish(err);
        w.on('message', onMessage);
        w.on('error', onError);
        listeners.push([w, onMessage, onError]);
      });
      if (ranges.length === 0) return finish();
      dispatch();
    });
  }

  /** Stops the workers. */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
