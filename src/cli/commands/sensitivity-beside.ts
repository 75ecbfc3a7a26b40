/** The sensitivity.json beside a results.json, for `run` and `report` (they add its report section). */
export { sensitivityBeside } from '../../sensitivity/index.js';

/**
 * Writes one warning line to stderr.
 * @example warnLine('warning: …')
 */
export function warnLine(line: string): void {
  process.stderr.write(`${line}\n`);
}
