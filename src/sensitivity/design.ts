/**
 * The design of `wabasim sensitivity`: which parameter points to run. Two stages, both fixed in
 * advance (nothing depends on a result, so shards can run any slice of it), and every point a
 * uniform draw of the whole plausible box — so the share of points in which a recommendation
 * survives estimates its probability under uniform ranges:
 *
 * Chance: the points of one screening trajectory run on the same seed(s), so its one-at-a-time
 * pairs differ only by the parameter moved (common random numbers); trajectories and samples take
 * the base run's seeds in turn, so what the draws say is averaged over the same chance as the
 * verdict (drawSeeds). Every strategy of a draw runs on the same seeds (paired comparisons).
 *
 *   1. screening — a radial one-at-a-time design (Campolongo, Saltelli & Cariboni 2011):
 *      `trajectories` base points a_j (a Latin hypercube); for each parameter i the point a_j with
 *      coordinate i moved to b_ij = frac(a_ij + s_ij), s_ij uniform in [1/3, 2/3]. Each step
 *      spans at least a third of the range (no division by a tiny step), b_ij is uniform, and
 *      each moved point is again a uniform draw of the box. Cost: trajectories × (k + 1) points,
 *      giving Morris μ*, μ, σ for all k parameters (morris.ts).
 *   2. variance — a Latin hypercube of `samples` points, giving given-data first-order indices for
 *      every parameter at once and the tornado's low- and high-third means (given-data.ts).
 *
 * Why this and not Saltelli's A/B/AB design for the top few after screening: choosing the top few
 * needs the screening's results, which a shard (`--shard i/n`) does not have; and with ~100
 * parameters the 2-minute budget leaves ~400 points, where one Latin hypercube estimates every
 * main effect (and the robustness share) better than a handful of Saltelli rows. What it gives up
 * (total-effect indices) the screening's σ and the first-order sum (1 − Σ S_i) stand in for.
 */
import type { Rng } from '../engine/index.js';
import { latinHypercube } from './latin-hypercube.js';

/** Most screening trajectories (beyond ~10, more draws buy little ranking). */
export const MAX_TRAJECTORIES = 10;

export interface DesignSizes {
  readonly trajectories: number;
  readonly samples: number;
}

/**
 * How `draws` points are split for `k` parameters: about half to screening (the nearest whole
 * number of trajectories, at least one — so with many parameters and few draws the screening alone
 * may exceed `draws` — and at most MAX_TRAJECTORIES), the rest to the Latin hypercube.
 * @example designSizes(420, 106) // { trajectories: 2, samples: 206 }
 */
export function designSizes(draws: number, k: number): DesignSizes {
  const trajectories = Math.max(1, Math.min(MAX_TRAJECTORIES, Math.round(draws / 2 / (k + 1))));
  return { trajectories, samples: Math.max(0, draws - trajectories * (k + 1)) };
}

/** One screening trajectory: its base point and, per parameter, the moved point and the step. */
export interface Trajectory {
  readonly base: number;
  readonly moved: readonly number[];
  readonly steps: readonly number[];
}

export interface Design {
  /** Unit coordinates of every point, by point index: screening points first, then the samples. */
  readonly points: readonly (readonly number[])[];
  /**
   * The seed group of every point: a trajectory's points share one (its pairs differ only by the
   * parameter moved), each sample has its own; groups take the base run's seeds in turn (seeds.ts).
   */
  readonly groups: readonly number[];
  readonly trajectories: readonly Trajectory[];
  /** Point indices of the Latin hypercube. */
  readonly samples: readonly number[];
}

/**
 * The points of a design of `sizes` over `k` parameters, drawn from `rng` (screening first).
 * @example buildDesign(3, { trajectories: 2, samples: 10 }, createStream(1, 'sensitivity-design')).points.length // 18
 */
export function buildDesign(k: number, sizes: DesignSizes, rng: Rng): Design {
  const points: number[][] = [];
  const groups: number[] = [];
  const trajectories: Trajectory[] = [];
  for (const [j, a] of latinHypercube(sizes.trajectories, k, rng).entries()) {
    const base = points.push(a) - 1;
    groups.push(j);
    const moved: number[] = [];
    const steps: number[] = [];
    for (let i = 0; i < k; i++) {
      const b = (a[i] + 1 / 3 + rng.next() / 3) % 1;
      const point = [...a];
      point[i] = b;
      moved.push(points.push(point) - 1);
      groups.push(j);
      steps.push(b - a[i]);
    }
    trajectories.push({ base, moved, steps });
  }
  const first = points.length;
  points.push(...latinHypercube(sizes.samples, k, rng));
  for (let m = 0; m < sizes.samples; m++) groups.push(sizes.trajectories + m);
  return { points, groups, trajectories, samples: Array.from({ length: sizes.samples }, (_, i) => first + i) };
}

/**
 * The seeds seed group `group` runs on: `perDraw` of the base run's `seeds` seeds (from `first`),
 * taken in turn, so the draws spread over the same seeds the base run averages over.
 * @example drawSeeds(3, 2, 10, 1) // [7, 8]
 */
export function drawSeeds(group: number, perDraw: number, seeds: number, first: number): number[] {
  return Array.from({ length: perDraw }, (_, d) => first + ((group * perDraw + d) % seeds));
}

/**
 * Bins of the given-data index for `samples` points: about one per 20 points, 2 to 20.
 * @example binsFor(206) // 10
 */
export function binsFor(samples: number): number {
  return Math.max(2, Math.min(20, Math.floor(samples / 20)));
}
