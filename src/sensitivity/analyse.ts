/**
 * From the raw records of an analysis to sensitivity.json's statistics, per variant × strategy ×
 * headline outcome: the screening (Morris μ*, μ, σ for every varied parameter), the first-order
 * indices of the few that matter (given data, half-sample intervals), the tornado (low- vs
 * high-third means), and per variant the verdict's robustness. Pure and deterministic: the design
 * is rebuilt from the settings, so a merge of shards and a whole run give the same bytes.
 *
 *   frame + raw ──rebuild design──▶ points × outcomes ──screening (radial pairs)──▶ μ*, μ, σ
 *                                        │               ──samples (Latin hypercube)──▶ S_i, tornado
 *                                        └── recommendations ──▶ robustness (stays, flips, drivers)
 */
import { createStream } from '../engine/index.js';
import { buildDesign, binsFor, type Design } from './design.js';
import { firstOrderIndex, halfSampleInterval, halfSamples, thirdMeans } from './given-data.js';
import { elementaryEffects } from './morris.js';
import { onlyWherePresent } from './records.js';
import type { DrawRecord, FirstOrder, FlipDriver, OutcomeSensitivity, RawSensitivity, Robustness, Screening, SensitivityFrame, SensitivityResults, TornadoBar, VariantSensitivity } from './types.js';
import { SENSITIVITY_KIND } from './types.js';

/** Streams of the design and of the half-samples behind the intervals, seeded with the settings' design seed. */
export const DESIGN_STREAM = 'sensitivity-design';
export const RESAMPLE_STREAM = 'sensitivity-halves';
/** Parameters given first-order indices per outcome: the top this many by μ*, and by index (twice as many candidates, kept when their interval excludes 0). */
export const TOP_FIRST_ORDER = 6;
/** Tornado bars kept per outcome (the top by μ*, ordered by swing; the report charts the top 10 across strategies). */
export const TORNADO_BARS = 15;
/** Parameters named as flipping the recommendation, at most. */
export const FLIP_DRIVERS = 5;
/**
 * How many standard errors the flip shares of a parameter's low and high thirds must differ by to
 * name it: 3.3 (two-sided p ≈ 0.001), so that among ~100 parameters a difference by chance alone
 * is rare (at 2, about five would pass by chance).
 */
export const Z_FLIP = 3.3;
/** Fewest samples for first-order indices and tornado means. */
export const MIN_SAMPLES = 12;

/** The design an analysis ran (from its settings). */
export function designOf(frame: SensitivityFrame): Design {
  const { trajectories, samples, designSeed } = frame.settings;
  return buildDesign(frame.parameters.length, { trajectories, samples }, createStream(designSeed, DESIGN_STREAM));
}

/** 6 significant digits: the file stays readable, and no digit pretends to a precision the draws do not have. */
function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(6)) : x;
}

/**
 * The statistics of a complete analysis: `raw` holds every point of the design and the base run.
 * @throws {Error} when a point or the base is missing (merge checks that first)
 * @example analyse(frame, raw, VERSION).variants[0].robustness.stays
 */
export function analyse(frame: SensitivityFrame, raw: RawSensitivity, version: string): SensitivityResults {
  const design = designOf(frame);
  const points: DrawRecord[][] = new Array(design.points.length);
  for (const p of raw.points) points[p.index] = [...p.variants];
  if (!raw.base || points.some((p) => p === undefined) || points.length !== raw.points.length) throw new Error('analyse needs every point of the design and the base run');
  const base = raw.base;
  const present = frame.candidates.map((o, oi) => !onlyWherePresent(o) || [base, ...points].some((vs) => vs.some((v) => v.values.some((row) => row[oi] !== 0))));
  const halves = halfSamples(design.samples.length, frame.settings.resamples, createStream(frame.settings.designSeed, RESAMPLE_STREAM));
  const variants: VariantSensitivity[] = frame.variants.map((variant, vi) => {
    const varied = frame.parameters.map((p) => !p.heldBy.includes(variant.name) && p.ranges.some((r) => r.policy === variant.policy));
    return {
      name: variant.name,
      policy: variant.policy,
      recommended: base[vi].recommended,
      strategies: frame.strategies.map((strategy, si) => ({
        strategy,
        outcomes: Object.fromEntries(
          frame.candidates.flatMap((outcome, oi) => (present[oi] ? [[outcome, outcomeSensitivity(frame, design, halves, varied, base[vi].values[si][oi], points.map((p) => p[vi].values[si][oi]))]] : [])),
        ),
      })),
      robustness: { ...robustness(design, frame, varied, base[vi].recommended, points.map((p) => p[vi].recommended)), seedsWon: base[vi].seedsWon, seeds: frame.settings.baseSeeds.length },
    };
  });
  return {
    kind: SENSITIVITY_KIND,
    wabasim: version,
    scenarioDigest: frame.scenarioDigest,
    scenario: frame.scenario,
    objective: frame.objective,
    settings: frame.settings,
    parameters: frame.parameters,
    notVaried: frame.notVaried,
    outcomes: frame.candidates.filter((_, oi) => present[oi]),
    absentOutcomes: frame.candidates.filter((_, oi) => !present[oi]),
    variants,
  };
}

