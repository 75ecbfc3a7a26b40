/**
 * Scenario validation at the boundary: schema (ajv, all errors) then semantic checks, and the
 * expansion of `variants` into one checked scenario each. After this the engine never throws for
 * a user mistake.
 */
import { escapePointer, msg, UserInputError, type Issue } from '../errors/index.js';
import { readJsonFile } from './load.js';
import type { Scenario } from './schema.js';
import { schemaIssues } from './schema-validate.js';
import { patchIssue, semanticIssues, type SemanticContext } from './semantic.js';

/** A variant of a scenario, ready to run: the scenario with its patch applied and its policy. */
export interface VariantPlan {
  readonly name: string;
  readonly description?: string;
  readonly scenario: Scenario;
  readonly policy: string;
  readonly overrides: Readonly<Record<string, unknown>>;
}

/**
 * Validates parsed JSON as a scenario; returns it with defaults filled.
 * @throws {UserInputError} listing every problem (schema first; semantics when the shape is right)
 */
export function validateScenarioData(data: unknown, ctx: SemanticContext): Scenario {
  const copy = structuredCloneJson(data);
  const schema = schemaIssues(ctx.file, copy);
  if (schema.length) throw new UserInputError(schema);
  const scenario = copy as Scenario;
  const semantic = semanticIssues(scenario, ctx);
  if (semantic.length) throw new UserInputError(semantic);
  return scenario;
}

/** Reads, parses and validates the scenario at `file`. @throws {UserInputError} */
export function loadScenario(file: string, strategyNames: readonly string[]): Scenario {
  return validateScenarioData(readJsonFile(file), { file, strategyNames });
}

/**
 * The variants to run: each declared variant with its patch applied and re-validated, or one
 * variant named 'base' when the scenario declares none.
 * @throws {UserInputError} when a patched scenario is invalid
 */
export function planVariants(s: Scenario, ctx: SemanticContext): VariantPlan[] {
  // thresholds are the sweep's, checked once on the whole scenario (their scopes name its variants)
  const base = { ...s, variants: undefined, thresholds: undefined };
  if (!s.variants || s.variants.length === 0) {
    return [{ name: 'base', scenario: base, policy: s.policy, overrides: s.overrides ?? {} }];
  }
  const issues: Issue[] = [];
  const plans: VariantPlan[] = [];
  s.variants.forEach((v, i) => {
    const patched = structuredCloneJson(base) as Record<string, unknown>;
    delete patched.variants;
    // patches apply in order, each checked against the document as patched so far; a variant whose
    // patch fails reports that one problem and is not validated further
    for (const [pointer, value] of Object.entries(v.patch ?? {})) {
      const problem = patchIssue(patched, pointer, ctx.file, `/variants/${i}/patch/${escapePointer(pointer)}`);
      if (problem) {
        issues.push(problem);
        return;
      }
      setPointer(patched, pointer, value);
    }
    try {
      const scenario = validateScenarioData(patched, { ...ctx, file: `${ctx.file} (variant ${i} "${v.name}")` });
      plans.push({
        name: v.name,
        description: v.description,
        scenario,
        policy: v.policy ?? s.policy,
        overrides: { ...(v.policy === undefined || v.policy === s.policy ? s.overrides : {}), ...v.overrides },
      });
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      issues.push(...err.issues);
    }
  });
  const names = new Set<string>();
  s.variants.forEach((v, i) => {
    if (names.has(v.name)) issues.push(msg.duplicateId(ctx.file, `/variants/${i}/name`, 'variant', v.name));
    names.add(v.name);
  });
  if (issues.length) throw new UserInputError(issues);
  return plans;
}

/** Sets the value at a JSON pointer that patchIssue accepted. */
function setPointer(doc: Record<string, unknown>, pointer: string, value: unknown): void {
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: Record<string, unknown> = doc;
  for (const t of tokens.slice(0, -1)) node = node[t] as Record<string, unknown>;
  Object.defineProperty(node, tokens[tokens.length - 1], { value: structuredCloneJson(value), enumerable: true, writable: true, configurable: true });
}

/** A deep copy of JSON data (no prototypes carried over, `__proto__` keys stay plain data). */
function structuredCloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
