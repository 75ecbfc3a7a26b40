/**
 * The verdict of a sweep, per variant (PRODUCT.md "Verdict, objective, paired comparisons"): which
 * strategy meets the objective best within its risk limit, by how much it beats each other one
 * (paired differences over common seeds), each one's restriction and ban risk as "k of N runs",
 * and what would change the recommendation. Pure: results in, verdicts out; the CLI and the report
 * put them into words (words.ts).
 */
import type { Results, RunResult } from '../run/results.js';
import { metricOf, objectiveOf, sense, type Objective } from './objective.js';
import { pairedDifference, separated, type PairedDifference } from './paired.js';

/** One strategy's standing in a variant. */
export interface Standing {
  readonly strategy: string;
  readonly runs: number;
  /** Mean of the objective's metric across the runs. */
  readonly mean: number;
  /** The worst run on the metric (the lowest when maximising, the highest when minimising). */
  readonly worst: number;
  /** Mean failed sends and send attempts per run: what breaks a tie on the objective (the cheaper plan wins). */
  readonly failed: number;
  readonly attempted: number;
  /** Runs with a number restricted (summary `restricted`) and permanently banned (`banned`). */
  readonly restricted: number;
  readonly banned: number;
  /** Within the objective's risk limits. */
  readonly admissible: boolean;
}

/** The recommended strategy against another one on the objective's metric (recommended − other). */
export interface Comparison {
  readonly strategy: string;
  readonly difference: PairedDifference | undefined;
  /** The 95% interval of the difference excludes 0. */
  readonly separated: boolean;
}

/** What would change the recommendation, as facts the words are made from. */
export type Change =
  /** The runner-up cannot be told apart from the recommended strategy with these seeds. */
  | { readonly kind: 'not-separated'; readonly strategy: string; readonly difference: PairedDifference }
  /** The runner-up does exactly as well on every seed: the tie went to fewer failed sends (or attempts). */
  | { readonly kind: 'tie'; readonly strategy: string; readonly failed: number; readonly recommendedFailed: number; readonly attempted: number; readonly recommendedAttempted: number }
  /** A strategy better on the metric was left out for its risk; it wins if that risk is accepted. */
  | { readonly kind: 'excluded-for-risk'; readonly strategy: string; readonly mean: number; readonly restricted: number; readonly banned: number; readonly runs: number }
  /** The runner-up cannot be told apart on the mean, and its worst run is better: the steadier choice. */
  | { readonly kind: 'steadier'; readonly strategy: string; readonly worst: number; readonly recommendedWorst: number }
  /** The recommended strategy was restricted in some runs, and one more would put it over the risk limit. */
  | { readonly kind: 'near-risk-limit'; readonly strategy: string; readonly restricted: number; readonly runs: number };

export interface Verdict {
  readonly variant: string;
  readonly objective: Objective;
  /** Best first: the admissible strategies by the objective, then the others by the objective. */
  readonly standings: readonly Standing[];
  /** Undefined when no strategy meets the risk limits. */
  readonly recommended: string | undefined;
  /** The recommended strategy against each other strategy, in standings order. */
  readonly comparisons: readonly Comparison[];
  readonly changes: readonly Change[];
}

/** A strategy's effect of a variant against the first variant, on the objective's metric (variant − base). */
export interface VariantEffect {
  readonly strategy: string;
  readonly variant: string;
  readonly base: string;
  readonly mean: number;
  readonly difference: PairedDifference | undefined;
  readonly restricted: number;
  readonly runs: number;
}

/** Runs of one variant by strategy, in results order. */
function byStrategy(runs: readonly RunResult[]): Map<string, RunResult[]> {
  const out = new Map<string, RunResult[]>();
  for (const run of runs) {
    const list = out.get(run.strategy) ?? [];
    list.push(run);
    out.set(run.strategy, list);
  }
  return out;
}

function standing(strategy: string, runs: readonly RunResult[], o: Objective): Standing {
  const restricted = runs.filter((r) => r.summary.restricted > 0).length;
  const banned = runs.filter((r) => r.summary.banned > 0).length;
  const values = runs.map((r) => metricOf(r, o.metric));
  const mean = values.reduce((s, v) => s + v, 0) / runs.length;
  const worst = o.direction === 'maximise' ? Math.min(...values) : Math.max(...values);
  const perRun = (f: (r: RunResult) => number): number => runs.reduce((sum, r) => sum + f(r), 0) / runs.length;
  return { strategy, runs: runs.length, mean, worst, failed: perRun((r) => r.summary.failed), attempted: perRun((r) => r.summary.attempted), restricted, banned, admissible: restricted <= o.maxRestrictionRisk * runs.length + 1e-9 && banned <= o.maxBanRisk * runs.length + 1e-9 };
}

/**
 * Best first: admissible before not, then by the objective, then the fewer restricted runs, then
 * — equal on all of that, as a retry loop and a back-off that reach the same users — the fewer
 * failed sends and the fewer attempts; ties beyond keep results order.
 */
