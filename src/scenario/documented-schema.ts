/**
 * The schema editors read (`wabasim schema`, schema/scenario.schema.json): the scenario schema
 * (schema.ts, which the types derive from and the validator compiles) plus what only the
 * registries know — profile names, tier names, built-in strategy names and every policy
 * parameter an override may set, each with its description, unit, label and source. These lists
 * are offered as completions; the CLI's own checks (semantic.ts) stay the judge of them and
 * answer a typo with "did you mean".
 */
import { listParams, PROFILE_IDS, PROFILES, type ParamDef } from '../policy/index.js';
import { BUILTIN_NAMES } from '../strategies/registry.js';
import { scenarioSchema } from './schema.js';

type Json = Record<string, unknown>;

/** Tier names of every shipped profile, in ladder order, each once. */
function tierNames(): string[] {
  const names = new Set<string>();
  for (const id of PROFILE_IDS) for (const t of PROFILES[id].params.limits.tiers.value) names.add(t.name);
  return [...names];
}

function overrideProperty(def: ParamDef<unknown>): Json {
  const unit = def.unit ? `; unit: ${def.unit}` : '';
  const bounds = def.min !== undefined || def.max !== undefined ? `; range ${def.min ?? '−∞'} to ${def.max ?? '∞'}` : '';
  const property: Json = { description: `${def.description} (${def.label}${unit}${bounds}; source: ${def.source})`, examples: [def.value] };
  // a list parameter's choices are what its items may be (e.g. appliesTo.*: channels)
  if (def.choices) Object.assign(property, Array.isArray(def.value) ? { type: 'array', items: { enum: def.choices } } : { enum: def.choices });
  return property;
}

/** Every parameter of the default profile an override may set, by dotted path. */
function overrideProperties(): Json {
  const properties: Json = {};
  for (const { path, def } of listParams(PROFILES[PROFILE_IDS[0]])) properties[path] = overrideProperty(def);
  return properties;
}

/** Replaces the property at `path` (a list of keys) of a deep copy with `f` of it. */
function update(root: Json, path: readonly string[], f: (node: Json) => Json): void {
  let node = root;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  const last = path[path.length - 1];
  node[last] = f(node[last] as Json);
}

/**
 * The scenario schema with the registries' names as enums and the policy parameters as override
 * properties.
 * @example documentedSchema().properties.policy.enum // ['meta-2025-10', …]
 */
export function documentedSchema(): Json {
  const s = structuredClone(scenarioSchema) as unknown as Json;
  const tiers = tierNames();
  const overrides = overrideProperties();
  update(s, ['properties', 'policy'], (p) => ({ ...p, enum: [...PROFILE_IDS] }));
  update(s, ['properties', 'portfolio', 'properties', 'startTier'], (p) => ({ ...p, enum: tiers }));
  update(s, ['properties', 'portfolio', 'properties', 'numbers', 'items', 'properties', 'messagingLimitTier'], (p) => ({ ...p, enum: tiers }));
  update(s, ['properties', 'variants', 'items', 'properties', 'policy'], (p) => ({ ...p, enum: [...PROFILE_IDS] }));
  // Both override maps (the scenario's and a variant's) point at one definition listing every parameter.
  (s.$defs as Json).overrides = { ...(s.properties as Json).overrides as Json, properties: overrides };
  for (const path of [['properties', 'overrides'], ['properties', 'variants', 'items', 'properties', 'overrides']]) {
    update(s, path, (p) => ({ $ref: '#/$defs/overrides', description: p.description, examples: p.examples }));
  }
  // A strategy is a built-in name or a module path (as src/run/strategy-module.ts MODULE_PATH): offer the names, accept a path.
  const strategyName = (p: Json): Json => ({ ...p, anyOf: [{ enum: [...BUILTIN_NAMES] }, { pattern: '\\.(m?js|m?ts)$' }] });
  const ref = ['properties', 'strategies', 'items', 'anyOf'];
  update(s, [...ref, '0'], strategyName);
  update(s, [...ref, '1', 'properties', 'name'], strategyName);
  return s;
}
