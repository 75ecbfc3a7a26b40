/**
 * Chart: seed 003's trust score (highest of any number), with its restriction and ban lines, and
 * what those lines mean here (MODEL.md §6b): on the channels it acts on (by default coexistence
 * and web-session) crossing them restricts or bans; on the others (cloud-api) the score is only
 * reported as a risk indicator. Title, subtitle and line labels say which.
 */
import { skipped, type ChartDefinition } from '../chart-types.js';
import { numericParam } from '../params.js';
import { pointStep, type ReportData } from '../report-data.js';
import { bandRows, maxOverPrefix } from '../series.js';
import type { ChartTitle } from '../spec.js';
import { channelList, trustChannels, type TrustChannels } from '../trust-standing.js';
import { BAND_SUBTITLE, bandChart, type Threshold } from './band-chart.js';

const LINES = [
  { path: 'trust.restrictScore', name: 'restriction', verb: 'restricts' },
  { path: 'trust.banScore', name: 'ban', verb: 'bans' },
] as const;

/** What the chart says about where the score acts, in its title, line labels and caption. */
interface Wording {
  readonly title: ChartTitle;
  readonly line: (name: string, verb: string, value: number) => string;
  readonly caption: string;
}

const MODEL_NOTE = 'A model of a risk score Meta keeps per number but never shows (seed 003, a vendor’s estimates about WhatsApp Web sessions and the app): it rises with mismatched registration, unnatural sending behaviour, block cascades and repeated content. All of its parameters are community estimates.';

function wording(ch: TrustChannels): Wording {
  const lines = 'Red dashes: the score’s restriction and ban lines';
  if (ch.known && ch.acts.length === 0) {
    const on = channelList(ch.indicator);
    return {
      title: { text: 'Trust score — risk indicator (community estimate, seed 003)', subtitle: [`Does not restrict ${on} numbers (MODEL.md §6b) · highest of any phone number`, BAND_SUBTITLE, `${lines}: not applied to ${on} numbers`] },
      line: (name, _verb, value) => `${name} line (${value}): not applied to ${on}`,
      caption: `${MODEL_NOTE} Here every number is on ${on}, where the score is computed and reported as a risk indicator only: crossing its lines restricts nothing. Meta’s documented policy-enforcement ladder restricts these numbers instead (see the enforcement table).`,
    };
  }
  if (ch.known && ch.indicator.length > 0) {
    const acts = channelList(ch.acts);
    const only = channelList(ch.indicator);
    return {
      title: { text: 'Trust score (community estimate, seed 003)', subtitle: [`Restricts ${acts} numbers; a risk indicator only on ${only} numbers (MODEL.md §6b)`, `Highest of any phone number · ${BAND_SUBTITLE}`, lines] },
      line: (name, verb, value) => `${name} line (${value}): ${verb} ${acts}; not ${only}`,
      caption: `${MODEL_NOTE} On ${acts} numbers, crossing the restriction line (with enough layers contributing) restricts the number and the ban line bans it; on ${only} numbers the score restricts nothing and is reported as a risk indicator.`,
    };
  }
  const where = ch.known ? ` on ${channelList(ch.acts)} numbers` : '';
  return {
    title: { text: 'Trust score (community estimate, seed 003)', subtitle: [`Restricts and bans${where} · highest of any phone number`, BAND_SUBTITLE, lines] },
    line: (name, verb, value) => `${name} line (${value}): ${verb} ${ch.known ? `${channelList(ch.acts)} numbers` : 'the number'}`,
    caption: `${MODEL_NOTE} Crossing the restriction line (with enough layers contributing) restricts the number${where}; crossing the ban line bans it.`,
  };
}

/** The restriction and ban lines of each variant, labelled with where they act in that variant's runs. */
function thresholds(data: ReportData): Threshold[] {
  return data.variants.flatMap((variant) => {
    const words = wording(trustChannels(data.results.runs.filter((r) => r.variant === variant)));
    return LINES.flatMap(({ path, name, verb }) => {
      const value = numericParam(data, variant, path);
      return value === undefined ? [] : [{ variant, label: words.line(name, verb, value), threshold: value }];
    });
  });
}

export const trustScore: ChartDefinition = {
  name: 'trust score',
  dependsOn: ['trust', 'appliesTo'],
  build(data) {
    const rows = bandRows(data, (run) => maxOverPrefix(run, 'trust.'), { step: pointStep(data.hours), reduce: 'max' });
    if (rows.length === 0) return skipped('series "trust.*" not in these results');
    const words = wording(trustChannels(data.results.runs));
    return {
      kind: 'chart',
      spec: bandChart(data, rows, { title: words.title, yTitle: 'Trust score (higher = riskier)', thresholds: thresholds(data) }),
      caption: words.caption,
    };
  },
};
