/**
 * The schema is the scenario format's documentation: editors show each property's description
 * and offer its examples and enums as completions. These tests keep it that way.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { documentedSchema } from '../../src/scenario/documented-schema.js';
import { PROFILE_IDS, listParams, PROFILES } from '../../src/policy/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/registry.js';

type Node = Record<string, unknown>;
interface Property {
  readonly path: string;
  readonly node: Node;
}

/** Every named property of the schema, wherever it sits (nested objects, list items, branches, $defs). */
function properties(schema: Node): Property[] {
  const out: Property[] = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as Node;
    if (n.properties && !path.includes('overrides')) {
      for (const [key, child] of Object.entries(n.properties as Node)) {
        out.push({ path: `${path}/${key}`, node: child as Node });
        walk(child, `${path}/${key}`);
      }
    }
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) if (Array.isArray(n[key])) for (const branch of n[key] as unknown[]) walk(branch, path);
    if (n.items) walk(n.items, `${path}/[]`);
    if (n.additionalProperties && typeof n.additionalProperties === 'object') walk(n.additionalProperties, `${path}/*`);
    if (n.$defs) for (const [key, child] of Object.entries(n.$defs as Node)) walk(child, `#${key}`);
  };
  walk(schema, '');
  return out;
}

const isNumeric = (n: Node): boolean => n.type === 'number' || n.type === 'integer' || (Array.isArray(n.anyOf) && (n.anyOf as Node[]).some((b) => b.type === 'number'));
/** Words that say what a number counts or measures. */
const UNIT = /\b(seconds?|hours?|days?|probability|share|unitless|unit|relative|users?|recipients?|messages?|runs?|seeds?)\b/i;

const schema = documentedSchema();
const all = properties(schema);

test('the schema documents over a hundred properties, and every one has a description and an example', () => {
  assert.ok(all.length > 100, `${all.length} properties`);
  const undocumented = all.filter((p) => typeof p.node.description !== 'string' || (p.node.description as string).length < 8).map((p) => p.path);
  assert.equal(undocumented, [], 'properties without a description');
  const noExample = all.filter((p) => !Array.isArray(p.node.examples) && p.node.const === undefined && !Array.isArray(p.node.enum)).map((p) => p.path);
  assert.equal(noExample, [], 'properties without an example or an enum');
});

test("every numeric property's description says its unit", () => {
  const unitless = all.filter((p) => isNumeric(p.node) && !UNIT.test(p.node.description as string)).map((p) => `${p.path}: ${p.node.description}`);
  assert.equal(unitless, []);
});

test('editors are offered the profile names, tier names, built-in strategies, categories, channels and every override', () => {
  const p = schema.properties as Node;
  assert.equal((p.policy as Node).enum, [...PROFILE_IDS]);
  const portfolio = (p.portfolio as Node).properties as Node;
  assert.ok(((portfolio.startTier as Node).enum as string[]).includes('TIER_250'));
  const strategyName = ((p.strategies as Node).items as { anyOf: Node[] }).anyOf[0];
  assert.equal((strategyName.anyOf as Node[])[0].enum, [...BUILTIN_NAMES]);
  const number = ((portfolio.numbers as Node).items as Node).properties as Node;
  assert.equal((number.channel as Node).enum, ['cloud-api', 'coexistence', 'web-session']);
  const overrides = ((schema.$defs as Node).overrides as Node).properties as Node;
  const paths = listParams(PROFILES['meta-2025-10']).map((r) => r.path);
  assert.equal(Object.keys(overrides), paths);
  assert.match((overrides['quality.yellowThreshold'] as Node).description as string, /source: /);
});

test('every bundled scenario is valid under the documented schema (an editor shows no false error)', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
  for (const name of readdirSync('scenarios').filter((f) => f.endsWith('.json'))) {
    const ok = validate(JSON.parse(readFileSync(`scenarios/${name}`, 'utf8')));
    assert.ok(ok, `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
  }
});

test('the documented schema still refuses what the CLI refuses: an unknown built-in strategy name', () => {
  const validate = new Ajv({ strict: false }).compile(schema);
  const base = JSON.parse(readFileSync('scenarios/default.json', 'utf8')) as Node;
  assert.not.ok(validate({ ...base, strategies: ['tier-awar'] }));
  assert.ok(validate({ ...base, strategies: ['tier-aware', './strategies/mine.ts'] }));
});

test.run();