function rank(standings: Standing[], o: Objective): Standing[] {
  const s = sense(o);
  return standings
    .map((x, i) => ({ x, i }))
    .sort((a, b) => Number(b.x.admissible) - Number(a.x.admissible) || s * (b.x.mean - a.x.mean) || a.x.restricted / a.x.runs - b.x.restricted / b.x.runs || a.x.failed - b.x.failed || a.x.attempted - b.x.attempted || a.i - b.i)
    .map(({ x }) => x);
}

/**
 * The strategy the objective recommends among `runs` (one variant's), or undefined when none is
 * within the risk limits. Sensitivity analysis calls it once per draw.
 * @example recommendStrategy(results.runs.filter((r) => r.variant === 'clean'), DEFAULT_OBJECTIVE) // 'tier-aware'
 */
export function recommendStrategy(runs: readonly RunResult[], objective: Objective): string | undefined {
  const ranked = standingsOf(byStrategy(runs), objective);
  return ranked[0]?.admissible ? ranked[0].strategy : undefined;
}

/** Every strategy's standing, best first. */
function standingsOf(groups: ReadonlyMap<string, readonly RunResult[]>, objective: Objective): Standing[] {
  return rank([...groups].map(([name, list]) => standing(name, list, objective)), objective);
}

/**
 * The verdict of one variant's runs under `objective`.
 * @example verdictOf('clean list', runs, DEFAULT_OBJECTIVE).recommended // 'tier-aware'
 */
export function verdictOf(variant: string, runs: readonly RunResult[], objective: Objective): Verdict {
  const groups = byStrategy(runs);
  const standings = standingsOf(groups, objective);
  const best = standings[0]?.admissible ? standings[0] : undefined;
  const value = (r: RunResult): number => metricOf(r, objective.metric);
  const comparisons: Comparison[] = best
    ? standings.slice(1).map((other) => {
        const difference = pairedDifference(groups.get(best.strategy) ?? [], groups.get(other.strategy) ?? [], value);
        return { strategy: other.strategy, difference, separated: difference ? separated(difference) : false };
      })
    : [];
  const changes: Change[] = [];
  if (best) {
    const s = sense(objective);
    const runnerUp = comparisons.find((c) => standings.find((x) => x.strategy === c.strategy)?.admissible);
    const exactTie = runnerUp?.difference && runnerUp.difference.ci95[0] === 0 && runnerUp.difference.ci95[1] === 0;
    if (runnerUp?.difference && exactTie) {
      const other = standings.find((x) => x.strategy === runnerUp.strategy);
      if (other) changes.push({ kind: 'tie', strategy: other.strategy, failed: other.failed, recommendedFailed: best.failed, attempted: other.attempted, recommendedAttempted: best.attempted });
    } else if (runnerUp?.difference && !runnerUp.separated) {
      changes.push({ kind: 'not-separated', strategy: runnerUp.strategy, difference: runnerUp.difference });
      const other = standings.find((x) => x.strategy === runnerUp.strategy);
      if (other && s * (other.worst - best.worst) > 0) changes.push({ kind: 'steadier', strategy: other.strategy, worst: other.worst, recommendedWorst: best.worst });
    }
    for (const x of standings) {
      if (!x.admissible && s * (x.mean - best.mean) > 0) changes.push({ kind: 'excluded-for-risk', strategy: x.strategy, mean: x.mean, restricted: x.restricted, banned: x.banned, runs: x.runs });
    }
    if (best.restricted > 0 && best.restricted + 1 > objective.maxRestrictionRisk * best.runs + 1e-9) changes.push({ kind: 'near-risk-limit', strategy: best.strategy, restricted: best.restricted, runs: best.runs });
  }
  return { variant, objective, standings, recommended: best?.strategy, comparisons, changes };
}

/**
 * One verdict per variant of `results`, in results order, under the scenario's objective.
 * @example verdicts(results)[0].recommended
 */
export function verdicts(results: Results): Verdict[] {
  const objective = objectiveOf(results.scenario);
  return variantNames(results).map((v) => verdictOf(v, results.runs.filter((r) => r.variant === v), objective));
}

function variantNames(results: Results): string[] {
  const names = results.variants.map((v) => v.name);
  for (const r of results.runs) if (!names.includes(r.variant)) names.push(r.variant);
  return names.filter((v) => results.runs.some((r) => r.variant === v));
}

/**
 * For each strategy, each later variant against the first (paired over common seeds) on the
 * objective's metric: what the what-if changes. Empty with one variant.
 * @example variantEffects(results)[0] // { strategy: 'blast', variant: 'cold list', base: 'clean list', difference: { mean: -120, … } }
 */
export function variantEffects(results: Results): VariantEffect[] {
  const names = variantNames(results);
  if (names.length < 2) return [];
  const objective = objectiveOf(results.scenario);
  const value = (r: RunResult): number => metricOf(r, objective.metric);
  const [base, ...others] = names;
  const baseRuns = byStrategy(results.runs.filter((r) => r.variant === base));
  const out: VariantEffect[] = [];
  for (const [strategy, baseList] of baseRuns) {
    for (const variant of others) {
      const list = results.runs.filter((r) => r.variant === variant && r.strategy === strategy);
      if (list.length === 0) continue;
      const s = standing(strategy, list, objective);
      out.push({ strategy, variant, base, mean: s.mean, difference: pairedDifference(list, baseList, value), restricted: s.restricted, runs: s.runs });
    }
  }
  return out;
}
