/**
 * Where the seed-003 trust score acts and where it is only a risk indicator (MODEL.md §6b), read
 * from each run's per-number standing (`summary.numbers`): the trust-score chart says so in its
 * title, the enforcement table adds a risk-indicator row.
 */
import { CHANNELS } from '../policy/index.js';
import type { RunResult } from '../run/results.js';

/** The channels of the numbers the trust score restricts, and of those it only reports on. */
export interface TrustChannels {
  /** False for results written before numbers carried their standing: nothing is known. */
  readonly known: boolean;
  readonly acts: readonly string[];
  readonly indicator: readonly string[];
}

/** Channels in the profile's order (cloud-api, coexistence, web-session), anything else after. */
function ordered(channels: ReadonlySet<string>): string[] {
  const rank = (c: string): number => {
    const i = (CHANNELS as readonly string[]).indexOf(c);
    return i < 0 ? CHANNELS.length : i;
  };
  return [...channels].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The channels on which the trust score restricted numbers, and those on which it was only a risk
 * indicator, over `runs`.
 * Why: a chart of the trust score must say whether crossing its line restricts anything.
 * Cost: linear in runs × numbers.
 * @example trustChannels(runs) // { known: true, acts: ['web-session'], indicator: ['cloud-api'] }
 */
export function trustChannels(runs: readonly RunResult[]): TrustChannels {
  const acts = new Set<string>();
  const indicator = new Set<string>();
  let known = false;
  for (const run of runs) {
    for (const n of Object.values(run.summary.numbers ?? {})) {
      known = true;
      (n.trustScoreActs ? acts : indicator).add(n.channel);
    }
  }
  return { known, acts: ordered(acts), indicator: ordered(indicator) };
}

/** One run's time over the restriction line on numbers where the trust score does not act. */
export interface IndicatorExposure {
  /** Longest time any such number stood at or above the restriction score, in hours (0: never). */
  readonly hours: number;
  /** Channels of the numbers that stood over it. */
  readonly channels: readonly string[];
}

/**
 * For one run: how long the trust score stood over its restriction line on numbers it does not
 * act on (the longest of any such number), and on which channels.
 * Why: the risk indicator must be reported even though it restricts nothing.
 * @example indicatorExposure(run) // { hours: 41, channels: ['cloud-api'] }
 */
export function indicatorExposure(run: RunResult): IndicatorExposure {
  let hours = 0;
  const channels = new Set<string>();
  for (const n of Object.values(run.summary.numbers ?? {})) {
    if (n.trustScoreActs || !(n.hoursOverRestrictScore > 0)) continue;
    hours = Math.max(hours, n.hoursOverRestrictScore);
    channels.add(n.channel);
  }
  return { hours, channels: ordered(channels) };
}

/**
 * Channels as a phrase: "cloud-api", "coexistence and web-session", "a, b and c".
 * @example channelList(['coexistence', 'web-session']) // 'coexistence and web-session'
 */
export function channelList(channels: readonly string[]): string {
  if (channels.length <= 1) return channels.join('');
  return `${channels.slice(0, -1).join(', ')} and ${channels[channels.length - 1]}`;
}