/** One outcome of one strategy in one variant: `y` by point index, `base` at the profile's values. */
function outcomeSensitivity(frame: SensitivityFrame, design: Design, halves: readonly (readonly number[])[], varied: readonly boolean[], base: number, y: readonly number[]): OutcomeSensitivity {
  const params = frame.parameters.map((p, i) => ({ path: p.path, i })).filter(({ i }) => varied[i]);
  const screening: (Screening & { i: number })[] = params
    .map(({ path, i }) => ({ path, i, ...elementaryEffects(design.trajectories.map((t) => ({ base: y[t.base], moved: y[t.moved[i]], step: t.steps[i] }))) }))
    .sort((a, b) => b.muStar - a.muStar || a.i - b.i);
  const ys = design.samples.map((j) => y[j]);
  const spread = ys.length ? ys : y; // without samples (a tiny --draws), over the screening's points
  const mean = spread.reduce((s, v) => s + v, 0) / spread.length;
  const sd = spread.length > 1 ? Math.sqrt(spread.reduce((s, v) => s + (v - mean) ** 2, 0) / (spread.length - 1)) : 0;
  const column = (i: number): number[] => design.samples.map((j) => design.points[j][i]);
  const bins = binsFor(ys.length);
  let firstOrder: FirstOrder[] = [];
  let firstOrderSum = 0;
  let tornado: TornadoBar[] = [];
  if (ys.length >= MIN_SAMPLES && sd > 0) {
    const index = new Map(params.map(({ i }) => [i, firstOrderIndex(column(i), ys, bins)]));
    for (const v of index.values()) firstOrderSum += v ?? 0;
    // the few that matter: the top by μ* (any effect, interactions too: with common random numbers
    // a parameter that changes nothing has μ* = 0 exactly), and the top by first-order index when
    // the index stands out of its noise (its interval excludes 0)
    const interval = (i: number): [number, number] | null => {
      const x = column(i);
      return halfSampleInterval(index.get(i)!, halves, (idx) => firstOrderIndex(idx.map((k) => x[k]), idx.map((k) => ys[k]), bins));
    };
    const byMuStar = screening.filter((s) => s.muStar > 0).map((s) => s.i);
    const byIndex = [...index].filter(([, v]) => v !== undefined && v > 0).sort((a, b) => b[1]! - a[1]! || a[0] - b[0]).map(([i]) => i);
    const candidates = [...new Set([...byMuStar.slice(0, TOP_FIRST_ORDER), ...byIndex.slice(0, 2 * TOP_FIRST_ORDER)])].filter((i) => index.get(i) !== undefined);
    const intervals = new Map(candidates.map((i) => [i, interval(i)]));
    const kept = candidates.filter((i) => byMuStar.slice(0, TOP_FIRST_ORDER).includes(i) || (intervals.get(i)?.[0] ?? 0) > 0);
    firstOrder = kept
      .map((i) => {
        const ci = intervals.get(i);
        return { path: frame.parameters[i].path, index: round(index.get(i)!), ci95: ci ? ([round(ci[0]), round(ci[1])] as const) : null };
      })
      .sort((a, b) => b.index - a.index || (a.path < b.path ? -1 : 1));
    const few = (n: number): number[] => [...new Set([...byMuStar.slice(0, n), ...kept])];
    tornado = few(TORNADO_BARS)
      .map((i) => {
        const [low, , high] = thirdMeans(column(i), ys);
        return { path: frame.parameters[i].path, low: round(low), high: round(high) };
      })
      .sort((a, b) => Math.abs(b.high - b.low) - Math.abs(a.high - a.low) || (a.path < b.path ? -1 : 1))
      .slice(0, TORNADO_BARS);
  }
  return {
    base: round(base),
    mean: round(mean),
    sd: round(sd),
    screening: screening.map(({ path, muStar, mu, sigma }) => ({ path, muStar: round(muStar), mu: round(mu), sigma: round(sigma) })),
    firstOrder,
    firstOrderSum: round(firstOrderSum),
    tornado,
  };
}

