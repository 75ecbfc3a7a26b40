/**
 * A worker thread of a parallel sweep: rebuilds the sweep plan, then runs each plan index it
 * receives and posts the result back (see parallel.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { UserInputError } from '../errors/index.js';
import type { WorkerInput, WorkerMessage } from './parallel.js';
import { prepareSweep, runPlanned } from './sweep.js';

const input = workerData as WorkerInput;
const port = parentPort!;
const post = (m: WorkerMessage): void => port.postMessage(m);
/** A failure as a message: a user error keeps its issues (a user strategy that throws), anything else its stack. */
const failure = (err: unknown): WorkerMessage =>
  err instanceof UserInputError
    ? { kind: 'error', message: err.message, issues: [...err.issues] }
    : { kind: 'error', message: err instanceof Error ? err.message : String(err), stack: err instanceof Error ? err.stack : undefined };

try {
  const setup = await prepareSweep(input.scenario, input.file, input.variants, input);
  port.on('message', (index: number) => {
    try {
      post({ kind: 'result', index, result: runPlanned(setup, index) });
    } catch (err) {
      post(failure(err));
    }
  });
  post({ kind: 'ready' });
} catch (err) {
  post(failure(err));
}
