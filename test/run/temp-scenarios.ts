/** Strategy modules and small scenarios written to a temporary directory, for the tests that load them, and the issues such a load rejects with. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UserInputError, type Issue } from '../../src/errors/index.js';

/**
 * A temporary directory `dir`; `file` writes a file there (directories made); `scenarioFile`
 * writes scenarios/user-strategy.json cut to one seed, one day and `size` recipients, with
 * `strategies`.
 * @example const { scenarioFile } = tempScenarios('wabasim-params-', 50); scenarioFile('a.json', ['blast'])
 */
export function tempScenarios(prefix: string, size: number): { dir: string; file: (name: string, content: string) => string; scenarioFile: (name: string, strategies: unknown[]) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const base = JSON.parse(readFileSync('scenarios/user-strategy.json', 'utf8')) as Record<string, unknown>;
  const file = (name: string, content: string): string => {
    const f = join(dir, name);
    mkdirSync(join(f, '..'), { recursive: true });
    writeFileSync(f, content);
    return f;
  };
  const scenarioFile = (name: string, strategies: unknown[]): string => file(name, JSON.stringify({ ...base, $schema: undefined, seeds: 1, horizonDays: 1, audience: { segments: [{ id: 'subscribers', size }] }, strategies }));
  return { dir, file, scenarioFile };
}

/** The issues of the UserInputError `f` rejects with (fails when it resolves or rejects otherwise). */
export async function issuesOf(f: () => Promise<unknown>): Promise<readonly Issue[]> {
  try {
    await f();
  } catch (err) {
    if (err instanceof UserInputError) return err.issues;
    throw err;
  }
  throw new Error('expected a UserInputError');
}