/**
 * The recommendation across the draws: how often it stays, what wins instead, and which
 * parameters flip it — first those whose low and high thirds differ in flip share by more than
 * Z_FLIP standard errors (largest difference first), then those whose change alone flips it in a
 * radial pair. Shares are over the
 * Latin-hypercube draws (independent, each on its own seed in turn); a trajectory's points share
 * all but one coordinate and one seed, so counting them would weigh a few configurations many
 * times. Without samples (a tiny --draws) every point counts.
 */
function robustness(design: Design, frame: SensitivityFrame, varied: readonly boolean[], recommended: string | null, recs: readonly (string | null)[]): Omit<Robustness, 'seedsWon' | 'seeds'> {
  const draws = design.samples.length ? design.samples : design.points.map((_, k) => k);
  const stays = draws.filter((k) => recs[k] === recommended).length;
  const instead = new Map<string, number>();
  for (const k of draws) if (recs[k] !== recommended) instead.set(recs[k] ?? 'none', (instead.get(recs[k] ?? 'none') ?? 0) + 1);
  const pairsFlip = design.trajectories.some((t) => t.moved.some((m) => recs[m] !== recs[t.base]));
  const drivers: (FlipDriver & { contrast: number; significant: boolean; i: number })[] = [];
  if (stays < draws.length || pairsFlip) {
    frame.parameters.forEach((p, i) => {
      if (!varied[i]) return;
      const pairFlips = design.trajectories.filter((t) => recs[t.base] !== recs[t.moved[i]]).length;
      const thirds = [0, 1, 2].map(() => ({ draws: 0, flips: 0 }));
      for (const k of draws) {
        const t = thirds[Math.min(2, Math.floor(design.points[k][i] * 3))];
        t.draws++;
        if (recs[k] !== recommended) t.flips++;
      }
      const [lo, , hi] = thirds;
      const pLo = lo.flips / Math.max(1, lo.draws);
      const pHi = hi.flips / Math.max(1, hi.draws);
      const pool = (lo.flips + hi.flips) / Math.max(1, lo.draws + hi.draws);
      const se = Math.sqrt(pool * (1 - pool) * (1 / Math.max(1, lo.draws) + 1 / Math.max(1, hi.draws)));
      const contrast = Math.abs(pLo - pHi);
      const significant = contrast > Z_FLIP * se && se > 0;
      if (pairFlips > 0 || significant) drivers.push({ path: p.path, pairFlips, pairs: design.trajectories.length, thirds, contrast, significant, i });
    });
  }
  // a contrast between thirds that stands out of its noise, over every sample, says more than a
  // flip in one of a few one-at-a-time pairs (which can also be a run's chaotic response to a small change)
  drivers.sort((a, b) => Number(b.significant) - Number(a.significant) || (a.significant ? b.contrast - a.contrast : b.pairFlips - a.pairFlips || b.contrast - a.contrast) || a.i - b.i);
  return {
    recommended,
    draws: draws.length,
    stays,
    instead: [...instead].map(([strategy, draws]) => ({ strategy, draws })).sort((a, b) => b.draws - a.draws || (a.strategy < b.strategy ? -1 : 1)),
    drivers: drivers.slice(0, FLIP_DRIVERS).map(({ path, pairFlips, pairs, thirds }) => ({ path, pairFlips, pairs, thirds })),
  };
}
