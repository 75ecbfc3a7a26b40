/**
 * The sensitivity analysis in plain words: the robustness line the verdict box quotes and the CLI
 * prints, and the names of what moved the outcomes most.
 */
import type { FlipDriver, SensitivityResults } from './types.js';

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const THIRDS = ['low', 'middle', 'high'] as const;

/** The third of its range where `d` flips the recommendation most often, and its share there and in the opposite third. */
function worstThird(d: FlipDriver): { where: (typeof THIRDS)[number]; share: number; other: number; otherWhere: string } | undefined {
  const shares = d.thirds.map((t) => (t.draws ? t.flips / t.draws : 0));
  const lowOrHigh = shares[0] >= shares[2] ? 0 : 2;
  if (shares[lowOrHigh] === 0) return undefined;
  return { where: THIRDS[lowOrHigh], share: shares[lowOrHigh], other: shares[2 - lowOrHigh], otherWhere: THIRDS[2 - lowOrHigh] };
}

/**
 * One sentence on how the recommendation of `variant` fares over the plausible ranges of the
 * estimated parameters, or undefined when the analysis has no such variant (or no draw).
 * Why: the verdict box quotes it beside the recommendation; `wabasim sensitivity` prints it.
 * @example robustnessLine(s, 'clean list') // 'tier-aware stays best in 87% of 420 draws over the plausible ranges of 106 estimated or reported parameters; it loses most often when quality.redThreshold is low (31% of the draws in the low third of its range, 4% in the high third), mostly to multi-number.'
 */
export function robustnessLine(s: SensitivityResults, variant: string): string | undefined {
  const v = s.variants.find((x) => x.name === variant);
  if (!v || v.robustness.draws === 0) return undefined;
  const r = v.robustness;
  const k = s.parameters.filter((p) => !p.heldBy.includes(v.name) && p.ranges.some((x) => x.policy === v.policy)).length;
  const over = `${r.draws} draws over the plausible ranges of ${k} estimated or reported parameter${k === 1 ? '' : 's'}`;
  // chance alone: on how many of the base run's seeds the recommendation is also best on its own
  const chance = r.seedsWon < r.seeds && s.settings.seedsPerDraw < r.seeds ? ` (at the profile's values it is best on ${r.seedsWon} of the ${r.seeds} seeds alone: chance accounts for part of this)` : '';
  const top = r.instead[0];
  if (r.recommended === null) {
    const some = r.draws - r.stays;
    return `No strategy meets the risk limits at the profile's values, and none does in ${pct(r.stays / r.draws)} of ${over}${some ? `; ${top.strategy} would in ${top.draws}` : ''}${chance}.`;
  }
  if (r.stays === r.draws) return `${r.recommended} stays best in all ${over}${chance}.`;
  const driver = r.drivers[0];
  const third = driver && worstThird(driver);
  const why = driver
    ? third
      ? `; it loses most often when ${driver.path} is ${third.where} (${pct(third.share)} of the draws in the ${third.where} third of its range, ${pct(third.other)} in the ${third.otherWhere} third)`
      : `; ${driver.path} alone flips it in ${driver.pairFlips} of ${driver.pairs} one-at-a-time changes`
    : '; no single parameter stands out as the cause';
  const to = top ? `, mostly to ${top.strategy === 'none' ? 'no strategy within the risk limits' : top.strategy}` : '';
  return `${r.recommended} stays best in ${pct(r.stays / r.draws)} of ${over}${why}${to}${chance}.`;
}

/**
 * The parameters that move `outcome` most in `variant`, pooled over strategies: each strategy
 * scores a parameter by its first-order index relative to the strategy's largest, among the
 * indices whose interval excludes 0 (the variance-based estimate, from every sample), or by its μ*
 * relative to the largest where none does; scores are averaged over strategies, top `n` first.
 * @example topParameters(s, 'clean list', 'uniqueUsersReached', 3) // ['recipients.personalizedBlockMultiplier', …]
 */
export function topParameters(s: SensitivityResults, variant: string, outcome: string, n: number): string[] {
  const v = s.variants.find((x) => x.name === variant);
  if (!v) return [];
  const score = new Map<string, number>();
  const add = (path: string, x: number): void => void score.set(path, (score.get(path) ?? 0) + x / v.strategies.length);
  for (const st of v.strategies) {
    const o = st.outcomes[outcome];
    if (!o) continue;
    // an index counts when its interval excludes 0; else the screening speaks (μ* > 0 is an effect seen)
    const standing = o.firstOrder.filter((f) => f.index > 0 && f.ci95 !== null && f.ci95[0] > 0);
    const maxIndex = Math.max(0, ...standing.map((f) => f.index));
    if (maxIndex > 0) {
      for (const f of standing) add(f.path, f.index / maxIndex);
      continue;
    }
    const max = o.screening[0]?.muStar ?? 0;
    if (max > 0) for (const sc of o.screening) add(sc.path, sc.muStar / max);
  }
  return [...score].filter(([, x]) => x > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([p]) => p);
}
