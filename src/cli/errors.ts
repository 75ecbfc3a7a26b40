/**
 * Mapping errors to exit codes (PRODUCT.md): 0 ok, 1 baseline drift or a failed threshold, 2 bad input, 3 internal.
 * User errors print every issue, never a stack trace.
 */
import { formatIssue, UserInputError } from '../errors/index.js';

export const EXIT = { ok: 0, drift: 1, badInput: 2, internal: 3, thresholds: 1 } as const;

/** Prints `err` to stderr and returns the exit code it maps to. */
export function reportError(err: unknown): number {
  if (err instanceof UserInputError) {
    const n = err.issues.length;
    process.stderr.write(`${n} problem${n === 1 ? '' : 's'} found:\n${err.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`);
    return EXIT.badInput;
  }
  const detail = err instanceof Error ? (err.stack ?? err.message) : String(err);
  process.stderr.write(`wabasim: internal error (please report it with the scenario that caused it)\n${detail}\n`);
  return EXIT.internal;
}
