/**
 * Which parameters an analysis varies: every numeric `estimate` or `reported` parameter with a
 * plausible range (low < high) in a variant's profile, unless the scenario's overrides set it in
 * that variant (the user's what-if stands). A unit coordinate u ∈ [0, 1] maps to
 * low + u × (high − low) in each variant's profile.
 */
import { listParams, needsRange, PROFILES, RANGED_LABELS, type ParamDef, type ProfileId } from '../policy/index.js';
import type { VariantPlan } from '../scenario/index.js';
import type { NotVaried, SensitivityParameter } from './types.js';

/** True when `path` is `pattern` or lies in the group `pattern` names (`quality` → `quality.*`). */
export function matchesOnly(path: string, pattern: string): boolean {
  return path === pattern || path.startsWith(`${pattern}.`);
}

/**
 * The varied parameters of `variants` (in the profiles' order) and the estimated or reported
 * ones left alone, with the reason; `only` (paths or groups) narrows the varied set.
 * @example designParameters(planVariants(scenario, ctx), []).parameters.length // 106 for meta-2025-10
 */
export function designParameters(variants: readonly VariantPlan[], only: readonly string[]): { parameters: SensitivityParameter[]; notVaried: NotVaried[] } {
  const profiles = [...new Set(variants.map((v) => v.policy))].map((id) => PROFILES[id as ProfileId]);
  const parameters: SensitivityParameter[] = [];
  const notVaried: NotVaried[] = [];
  for (const { path, def: first } of listParams(profiles[0])) {
    if (only.length && !only.some((o) => matchesOnly(path, o))) continue;
    const defs = profiles.map((p) => ({ policy: p.id, def: listParams(p).find((r) => r.path === path)!.def }));
    const uncertain = defs.filter(({ def }) => RANGED_LABELS.includes(def.label));
    if (uncertain.length === 0) continue;
    const ranged = defs.filter(({ def }) => needsRange(def) && def.range && def.range.low < def.range.high);
    const label = uncertain[0].def.label;
    if (ranged.length === 0) {
      notVaried.push({ path, label, reason: reasonNotVaried(uncertain[0].def) });
      continue;
    }
    const heldBy = variants.filter((v) => Object.prototype.hasOwnProperty.call(v.overrides, path)).map((v) => v.name);
    const varies = variants.some((v) => !heldBy.includes(v.name) && ranged.some((r) => r.policy === v.policy));
    if (!varies) {
      notVaried.push({ path, label, reason: 'set by the scenario’s overrides in every variant' });
      continue;
    }
    parameters.push({
      path,
      unit: first.unit,
      description: first.description,
      ranges: ranged.map(({ policy, def }) => {
        const d = def as ParamDef<number>;
        return { policy, label: d.label, value: d.value, low: d.range!.low, high: d.range!.high, source: d.range!.source };
      }),
      heldBy,
    });
  }
  return { parameters, notVaried };
}

function reasonNotVaried(def: ParamDef<unknown>): string {
  if (typeof def.value === 'number') return def.range ? `range ${def.range.low}–${def.range.high}: ${def.range.source}` : 'no plausible range';
  if (typeof def.value === 'boolean') return 'a yes/no parameter: not varied (only numbers are)';
  if (Array.isArray(def.value)) return 'a list: not varied (only numbers are; a variant can set it)';
  return 'a text parameter: not varied (only numbers are; a variant can set it)';
}

/**
 * The overrides that put `variant` at unit point `u` (one coordinate per parameter): the variant's
 * own overrides, plus each parameter its profile ranges and it does not hold.
 * @example drawOverrides(variant, parameters, [0.5, 0]) // { 'quality.recoveryDays': 6, 'pacing.threshold': 500, … }
 */
export function drawOverrides(variant: VariantPlan, parameters: readonly SensitivityParameter[], u: readonly number[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...variant.overrides };
  parameters.forEach((p, i) => {
    if (p.heldBy.includes(variant.name)) return;
    const r = p.ranges.find((x) => x.policy === variant.policy);
    if (r) out[p.path] = r.low + u[i] * (r.high - r.low);
  });
  return out;
}
