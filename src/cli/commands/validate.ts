/** `wabasim validate SCENARIO…` — schema and semantic checks of each file; exit 0 or 2. */
import { formatIssue, UserInputError, type Issue } from '../../errors/index.js';
import { loadScenario, planVariants } from '../../scenario/index.js';
import { resolveStrategies } from '../../run/index.js';
import { BUILTIN_NAMES } from '../../strategies/index.js';

/** Validates each file; prints a line per file (or JSON); returns true if all are valid. */
export async function validateCommand(files: readonly string[], json: boolean): Promise<boolean> {
  const report: { file: string; issues: Issue[] }[] = [];
  for (const file of files) report.push({ file, issues: await issuesOf(file) });
  if (json) process.stdout.write(`${JSON.stringify(report.map((r) => ({ file: r.file, valid: r.issues.length === 0, issues: r.issues })), null, 2)}\n`);
  else {
    for (const r of report) {
      if (r.issues.length === 0) process.stdout.write(`ok  ${r.file}\n`);
      else process.stderr.write(`${r.issues.length} problem${r.issues.length === 1 ? '' : 's'} in ${r.file}:\n${r.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`);
    }
  }
  return report.every((r) => r.issues.length === 0);
}

/** Every issue of one scenario file: load, schema, semantics, variants, strategy parameters. */
export async function issuesOf(file: string): Promise<Issue[]> {
  try {
    const scenario = loadScenario(file, BUILTIN_NAMES);
    planVariants(scenario, { file, strategyNames: BUILTIN_NAMES });
    await resolveStrategies(scenario.strategies, file);
    return [];
  } catch (err) {
    if (err instanceof UserInputError) return [...err.issues];
    throw err;
  }
}
