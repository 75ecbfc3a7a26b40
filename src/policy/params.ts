/**
 * Walking a profile's parameters: listing them with their labels, finding one by dotted path,
 * and resolving a profile plus overrides into the values one run reads.
 */
import type { Rng } from '../engine/index.js';
import { sampleParam, type NumericParam } from './distribution.js';
import type { ParamDef, Policy, PolicyProfile } from './types.js';

/** One parameter of a profile, flattened for listing and reporting. */
export interface ParamRow {
  readonly path: string;
  readonly def: ParamDef<unknown>;
}

function isParamDef(node: unknown): node is ParamDef<unknown> {
  return typeof node === 'object' && node !== null && 'value' in node && 'label' in node && 'source' in node;
}

/**
 * Every parameter of `profile` as (dotted path, definition), in the profile's declaration order.
 * @example listParams(meta202510)[0].path // 'limits.scope'
 */
export function listParams(profile: PolicyProfile): ParamRow[] {
  const rows: ParamRow[] = [];
  const walk = (node: object, prefix: string): void => {
    for (const [key, child] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (isParamDef(child)) rows.push({ path, def: child });
      else walk(child as object, path);
    }
  };
  walk(profile.params, '');
  return rows;
}

/** The definition at a dotted path, or undefined. */
export function findParam(profile: PolicyProfile, path: string): ParamDef<unknown> | undefined {
  return listParams(profile).find((row) => row.path === path)?.def;
}

/** Override values as the scenario gives them (already validated against the profile). */
export type Overrides = Readonly<Record<string, unknown>>;

/**
 * Resolves `profile` with `overrides` into the values one run uses. Numeric overrides given as
 * distributions are sampled once, each from its own stream `streamFor('param:' + path)`.
 * The caller has validated the overrides (see scenario/semantic.ts).
 */
export function resolvePolicy(profile: PolicyProfile, overrides: Overrides, streamFor: (name: string) => Rng): Policy {
  const build = (node: object, prefix: string): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (isParamDef(child)) {
        const override = Object.prototype.hasOwnProperty.call(overrides, path) ? overrides[path] : undefined;
        if (override === undefined) out[key] = child.value;
        else if (typeof child.value === 'number') out[key] = sampleParam(override as NumericParam, streamFor(`param:${path}`));
        else out[key] = override;
      } else {
        out[key] = build(child as object, path);
      }
    }
    return out;
  };
  return build(profile.params, '') as unknown as Policy;
}
