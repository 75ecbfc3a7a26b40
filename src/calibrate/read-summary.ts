/** What reading a log found (lines, payloads, skipped and malformed lines), for the report and the command's summary. */

/** How many malformed lines are quoted (file:line and why); the rest are only counted. */
export const MALFORMED_QUOTED = 5;

/** What reading found, for the report and the command's summary. */
export interface ReadSummary {
  readonly files: readonly string[];
  lines: number;
  /** Webhook payloads read. */
  payloads: number;
  /** `wabasim events` lines of other kinds (hidden truth), skipped. */
  hiddenSkipped: number;
  /** Blank lines. */
  blank: number;
  malformed: number;
  /** The first MALFORMED_QUOTED malformed lines: file, line number, why. */
  readonly firstMalformed: { file: string; line: number; why: string }[];
  /** Send-log lines read (0 without --sends). */
  sends: number;
  sendsMalformed: number;
}

export function emptySummary(files: readonly string[]): ReadSummary {
  return { files, lines: 0, payloads: 0, hiddenSkipped: 0, blank: 0, malformed: 0, firstMalformed: [], sends: 0, sendsMalformed: 0 };
}

/** Counts a malformed line, quoting it while fewer than MALFORMED_QUOTED are. */
export function malformed(summary: ReadSummary, file: string, line: number, why: string): void {
  summary.malformed++;
  if (summary.firstMalformed.length < MALFORMED_QUOTED) summary.firstMalformed.push({ file, line, why });
}

/**
 * Adds what a parse worker found in one range of `file` (line numbers from 1 at the range's first
 * line) to `summary`, whose lines so far of that file are `lineBase`.
 */
export function addRange(summary: ReadSummary, range: ReadSummary, lineBase: number): void {
  summary.lines += range.lines;
  summary.payloads += range.payloads;
  summary.hiddenSkipped += range.hiddenSkipped;
  summary.blank += range.blank;
  summary.malformed += range.malformed;
  for (const m of range.firstMalformed) if (summary.firstMalformed.length < MALFORMED_QUOTED) summary.firstMalformed.push({ ...m, line: lineBase + m.line });
}
