/**
 * The JSON Schema of a shard file (`wabasim run --shard i/n`): every field `wabasim merge` relies
 * on, with its type and bounds, and the issues ajv finds mapped to catalogue messages. Sizes are
 * bounded here (plan size and run counts at most LIMITS.maxRuns), so merge checks them before
 * allocating anything proportional to them.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { msg, type Issue } from '../errors/index.js';
import { LIMITS } from '../scenario/limits.js';

/** Problems reported per file before giving up on it (the first ones say enough). */
const MAX_ISSUES = 20;

const count = (description: string): object => ({ type: 'integer', minimum: 0, description });
const numbers = (description: string): object => ({ type: 'object', additionalProperties: { type: 'number' }, description });
const text = (description: string): object => ({ type: 'string', description });
const SUMMARY_COUNTS = ['attempted', 'accepted', 'delivered', 'failed', 'pendingAtHorizon', 'uniqueUsersReached', 'read', 'replies', 'inbound', 'blocks', 'reports', 'stops', 'webhooks', 'aggressiveRetries', 'graphRequests', 'held', 'released', 'dropped', 'templatePauses', 'templatesDisabled', 'peakUniqueInWindow', 'restricted', 'banned'] as const;
const SUMMARY_RECORDS = ['failedByCode', 'blocksByReason', 'daysToTier', 'qualityHoursTotal', 'restrictionHours', 'perThousandDelivered'] as const;
const DIGEST = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'a SHA-256 digest (64 hex digits)' };

/** The shard file schema (draft 2020-12 subset ajv understands by default). */
export const shardSchema = {
  type: 'object',
  description: 'a results object',
  required: ['wabasim', 'scenario', 'variants', 'runs', 'aggregates', 'shard'],
  properties: {
    wabasim: text('the wabasim version that wrote the file'),
    scenario: { type: 'object', description: 'the scenario echo' },
    variants: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.maxListItems,
      description: 'a list of variants',
      items: {
        type: 'object',
        description: 'a variant {name, policy, parameters}',
        required: ['name', 'policy', 'parameters'],
        properties: {
          name: text('a variant name'),
          description: text('a description'),
          policy: text('a policy profile id'),
          parameters: {
            type: 'array',
            description: 'a list of resolved parameters',
            items: {
              type: 'object',
              description: 'a parameter {path, value, overridden, unit, source, label}',
              required: ['path', 'overridden', 'unit', 'source', 'label'],
              properties: { path: text('a parameter path'), overridden: { type: 'boolean', description: 'true or false' }, unit: text('a unit'), source: text('a source'), label: text('a label') },
            },
          },
        },
      },
    },
    runs: {
      type: 'array',
      minItems: 1,
      maxItems: LIMITS.maxRuns,
      description: 'a list of runs, at least one',
      items: {
        type: 'object',
        description: 'a run {variant, strategy, seed, summary, series, events}',
        required: ['variant', 'strategy', 'seed', 'summary', 'series', 'events'],
        properties: {
          variant: text('a variant name'),
          strategy: text('a strategy label'),
          seed: count('an integer seed ≥ 0'),
          summary: {
            type: 'object',
            description: 'a run summary',
            required: ['attempted', 'accepted', 'delivered', 'failed', 'blocks', 'replies', 'restricted', 'banned'],
            properties: {
              ...Object.fromEntries(SUMMARY_COUNTS.map((k) => [k, { type: 'number', description: 'a number' }])),
              ...Object.fromEntries(SUMMARY_RECORDS.map((k) => [k, numbers('an object of numbers')])),
              unansweredPeak: { type: 'number', description: 'a number' },
              trustScorePeak: { type: 'number', description: 'a number' },
              finalTier: text('a tier name'),
              peakTier: text('a tier name'),
              ban: { enum: ['none', 'soft', 'permanent'], description: 'one of "none", "soft", "permanent"' },
              enforcements: { type: 'array', description: 'a list of enforcements' },
            },
          },
          series: { type: 'object', description: 'an object of hourly series', additionalProperties: { type: 'array', items: { type: 'number', description: 'a number' }, description: 'a list of numbers' } },
          events: count('an integer event count ≥ 0'),
        },
      },
    },
    aggregates: { type: 'array', description: 'a list of aggregates' },
    shard: {
      type: 'object',
      description: 'the shard record {index, count, planSize, runIndices, planDigest, digest}',
      required: ['index', 'count', 'planSize', 'runIndices', 'planDigest', 'digest'],
      additionalProperties: false,
      properties: {
        index: { type: 'integer', minimum: 1, maximum: LIMITS.maxRuns, description: `a shard number in [1, ${LIMITS.maxRuns}]` },
        count: { type: 'integer', minimum: 1, maximum: LIMITS.maxRuns, description: `a shard count in [1, ${LIMITS.maxRuns}]` },
        planSize: { type: 'integer', minimum: 1, maximum: LIMITS.maxRuns, description: `a plan size in [1, ${LIMITS.maxRuns}] (the most runs one sweep may have)` },
        runIndices: { type: 'array', maxItems: LIMITS.maxRuns, items: { type: 'integer', minimum: 0, maximum: LIMITS.maxRuns - 1, description: 'a run index' }, description: 'a list of run indices' },
        planDigest: DIGEST,
        digest: DIGEST,
      },
    },
  },
} as const;

let compiled: ValidateFunction | undefined;

/**
 * Problems in `data` as a shard file (empty when it is one), at most 20.
 * Why: `wabasim merge` must not crash on, or silently join, a file of the wrong shape.
 * Cost: linear in the file (every series value is checked).
 * @example shardShapeIssues({}, 's.json')[0].pointer // '/wabasim'
 */
export function shardShapeIssues(data: unknown, file: string): Issue[] {
  compiled ??= new Ajv({ allErrors: true, verbose: true, strict: false }).compile(shardSchema);
  if (compiled(data)) return [];
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const e of compiled.errors ?? []) {
    const issue = toIssue(file, e, data);
    if (seen.has(issue.pointer)) continue;
    seen.add(issue.pointer);
    issues.push(issue);
    if (issues.length >= MAX_ISSUES) break;
  }
  return issues;
}

function toIssue(file: string, e: ErrorObject, data: unknown): Issue {
  const parent = (e.parentSchema ?? {}) as { description?: string; properties?: Record<string, { description?: string }> };
  const p = e.params as Record<string, unknown>;
  if (e.keyword === 'required') {
    const key = String(p.missingProperty);
    // a whole-sweep results.json has everything but the shard record
    if (e.instancePath === '' && key === 'shard') return msg.badShard(file, '/shard', 'the shard record', undefined);
    return msg.badShard(file, `${e.instancePath}/${key}`, parent.properties?.[key]?.description ?? 'a value', undefined);
  }
  if (e.keyword === 'additionalProperties') return msg.unknownKey(file, e.instancePath, String(p.additionalProperty), Object.keys(parent.properties ?? {}));
  if (e.keyword === 'minItems' && e.instancePath === '/runs') return msg.badShard(file, '/runs', 'at least one run', 'no runs');
  if (e.keyword === 'maxItems' || e.keyword === 'maximum' || e.keyword === 'minimum' || e.keyword === 'minItems') return msg.badShard(file, e.instancePath, parent.description ?? String(e.message), summarise(e.data));
  return msg.badShard(file, e.instancePath, parent.description ?? String(e.message), e.instancePath === '' ? data : summarise(e.data));
}

/** A value for a message without echoing a 100,000-item list. */
function summarise(value: unknown): unknown {
  return Array.isArray(value) && value.length > 10 ? `a list of ${value.length} items` : value;
}
