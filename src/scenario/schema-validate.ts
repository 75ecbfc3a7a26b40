/**
 * JSON Schema validation with ajv (all errors at once), mapped to catalogue issues.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { msg, show, type Issue } from '../errors/index.js';
import { scenarioSchema } from './schema.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, useDefaults: true, verbose: true, strict: false });
    compiled = ajv.compile(scenarioSchema);
  }
  return compiled;
}

/**
 * Validates `data` against the scenario schema, filling defaults in place.
 * Returns every problem, one issue per offending value.
 */
export function schemaIssues(file: string, data: unknown): Issue[] {
  const validate = validator();
  if (validate(data)) return [];
  const errors = validate.errors ?? [];
  // A failed anyOf/oneOf stands for all its branches: keep it, drop the branch errors beneath it.
  const composite = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const kept = errors.filter((e) => !composite.some((c) => c !== e && isBranchOf(e, c)));
  // …except a negative sd of a normal distribution: the value is plainly a distribution, so say
  // what is wrong with it rather than list the forms it may take
  const negativeSd = new Map(errors.filter(isNegativeSd).map((e) => [e.instancePath.slice(0, -SD_PATH.length), e]));
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const e of kept) {
    const sd = composite.includes(e) ? negativeSd.get(e.instancePath) : undefined;
    const issue = sd ? msg.negativeSd(file, sd.instancePath, sd.data) : toIssue(file, e);
    const key = `${issue.pointer}|${issue.expected}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

const SD_PATH = '/normal/sd';

/** True if `e` is the `minimum: 0` of a distribution's normal sd. */
function isNegativeSd(e: ErrorObject): boolean {
  return e.keyword === 'minimum' && e.instancePath.endsWith(SD_PATH) && e.schemaPath.includes('/normal/properties/sd/');
}

/** True if `e` comes from inside one of the branches of the failed anyOf/oneOf `composite`. */
function isBranchOf(e: ErrorObject, composite: ErrorObject): boolean {
  return e.instancePath.startsWith(composite.instancePath) &&
    (e.schemaPath.startsWith(`${composite.schemaPath}/`) || (e.schemaPath.startsWith('#/$defs/') && !composite.schemaPath.startsWith('#/$defs/')));
}

function toIssue(file: string, e: ErrorObject): Issue {
  const p = e.params as Record<string, unknown>;
  const parent = (e.parentSchema ?? {}) as { description?: string; properties?: Record<string, unknown> };
  switch (e.keyword) {
    case 'required':
      return msg.schema(file, `${e.instancePath}/${String(p.missingProperty)}`, 'a value (required)', undefined);
    case 'additionalProperties':
      return msg.unknownKey(file, e.instancePath, String(p.additionalProperty), Object.keys(parent.properties ?? {}));
    case 'type':
      return msg.schema(file, e.instancePath, `a value of type ${String(p.type)}`, e.data);
    case 'enum':
      return msg.schema(file, e.instancePath, `one of ${(p.allowedValues as unknown[]).map(show).join(', ')}`, e.data);
    case 'anyOf':
    case 'oneOf':
      return msg.schema(file, e.instancePath, parent.description ?? describeComposite(e.schema), e.data);
    case 'propertyNames':
      return msg.schema(file, e.instancePath, 'valid key names', `key ${show(p.propertyName)}`);
    default:
      return msg.schema(file, e.instancePath, expectedFromMessage(e), e.data);
  }
}

function describeComposite(branches: unknown): string {
  if (!Array.isArray(branches)) return 'a value matching one of the allowed forms';
  const names = branches.map((b: { type?: string; $ref?: string; required?: string[] }) =>
    b.$ref === '#/$defs/distribution' ? 'a distribution ({"uniform":[min,max]}, {"triangular":[min,mode,max]}, {"normal":{mean,sd,min,max}}, {"beta":{alpha,beta}})'
      : b.required ? `{"${b.required[0]}": …}` : b.type ? `a ${b.type}` : 'a value');
  return names.join(' or ');
}

/** ajv's messages read "must be >= 0"; turn them into "a value >= 0". */
function expectedFromMessage(e: ErrorObject): string {
  const m = e.message ?? 'a valid value';
  return m.startsWith('must be ') ? `a value ${m.slice('must be '.length)}` : m.startsWith('must ') ? `a value that must ${m.slice(5)}` : m;
}
