/**
 * Compact builders for profile parameters, and `deriveProfile` for a profile that differs from
 * another in a few parameters (each replaced parameter carries its own source and label).
 */
import { CHANNELS, type Channel, type ParamDef, type ParamLabel, type PolicyDefs, type PolicyProfile } from './types.js';

/** A numeric parameter within [min, max]. */
export function num(value: number, unit: string, min: number, max: number, label: ParamLabel, source: string, description: string): ParamDef<number> {
  return { value, unit, min, max, label, source, description };
}

/** A text parameter limited to `choices`. */
export function choice(value: string, choices: readonly string[], label: ParamLabel, source: string, description: string): ParamDef<string> {
  return { value, unit: '', choices: choices.length > 0 ? choices : undefined, label, source, description };
}

/** A yes/no parameter. */
export function flag(value: boolean, label: ParamLabel, source: string, description: string): ParamDef<boolean> {
  return { value, unit: '', label, source, description };
}

/** A list of channels (MODEL.md §6b: which channels a mechanism acts on). */
export function channels(value: readonly Channel[], label: ParamLabel, source: string, description: string): ParamDef<readonly Channel[]> {
  return { value, unit: 'channels', choices: CHANNELS, label, source, description };
}

/** Replacements per group: `{ limits: { upgradeDelayHours: {...} } }`. */
export type ParamPatch = { readonly [G in keyof PolicyDefs]?: { readonly [K in keyof PolicyDefs[G]]?: PolicyDefs[G][K] } };

/** A new profile: `base` with the parameters in `patch` replaced. */
export function deriveProfile(base: PolicyProfile, meta: Omit<PolicyProfile, 'params'>, patch: ParamPatch): PolicyProfile {
  const params = Object.fromEntries(
    Object.entries(base.params).map(([group, defs]) => [group, { ...defs, ...((patch as Record<string, object | undefined>)[group] ?? {}) }]),
  ) as unknown as PolicyDefs;
  return { ...meta, params };
}
