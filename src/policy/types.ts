/**
 * Policy profiles: complete, named, versioned parameter sets. Every model number lives here as a
 * `ParamDef` with its unit, source and label (MODEL.md: "every number below is a parameter of a
 * policy profile, never a constant in code"). The model reads the resolved `Policy` values.
 *
 * The parameter set is derived, not restated: `PolicyDefs` is the shape of the default profile's
 * parameters (profiles/meta-2025-10.ts, each with its description there), and every other profile
 * must have that shape (registry.ts).
 */
import type { ParamDef } from './param.js';
import type { META_2025_10_PARAMS } from './profiles/meta-2025-10.js';

export * from './param.js';

/** The parameter definitions every profile provides, grouped by MODEL.md mechanism: the default profile's. */
export type PolicyDefs = typeof META_2025_10_PARAMS;

/** Replaces every ParamDef leaf by its value type: what the model reads. */
export type Values<T> = {
  readonly [K in keyof T]: T[K] extends ParamDef<infer V> ? V : Values<T[K]>;
};

/** The resolved parameter values for one run (distributions already sampled). */
export type Policy = Values<PolicyDefs>;

/** A named, versioned profile. */
export interface PolicyProfile {
  readonly id: string;
  readonly version: string;
  readonly title: string;
  readonly description: string;
  readonly params: PolicyDefs;
}
