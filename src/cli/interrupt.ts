/**
 * What a SIGINT or SIGTERM says and does: exit 130 / 143 with a line that tells exactly what was
 * written. A command marks its write phase with `writePhase`; a signal that arrives before it
 * says "nothing was written" (and undoes what the command registered with `onAbandon`, such as an
 * output directory it created), one that arrives after it names the files written. The write
 * phase itself is synchronous, so no handler runs in its middle; should one be seen there, its
 * exit waits until the swap has finished or been rolled back.
 *
 * The state is process-wide because signals are: one command runs per process.
 */
import { writeMsg, type WriteOutcome } from '../errors/index.js';

type Signal = 'SIGINT' | 'SIGTERM';
const EXIT_CODE: Record<Signal, number> = { SIGINT: 130, SIGTERM: 143 };

let left: WriteOutcome = { kind: 'nothing' };
let writing = false;
let pending: Signal | undefined;
const abandon = new Set<() => void>();

/**
 * Installs the SIGINT and SIGTERM handlers (bin/wabasim.js, through cli()).
 * @example installSignalHandlers()
 */
export function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => onSignal(signal));
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
