/**
 * Runs dependency-cruiser with the repo's rules (.dependency-cruiser.cjs) over a tree and groups
 * the violations by rule, one `from → to` line each (a circle also names its path).
 */
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repo root: this file runs from dist/test/architecture/. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** The rule names of .dependency-cruiser.cjs, in its order. */
export const RULES = ['engine-knows-no-model', 'strategies-see-only-the-observable-api', 'no-circular', 'model-sees-no-pipeline'] as const;
export type RuleName = (typeof RULES)[number];

/** The names of the forbidden rules in .dependency-cruiser.cjs, in its order. */
export async function configuredRules(): Promise<string[]> {
  const options = await extractDepcruiseOptions(join(REPO_ROOT, '.dependency-cruiser.cjs'));
  return (options.ruleSet?.forbidden ?? []).map((r) => r.name ?? '(unnamed)');
}

/** One line per violation: `from → to`, and for a circle the path back to `from`. */
export function describeImport(v: IViolation): string {
  const line = `${v.from} → ${v.to}`;
  return v.cycle ? `${line} (circle: ${[v.from, ...v.cycle.map((c) => c.name)].join(' → ')})` : line;
}

/** What a cruise found: each rule's violations, and the modules it read. */
export interface Cruised {
  readonly violations: Record<RuleName, string[]>;
  readonly modules: readonly string[];
}

/**
 * Cruises `paths` (relative to `baseDir`) with the repo's rules and returns each rule's violations,
 * sorted. `baseDir` is the repo root, or a fixture root holding a tree shaped like src/.
 */
export async function importViolations(baseDir: string, paths: readonly string[]): Promise<Cruised> {
  const options = await extractDepcruiseOptions(join(REPO_ROOT, '.dependency-cruiser.cjs'));
  const tsConfigFile = join(REPO_ROOT, 'tsconfig.json');
  const reported = await cruise(
    [...paths],
    { ...options, baseDir, tsConfig: { fileName: tsConfigFile }, outputType: 'json' },
    { bustTheCache: true },
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  const result: ICruiseResult = typeof reported.output === 'string' ? JSON.parse(reported.output) : reported.output;
  const byRule = Object.fromEntries(RULES.map((r) => [r, [] as string[]])) as Record<RuleName, string[]>;
  for (const v of result.summary.violations) {
    const lines = byRule[v.rule.name as RuleName];
    if (!lines) throw new Error(`a violation of a rule the test does not know: ${v.rule.name}`);
    lines.push(describeImport(v));
  }
  for (const r of RULES) byRule[r].sort();
  return { violations: byRule, modules: result.modules.map((m) => m.source).sort() };
}
