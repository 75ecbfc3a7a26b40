/** Compact builders for profile parameters (see derive.ts for a profile that differs from another in a few). */
import { CHANNELS, type Channel, type ParamDef, type ParamLabel, type TierDef } from './param.js';

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

/** A messaging-limit ladder, lowest tier first (null = no cap). */
export function tiers(value: readonly TierDef[], label: ParamLabel, source: string, description: string): ParamDef<readonly TierDef[]> {
  return { value, unit: 'unique users per window', source, label, description };
}
