/**
 * Sequential Monte Carlo ABC on the unit box (each parameter on its prior's scale, where the prior
 * is uniform), with a fixed budget of simulations:
 *
 *   generation 1: draws from the prior ─▶ summary scales from them (the prior predictive)
 *   generation g > 1: draws from a Gaussian kernel around the closest share of all draws so far
 *        (particles weighted by prior / proposal; kernel sd per axis √2 × the particles' weighted sd
 *        — Beaumont, Cornuet, Marin & Robert 2009, "Adaptive approximate Bayesian computation")
 *   the posterior: the closest share of ALL draws, each weighted by prior / the mixture of the
 *        generations' proposals (the deterministic-mixture weights of Veach & Guibas 1995, as in
 *        adaptive multiple importance sampling, Cornuet et al. 2012), so the prior draws of
 *        generation 1 still count and no draw is wasted.
 *
 * With one generation this is rejection ABC. All randomness comes from `rng` (a seeded stream).
 */
import { pickWeighted, standardNormal, type Rng } from '../../engine/index.js';

export interface AbcOptions {
  /** Simulations in all. */
  readonly n: number;
  /** Parameters (axes of the unit box). */
  readonly dims: number;
  /** Generations (1 = rejection ABC). */
  readonly generations: number;
  /** Share of the draws kept (the closest), and the fewest kept. */
  readonly acceptShare: number;
  readonly minKept: number;
  readonly rng: Rng;
  /** Simulates the point `u` of the unit box; returns its summaries. Called for each draw of a generation, in draw order, before any answer is awaited (they may run at once). */
  readonly simulate: (u: readonly number[], index: number) => Promise<readonly number[]>;
  /** The distance to the observed summaries, its scales taken from the first generation's rows. */
  readonly distanceFrom: (firstRows: readonly (readonly number[])[]) => (row: readonly number[]) => number;
}

export interface AbcSample {
  /** Every draw, on the unit box. */
  readonly u: readonly (readonly number[])[];
  readonly rows: readonly (readonly number[])[];
  readonly dist: readonly number[];
  /** Indices of the kept draws, closest first. */
  readonly kept: readonly number[];
  /** Normalised posterior weight of each kept draw (same order as `kept`). */
  readonly weights: readonly number[];
  /** The largest distance kept. */
  readonly tolerance: number;
}

/** A proposal: uniform (generation 1) or a truncated-Gaussian mixture around weighted particles. */
interface Proposal {
  readonly count: number;
  readonly centres: readonly (readonly number[])[];
  readonly weights: readonly number[];
  readonly sd: readonly number[];
  /** Per centre: the kernel's mass inside the box (the truncation's normaliser). */
  readonly mass: readonly number[];
}

/** The smallest kernel sd (share of an axis): a population that collapsed still explores a little. */
const MIN_SD = 0.02;
/** Perturbations tried before a particle's draw is clipped into the box. */
const TRIES = 100;

/**
 * Runs the sampler: `o.n` simulations over `o.generations`, the closest share kept with weights.
 * @example const s = await sampleAbc({ n: 150, dims: 2, generations: 3, acceptShare: 0.2, minKept: 10, rng, simulate, distanceFrom }); s.kept
 */
