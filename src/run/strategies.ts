/**
 * Resolving the scenario's strategy references into definitions with checked parameters.
 */
import { msg, UserInputError, type Issue } from '../errors/index.js';
import type { StrategyRef } from '../scenario/index.js';
import { BUILTIN_NAMES, builtinStrategy, type StrategyDefinition } from '../strategies/index.js';

/** A strategy ready to instantiate per run. */
export interface ResolvedStrategy {
  /** Name shown in results (the ref's `label`, else its name). */
  readonly label: string;
  readonly definition: StrategyDefinition;
  readonly params: Readonly<Record<string, number | boolean>>;
}

/**
 * Resolves `refs` (from the scenario, or names given with --strategy) against the built-ins.
 * @throws {UserInputError} listing every unknown strategy and bad parameter
 */
export async function resolveStrategies(refs: readonly StrategyRef[], file: string, at = '/strategies'): Promise<ResolvedStrategy[]> {
  const issues: Issue[] = [];
  const out: ResolvedStrategy[] = [];
  const labels = new Set<string>();
  refs.forEach((ref, i) => {
    const name = typeof ref === 'string' ? ref : ref.name;
    const pointer = typeof ref === 'string' ? `${at}/${i}` : `${at}/${i}/name`;
    const definition = builtinStrategy(name);
    if (!definition) return void issues.push(msg.unknownStrategy(file, pointer, BUILTIN_NAMES, name));
    const given = typeof ref === 'string' ? {} : ((ref.params ?? {}) as Record<string, unknown>);
    const params: Record<string, number | boolean> = {};
    for (const [key, doc] of Object.entries(definition.params)) params[key] = doc.default;
    for (const [key, value] of Object.entries(given)) {
      const doc = definition.params[key];
      const p = `${at}/${i}/params/${key}`;
      if (!doc) issues.push(msg.unknownKey(file, `${at}/${i}/params`, key, Object.keys(definition.params)));
      else if (doc.type === 'boolean' ? typeof value !== 'boolean' : typeof value !== 'number' || (doc.type === 'integer' && !Number.isInteger(value))) {
        issues.push(msg.badParamValue(file, p, `a value of type ${doc.type}`, value));
      } else if (typeof value === 'number' && (value < (doc.min ?? -Infinity) || value > (doc.max ?? Infinity))) {
        issues.push(msg.outOfRange(file, p, doc.min ?? -Number.MAX_VALUE, doc.max ?? Number.MAX_VALUE, value));
      } else params[key] = value as number | boolean;
    }
    const label = (typeof ref === 'string' ? undefined : ref.label) ?? name;
    if (labels.has(label)) issues.push(msg.duplicateId(file, pointer, 'strategy label', label));
    labels.add(label);
    out.push({ label, definition, params });
  });
  if (issues.length) throw new UserInputError(issues);
  return out;
}
