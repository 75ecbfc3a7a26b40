/**
 * Writes DIR/calibrated.json and DIR/calibration.html together or not at all (temporary files,
 * then rename: src/run/write.ts), creating DIR.
 */
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { UserInputError, writeMsg } from '../errors/index.js';
import { osReason, writeFilesTogether } from '../run/write.js';
import type { Calibration } from './index.js';
import { renderCalibration } from './report.js';

/** The two files' paths in `dir`. */
export function calibrationPaths(dir: string): { json: string; html: string } {
  return { json: join(dir, 'calibrated.json'), html: join(dir, 'calibration.html') };
}

/**
 * Renders and writes both files.
 * @throws {UserInputError} when DIR cannot be created or a file cannot be written (the old files stay)
 * @example await writeCalibration('calibration', await calibrate({ logs: ['log.jsonl'] }))
 */
export async function writeCalibration(dir: string, c: Calibration): Promise<{ json: string; html: string }> {
  const paths = calibrationPaths(dir);
  const html = await renderCalibration(c);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new UserInputError([writeMsg.notWritten(paths.json, osReason(err), [basename(paths.json), basename(paths.html)])]);
  }
  writeFilesTogether([
    { path: paths.json, content: `${JSON.stringify(c.output, null, 2)}\n` },
    { path: paths.html, content: html },
  ]);
  return paths;
}
