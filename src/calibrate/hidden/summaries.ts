/**
 * The summaries the inference compares, and the distance between a simulated and the observed
 * set. Each summary is taken from a HiddenEvidence (observed or simulated alike), transformed so
 * its noise is about even over the plausible range (square roots of counts: Poisson-like counts
 * have a variance that grows with the count), and scaled by its spread over all the simulations
 * (the median absolute deviation, else the standard deviation; never below the summary's own
 * noise, `floor`), so no summary outweighs the others by its unit.
 */
import type { HiddenEvidence } from '../evidence.js';

/** One summary: its name (for the report), its raw value and the transform the distance uses. */
export interface SummaryDef {
  readonly name: string;
  /** The value as the report shows it. `days` is the replay's span (a number never downgraded counts as downgraded after it). */
  readonly value: (e: HiddenEvidence, days: number) => number;
  /** The value the distance compares. */
  readonly transform: (x: number) => number;
  /**
   * The least scale of the transformed value: its own noise when the simulations barely vary
   * (`sends`: the replay's template sends). A square-rooted count has sd about 0.5 whatever the
   * count (Poisson), so a difference of one or two events never outweighs a rating or a pause.
   */
  readonly floor: (sends: number) => number;
}

const RANK: Readonly<Record<HiddenEvidence['worstRating'], number>> = { UNKNOWN: 0, GREEN: 1, YELLOW: 2, RED: 3 };
const sqrt = (x: number): number => Math.sqrt(Math.max(0, x));
const id = (x: number): number => x;

/** The summaries, in report order. */
const POISSON = (): number => 0.5;
export const SUMMARIES: readonly SummaryDef[] = [
  // √(share) = √(count / sends): the count's 0.5 over √sends
  { name: 'undeliverable share of sends (131026)', value: (e) => (e.delivered + e.failed > 0 ? e.undeliverable / (e.delivered + e.failed) : 0), transform: sqrt, floor: (sends) => 0.5 / Math.sqrt(Math.max(1, sends)) },
  { name: 'quality downgrades', value: (e) => e.qualityDowngrades, transform: sqrt, floor: POISSON },
  { name: 'worst quality rating (0 unknown … 3 red)', value: (e) => RANK[e.worstRating], transform: id, floor: () => 0.5 },
  { name: 'first downgrade day', value: (e, days) => e.firstDowngradeDay ?? days, transform: id, floor: () => 1 },
  { name: 'template pauses and disables', value: (e) => e.templatePauses + e.templateDisables, transform: sqrt, floor: POISSON },
  { name: 'template quality drops', value: (e) => e.templateQualityDrops, transform: sqrt, floor: POISSON },
  { name: 'restrictions', value: (e) => e.restrictions, transform: sqrt, floor: POISSON },
  // what matters is whether sending stopped (a paused or disabled template), not a few messages more or less: 5% of the sends
  { name: 'delivered templates', value: (e) => e.delivered, transform: id, floor: (sends) => 0.05 * Math.max(1, sends) },
];

/**
 * The raw summaries of `e` (in SUMMARIES order), for a replay of `days` days.
 * @example summarise(tally.evidence(), 14)[0] // the 131026 share of sends
 */
export function summarise(e: HiddenEvidence, days: number): number[] {
  return SUMMARIES.map((s) => s.value(e, days));
}

/**
 * Median of a non-empty list (sorted copy).
 * @example median([3, 1, 2]) // 2
 */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Scale of each transformed summary over the simulations: 1.4826 × MAD (the normal-consistent
 * median absolute deviation), else the standard deviation when most simulations agree exactly
 * (a count that is 0 in most), else 0 (the summary never varies: it tells the draws nothing and is
 * left out of the distance). `sends`: the replay's template sends (for the floors).
 * @example const scale = scales(rows, 50_000); distance(row, observed, scale)
 */
export function scales(simulated: readonly (readonly number[])[], sends: number): number[] {
  return SUMMARIES.map((s, i) => {
    const xs = simulated.map((row) => s.transform(row[i]));
    if (xs.length === 0) return 0;
    const m = median(xs);
    const mad = 1.4826 * median(xs.map((x) => Math.abs(x - m)));
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const spread = mad > 0 ? mad : Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
    return spread > 0 ? Math.max(spread, s.floor(sends)) : 0;
  });
}

/**
 * Euclidean distance of the scaled, transformed summaries (summaries of scale 0 left out).
 * @example distance(summarise(simulated, 14), summarise(observed, 14), scale) // 0 when they agree
 */
export function distance(simulated: readonly number[], observed: readonly number[], scale: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < SUMMARIES.length; i++) {
    if (!(scale[i] > 0)) continue;
    const t = SUMMARIES[i].transform;
    d += ((t(simulated[i]) - t(observed[i])) / scale[i]) ** 2;
  }
  return Math.sqrt(d);
}
