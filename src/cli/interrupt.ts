/**
 * What a SIGINT or SIGTERM says and does: exit 130 / 143 with a line that tells exactly what was
 * written. A command marks its write phase with `writePhase`; a signal that arrives before it
 * says "nothing was written" (and undoes what the command registered with `onAbandon`, such as an
 * output directory it created), one that arrives after it names the files written. The write
 * phase itself is synchronous, so no handler runs in its middle; should one be seen there, its
 * exit waits until the swap has finished or been rolled back.
 *
 * A run on the main thread (`run --workers 0` with built-in strategies) is one synchronous
 * loop: Node runs a signal's JavaScript handler only when the loop returns, so a 10-second run
 * would answer a Ctrl-C 10 seconds late. `withDefaultSignals` lifts wabasim's handlers while such
 * a run computes (before any output is written), so the OS's default action ends the process at
 * once; the shell sees 130 / 143 as usual, without the closing line (nothing was written then).
 *
 * The state is process-wide because signals are: one command runs per process.
 */
import { writeMsg, type WriteOutcome } from '../errors/index.js';

type Signal = 'SIGINT' | 'SIGTERM';
const SIGNALS = ['SIGINT', 'SIGTERM'] as const satisfies readonly Signal[];
const EXIT_CODE: Record<Signal, number> = { SIGINT: 130, SIGTERM: 143 };
const HANDLERS: Record<Signal, () => void> = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') };
let installed = false;

let left: WriteOutcome = { kind: 'nothing' };
let writing = false;
let pending: Signal | undefined;
const abandon = new Set<() => void>();

/**
 * Installs the SIGINT and SIGTERM handlers (bin/wabasim.js, through cli()).
 * @example installSignalHandlers()
 */
export function installSignalHandlers(): void {
  for (const signal of SIGNALS) process.on(signal, HANDLERS[signal]);
  installed = true;
}

/**
 * Runs `compute` (synchronous: a simulation on this thread) with SIGINT and SIGTERM at the OS's
 * default action — the process ends at once — when nothing has been written yet; wabasim's
 * handlers are back when it returns or throws. During or after a write phase it only runs
 * `compute`. An --out directory the command created stays behind (empty) if a signal ends it here.
 * @example runs.push(withDefaultSignals(() => runPlanned(setup, i)))
 */
export function withDefaultSignals<T>(compute: () => T): T {
  if (!installed || writing || left.kind !== 'nothing') return compute();
  for (const signal of SIGNALS) process.off(signal, HANDLERS[signal]);
  try {
    return compute();
  } finally {
    for (const signal of SIGNALS) process.on(signal, HANDLERS[signal]);
  }
}

/**
 * Runs `write` (synchronous: temp files, fsync, swap) as the write phase; afterwards a signal
 * reports `files` as written (with those of earlier phases), or, if `write` threw and nothing
 * was written before, the previous files as unchanged.
 * @throws whatever `write` throws (it has rolled back by then)
 * @example writePhase([resultsFile, reportFile], () => writeFilesTogether(files))
 */
export function writePhase(files: readonly string[], write: () => void): void {
  writing = true;
  try {
    write();
    left = { kind: 'written', files: left.kind === 'written' ? [...left.files, ...files] : files };
  } catch (err) {
    if (left.kind !== 'written') left = { kind: 'unchanged' };
    throw err;
  } finally {
    writing = false;
    abandon.clear();
    if (pending) exitInterrupted(pending);
  }
}

/**
 * Registers an undo to run if a signal ends the command before its write phase.
 * @example onAbandon(() => removeCreatedDirs(out))
 */
export function onAbandon(undo: () => void): () => void {
  abandon.add(undo);
  return () => abandon.delete(undo);
}

function onSignal(signal: Signal): void {
  if (writing) {
    pending ??= signal;
    return;
  }
  exitInterrupted(signal);
}

function exitInterrupted(signal: Signal): never {
  if (left.kind === 'nothing') {
    for (const undo of abandon) {
      try {
        undo();
      } catch {
        // best effort: the message below stays true, nothing of the output was written
      }
    }
  }
  process.stderr.write(`\nwabasim: ${writeMsg.interrupted(signal, left)}\n`);
  process.exit(EXIT_CODE[signal]);
}
