/**
 * Chart: seed 003's trust score (highest of any number), with its restriction and ban thresholds,
 * and what they mean here (MODEL.md §6b): on the channels it acts on (appliesTo.trustScore, by
 * default coexistence and web-session) crossing them restricts or bans; on the others (cloud-api)
 * the score is only reported as a risk indicator. Title and subtitle say which for the scenario,
 * each threshold is red where it acts on its panel's numbers and grey where it does not, and the
 * caption says per strategy which it was.
 */
import { skipped, type ChartDefinition } from '../chart-types.js';
import { numericParam } from '../params.js';
import { pointStep, type Group, type ReportData } from '../report-data.js';
import { bandRows, maxOverPrefix } from '../series.js';
import type { ChartTitle } from '../spec.js';
import { channelList, trustChannels, type TrustChannels } from '../trust-standing.js';
import { BAND_SUBTITLE, bandChart, type Threshold } from './band-chart.js';

const LINES = [
  { path: 'trust.restrictScore', name: 'restriction', verb: 'restricts' },
  { path: 'trust.banScore', name: 'ban', verb: 'bans' },
] as const;

const MODEL_NOTE = 'A model of a risk score Meta keeps per number but never shows (seed 003, a vendor’s estimates about WhatsApp Web sessions and the app): it rises with mismatched registration, unnatural sending behaviour, block cascades and repeated content. All of its parameters are community estimates.';

/** "coexistence/web-session": channels in a threshold label, where room is short. */
const slashed = (channels: readonly string[]): string => channels.join('/');

/** The channels the profile lets the trust score act on in `variant` (appliesTo.trustScore), if recorded. */
function profileChannels(data: ReportData, variant: string): readonly string[] | undefined {
  const v = data.results.variants.find((x) => x.name === variant)?.parameters.find((p) => p.path === 'appliesTo.trustScore')?.value;
  return Array.isArray(v) && v.every((c) => typeof c === 'string') ? (v as string[]) : undefined;
}

/**
 * A threshold's label and whether it acts on the numbers of the panel's runs: red and "restricts
 * X" where it does, grey and "acts on Y only" where every number is on a channel it leaves alone.
 */
function thresholdWords(ch: TrustChannels, profile: readonly string[] | undefined, line: (typeof LINES)[number], value: number): { label: string; acts: boolean } {
  const head = `${line.name} threshold (${value})`;
  if (!ch.known) return { label: `${head}: ${line.verb} the number`, acts: true };
  if (ch.acts.length === 0) return { label: `${head}: acts on ${profile?.length ? `${slashed(profile)} only` : `other channels, not ${slashed(ch.indicator)}`}`, acts: false };
  if (ch.indicator.length === 0) return { label: `${head}: ${line.verb} ${slashed(ch.acts)} numbers`, acts: true };
  return { label: `${head}: ${line.verb} ${slashed(ch.acts)}, not ${slashed(ch.indicator)}`, acts: true };
}

/** The restriction and ban thresholds of each variant, labelled and coloured by whether they act on that variant's numbers. */
function thresholds(data: ReportData): Threshold[] {
  return data.variants.flatMap((variant) => {
    const ch = trustChannels(data.results.runs.filter((r) => r.variant === variant));
    return LINES.flatMap((line) => {
      const value = numericParam(data, variant, line.path);
      return value === undefined ? [] : [{ variant, threshold: value, ...thresholdWords(ch, profileChannels(data, variant), line, value) }];
    });
  });
}

