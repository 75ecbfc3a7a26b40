/**
 * `wabasim validate SCENARIO… [--allow-strategy-path DIR…]` — schema and semantic checks of each
 * file; exit 0 or 2. Never runs code: a strategy module the scenario names is located (it exists,
 * inside the scenario's tree or an allowed directory) but not imported (README "Threat model").
 */
import { formatIssue, UserInputError, type Issue } from '../../errors/index.js';
import { loadScenario, planVariants } from '../../scenario/index.js';
import { checkStrategies } from '../../run/index.js';
import { BUILTIN_NAMES } from '../../strategies/index.js';

/** Validates each file (`allow`: --allow-strategy-path); prints a line per file (or JSON); returns true if all are valid. */
export function validateCommand(files: readonly string[], json: boolean, allow: readonly string[] = []): boolean {
  const report: { file: string; issues: Issue[] }[] = [];
  for (const file of files) report.push({ file, issues: issuesOf(file, allow) });
  if (json) process.stdout.write(`${JSON.stringify(report.map((r) => ({ file: r.file, valid: r.issues.length === 0, issues: r.issues })), null, 2)}\n`);
  else {
    for (const r of report) {
      if (r.issues.length === 0) process.stdout.write(`ok  ${r.file}\n`);
      else process.stderr.write(`${r.issues.length} problem${r.issues.length === 1 ? '' : 's'} in ${r.file}:\n${r.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`);
    }
  }
  return report.every((r) => r.issues.length === 0);
}

/** Every issue of one scenario file: load, schema, semantics, variants, strategy references (no module imported). */
export function issuesOf(file: string, allow: readonly string[] = []): Issue[] {
  try {
    const scenario = loadScenario(file, BUILTIN_NAMES);
    planVariants(scenario, { file, strategyNames: BUILTIN_NAMES });
    return checkStrategies(scenario.strategies, file, allow);
  } catch (err) {
    if (err instanceof UserInputError) return [...err.issues];
    throw err;
  }
}