export async function sampleAbc(o: AbcOptions): Promise<AbcSample> {
  const u: number[][] = [];
  const rows: (readonly number[])[] = [];
  const dist: number[] = [];
  const proposals: Proposal[] = [];
  const generations = Math.max(1, Math.min(o.generations, Math.floor(o.n / o.minKept)));
  let distanceOf: ((row: readonly number[]) => number) | undefined;
  for (let g = 0; g < generations; g++) {
    const count = g === generations - 1 ? o.n - u.length : Math.floor(o.n / generations);
    const proposal = g === 0 ? undefined : nextProposal(u, dist, proposals, o);
    // a generation's draws first (the draw stream's order does not depend on the simulations), then its simulations, which may run at once
    const points: number[][] = [];
    for (let k = 0; k < count; k++) points.push(proposal ? perturb(proposal, o.rng) : Array.from({ length: o.dims }, () => o.rng.next()));
    const first = u.length;
    u.push(...points);
    for (const row of await Promise.all(points.map((point, k) => o.simulate(point, first + k)))) {
      rows.push(row);
      if (distanceOf) dist.push(distanceOf(row));
    }
    proposals.push(proposal ?? { count, centres: [], weights: [], sd: [], mass: [] });
    if (!distanceOf) {
      distanceOf = o.distanceFrom(rows);
      for (const row of rows) dist.push(distanceOf(row));
    }
  }
  const { kept, weights } = closest(u, dist, proposals, o);
  return { u, rows, dist, kept, weights, tolerance: dist[kept[kept.length - 1]] };
}

/** The closest share of the draws so far, with their importance weights (prior / mixture of proposals). */
function closest(u: readonly (readonly number[])[], dist: readonly number[], proposals: readonly Proposal[], o: AbcOptions): { kept: number[]; weights: number[] } {
  const order = dist.map((_, i) => i).sort((a, b) => dist[a] - dist[b] || a - b);
  const kept = order.slice(0, Math.min(order.length, Math.max(o.minKept, Math.round(u.length * o.acceptShare))));
  const total = proposals.reduce((s, p) => s + p.count, 0);
  const raw = kept.map((i) => 1 / proposals.reduce((s, p) => s + (p.count / total) * density(p, u[i]), 0));
  const sum = raw.reduce((a, b) => a + b, 0);
  return { kept, weights: raw.map((w) => w / sum) };
}

/** The next generation's proposal: a Gaussian kernel around the closest draws so far. */
function nextProposal(u: readonly (readonly number[])[], dist: readonly number[], proposals: readonly Proposal[], o: AbcOptions): Omit<Proposal, 'count'> & { count: number } {
  const { kept, weights } = closest(u, dist, proposals, o);
  const centres = kept.map((i) => u[i]);
  const sd = Array.from({ length: o.dims }, (_, d) => {
    const mean = centres.reduce((s, c, k) => s + weights[k] * c[d], 0);
    const variance = centres.reduce((s, c, k) => s + weights[k] * (c[d] - mean) ** 2, 0);
    return Math.max(MIN_SD, Math.sqrt(2 * variance));
  });
  const mass = centres.map((c) => c.reduce((m, x, d) => m * (phi((1 - x) / sd[d]) - phi(-x / sd[d])), 1));
  return { count: 0, centres, weights, sd, mass };
}

/** A draw from the proposal: a particle by weight, moved by the kernel until it lands in the box. */
function perturb(p: Omit<Proposal, 'count'>, rng: Rng): number[] {
  const c = p.centres[Math.max(0, pickWeighted(rng, p.weights))];
  for (let t = 0; t < TRIES; t++) {
    const x = c.map((v, d) => v + p.sd[d] * standardNormal(rng));
    if (x.every((v) => v >= 0 && v <= 1)) return x;
  }
  return c.map((v) => Math.min(1, Math.max(0, v)));
}

/** The proposal's density at `x` (1 on the box for the uniform first generation). */
function density(p: Proposal, x: readonly number[]): number {
  if (p.centres.length === 0) return 1;
  let f = 0;
  for (let k = 0; k < p.centres.length; k++) {
    let g = p.weights[k] / p.mass[k];
    for (let d = 0; d < x.length; d++) {
      const z = (x[d] - p.centres[k][d]) / p.sd[d];
      g *= Math.exp(-0.5 * z * z) / (p.sd[d] * Math.sqrt(2 * Math.PI));
    }
    f += g;
  }
  return f;
}

/**
 * Standard normal CDF (Abramowitz & Stegun 7.1.26 erf, absolute error under 1.5e-7), for the kernel's mass inside the box.
 * @example phi(1.959964) // 0.975
 */
export function phi(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
