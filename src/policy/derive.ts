/** `deriveProfile`: a profile that differs from another in a few parameters, each replacement carrying its own source and label. */
import type { ParamDef } from './param.js';
import { inheritRange } from './ranges.js';
import type { PolicyDefs, PolicyProfile } from './types.js';

/** Replacements per group: `{ limits: { upgradeDelayHours: {...} } }`. */
export type ParamPatch = { readonly [G in keyof PolicyDefs]?: { readonly [K in keyof PolicyDefs[G]]?: PolicyDefs[G][K] } };

/**
 * A new profile: `base` with the parameters in `patch` replaced. A replacement that needs a
 * plausible range and brings none inherits the base parameter's (ranges.ts inheritRange).
 */
export function deriveProfile(base: PolicyProfile, meta: Omit<PolicyProfile, 'params'>, patch: ParamPatch): PolicyProfile {
  const params = Object.fromEntries(
    Object.entries(base.params).map(([group, defs]) => {
      const merged: Record<string, ParamDef<unknown>> = { ...(defs as Record<string, ParamDef<unknown>>) };
      for (const [key, def] of Object.entries((patch as Record<string, Record<string, ParamDef<unknown>> | undefined>)[group] ?? {})) {
        const range = inheritRange(merged[key], def);
        merged[key] = range ? { ...def, range } : def;
      }
      return [group, merged];
    }),
  ) as unknown as PolicyDefs;
  return { ...meta, params };
}
