/** `deriveProfile`: a profile that differs from another in a few parameters, each replacement carrying its own source and label. */
import type { PolicyDefs, PolicyProfile } from './types.js';

/** Replacements per group: `{ limits: { upgradeDelayHours: {...} } }`. */
export type ParamPatch = { readonly [G in keyof PolicyDefs]?: { readonly [K in keyof PolicyDefs[G]]?: PolicyDefs[G][K] } };

/** A new profile: `base` with the parameters in `patch` replaced. */
export function deriveProfile(base: PolicyProfile, meta: Omit<PolicyProfile, 'params'>, patch: ParamPatch): PolicyProfile {
  const params = Object.fromEntries(
    Object.entries(base.params).map(([group, defs]) => [group, { ...defs, ...((patch as Record<string, object | undefined>)[group] ?? {}) }]),
  ) as unknown as PolicyDefs;
  return { ...meta, params };
}
