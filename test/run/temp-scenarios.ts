/** Strategy modules and small scenarios written to a temporary directory, for the tests that load them. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