/** Title and subtitle: whether the score acts anywhere in these runs, and what the dashes are. */
function title(ch: TrustChannels, profile: readonly string[] | undefined): ChartTitle {
  const band = `Highest of any phone number · ${BAND_SUBTITLE}`;
  if (ch.known && ch.acts.length === 0) {
    const on = channelList(ch.indicator);
    const actsOn = profile?.length ? `; it acts on ${channelList(profile)} numbers` : '';
    return { text: 'Trust score — a risk indicator here, it restricts nothing (community estimate, seed 003)', subtitle: [`Every number is on ${on}, where the score is reported but does not act (MODEL.md §6b)${actsOn}`, band, `Grey dashes: its restriction and ban thresholds — not applied to ${on} numbers`] };
  }
  if (ch.known && ch.indicator.length > 0) {
    return { text: 'Trust score (community estimate, seed 003)', subtitle: [`Restricts ${channelList(ch.acts)} numbers; a risk indicator only on ${channelList(ch.indicator)} numbers (MODEL.md §6b)`, band, 'Red dashes: thresholds that act on the numbers of that panel · grey dashes: thresholds not applied to them'] };
  }
  const where = ch.known ? ` on ${channelList(ch.acts)} numbers` : '';
  return { text: 'Trust score (community estimate, seed 003)', subtitle: [`Restricts and bans${where} (MODEL.md §6b)`, band, 'Red dashes: the restriction and ban thresholds'] };
}

/**
 * The groups (variant × strategy) in words: "every strategy", "blast and warmup", or per variant
 * "blast and warmup in “cold list”".
 */
function groupNames(data: ReportData, groups: readonly Group[]): string {
  if (groups.length === data.groups.length) return data.strategies.length > 1 ? 'every strategy' : data.strategies[0];
  if (data.variants.length <= 1) return channelList(groups.map((g) => g.strategy));
  const strategiesIn = new Map<string, string[]>();
  for (const g of groups) strategiesIn.set(g.variant, [...(strategiesIn.get(g.variant) ?? []), g.strategy]);
  return channelList([...strategiesIn].map(([variant, strategies]) => `${channelList(strategies)} in “${variant}”`));
}

/**
 * Per strategy (and variant), whether the score acted on its numbers or was only a risk indicator.
 * @example perStrategy(data) // 'It is only a risk indicator for every strategy (cloud-api numbers): …'
 */
function perStrategy(data: ReportData): string {
  const acts = new Map<string, Group[]>();
  const indicator = new Map<string, Group[]>();
  for (const g of data.groups) {
    const ch = trustChannels(g.runs);
    if (ch.acts.length) acts.set(channelList(ch.acts), [...(acts.get(channelList(ch.acts)) ?? []), g]);
    if (ch.indicator.length) indicator.set(channelList(ch.indicator), [...(indicator.get(channelList(ch.indicator)) ?? []), g]);
  }
  const list = (m: Map<string, Group[]>): string => channelList([...m].map(([channels, groups]) => `${groupNames(data, groups)} (${channels} numbers)`));
  const out: string[] = [];
  if (acts.size) out.push(`Here it acts for ${list(acts)}: crossing the restriction threshold (with enough layers contributing) restricts the number and the ban threshold bans it.`);
  if (indicator.size) out.push(`It is only a risk indicator for ${list(indicator)}: crossing its thresholds restricts nothing there; Meta’s documented policy-enforcement ladder acts on those numbers instead (see the enforcement table).`);
  return out.join(' ');
}

export const trustScore: ChartDefinition = {
  name: 'trust score',
  dependsOn: ['trust', 'appliesTo'],
  build(data) {
    const rows = bandRows(data, (run) => maxOverPrefix(run, 'trust.'), { step: pointStep(data.hours), reduce: 'max' });
    if (rows.length === 0) return skipped('series "trust.*" not in these results');
    const ch = trustChannels(data.results.runs);
    const profiles = [...new Set(data.variants.flatMap((v) => profileChannels(data, v) ?? []))];
    const note = perStrategy(data);
    return {
      kind: 'chart',
      spec: bandChart(data, rows, { title: title(ch, profiles.length ? profiles : undefined), yTitle: 'Trust score (higher = riskier)', thresholds: thresholds(data) }),
      caption: note ? `${MODEL_NOTE} ${note}` : `${MODEL_NOTE} Crossing the restriction threshold (with enough layers contributing) restricts the number; crossing the ban threshold bans it.`,
    };
  },
};
