/**
 * The verdict in plain words, the same lines for the CLI summary and the report's verdict box.
 * The caller passes its number format (the report's rounded one, the terminal's plain one).
 */
import { percent, type Objective } from './objective.js';
import type { PairedDifference } from './paired.js';
import type { Change, Standing, Verdict, VariantEffect } from './verdict.js';

/** Number format of the caller, e.g. formatNumberRounded. */
export type Fmt = (n: number) => string;

/** Words for the metrics an objective usually names; others are shown by their results.json name. */
const METRIC_WORDS: Readonly<Record<string, string>> = {
  uniqueUsersReached: 'unique users reached',
  delivered: 'messages delivered',
  attempted: 'sends attempted',
  failed: 'failed sends',
  replies: 'replies',
  read: 'messages read',
  blocks: 'blocks',
  reports: 'spam reports',
  dropped: 'messages dropped (132015)',
  'failedByCode.limit_reached': 'sends failed at the messaging limit',
  cost: 'cost (rate-card currency)',
  costPerReachedUser: 'cost per unique user reached',
  costPerDelivered: 'cost per delivered message',
  costPerReply: 'cost per reply',
};

export function metricWords(metric: string): string {
  return METRIC_WORDS[metric] ?? metric;
}


/** "0 of 10 runs" */
export function ofRuns(k: number, n: number): string {
  return `${k} of ${n} run${n === 1 ? '' : 's'}`;
}

function signed(n: number, fmt: Fmt): string {
  return n > 0 ? `+${fmt(n)}` : fmt(n);
}

/** "+9,540 (95% interval +9,480 to +9,600, paired over 10 seeds)" */
export function differenceWords(d: PairedDifference, fmt: Fmt): string {
  if (d.n < 2) return `${signed(d.mean, fmt)} (one common seed: no interval)`;
  return `${signed(d.mean, fmt)} (95% interval ${signed(d.ci95[0], fmt)} to ${signed(d.ci95[1], fmt)}, paired over ${d.n} seeds)`;
}

function risk(s: Standing): string {
  return `restricted in ${ofRuns(s.restricted, s.runs)}${s.banned ? `, banned in ${s.banned}` : ''}`;
}

function changeWords(c: Change, o: Objective, fmt: Fmt): string {
  switch (c.kind) {
    case 'not-separated':
      return `${c.strategy} cannot be told apart from it with ${c.difference.n} seeds (difference ${signed(c.difference.ci95[0], fmt)} to ${signed(c.difference.ci95[1], fmt)}): more seeds narrow the interval (by √ of the factor), or the two are as good as each other.`;
    case 'excluded-for-risk':
      return `${c.strategy} does better on ${metricWords(o.metric)} (${fmt(c.mean)}) but was restricted in ${ofRuns(c.restricted, c.runs)}${c.banned ? ` and banned in ${c.banned}` : ''}, over the ${percent(o.maxRestrictionRisk)} risk limit: it would be recommended if that risk were acceptable.`;
    case 'tie':
      if (c.failed === c.recommendedFailed && c.attempted === c.recommendedAttempted) return `${c.strategy} does exactly as well on ${metricWords(o.metric)} on every seed, with as many failed sends and attempts: the two are interchangeable here.`;
      return `${c.strategy} does exactly as well on ${metricWords(o.metric)} on every seed; the tie goes to the cheaper plan: ${fmt(c.recommendedFailed)} failed sends and ${fmt(c.recommendedAttempted)} attempts a run against ${fmt(c.failed)} and ${fmt(c.attempted)}.`;
    case 'steadier':
      return `${c.strategy} is the steadier choice: its worst run came to ${fmt(c.worst)} ${metricWords(o.metric)}, the recommended one's to ${fmt(c.recommendedWorst)}.`;
    case 'near-risk-limit':
      return `${c.strategy} itself was restricted in ${ofRuns(c.restricted, c.runs)}: one more restricted run would put it over the ${percent(o.maxRestrictionRisk)} risk limit.`;
  }
}

/**
 * The verdict of one variant as lines: the recommendation, each comparison, what would change it.
 * @example verdictLines(v, formatNumberPlain)[0] // 'Recommended: tier-aware — 9,812 unique users reached (mean of 10 runs); restricted in 0 of 10 runs.'
 */
export function verdictLines(v: Verdict, fmt: Fmt): { headline: string; comparisons: string[]; changes: string[] } {
  const o = v.objective;
  const best = v.standings.find((s) => s.strategy === v.recommended);
  if (!best) {
    const least = [...v.standings].sort((a, b) => a.restricted / a.runs - b.restricted / b.runs)[0];
    return {
      headline: `No strategy meets the risk limit (a number restricted in at most ${percent(o.maxRestrictionRisk)} of runs).${least ? ` Least restricted: ${least.strategy}, ${risk(least)}, ${fmt(least.mean)} ${metricWords(o.metric)}.` : ''}`,
      comparisons: v.standings.map((s) => `${s.strategy}: ${fmt(s.mean)} ${metricWords(o.metric)}, ${risk(s)}.`),
      changes: [],
    };
  }
  const headline = `Recommended: ${best.strategy} — ${fmt(best.mean)} ${metricWords(o.metric)} (mean of ${best.runs} runs); ${risk(best)}.`;
  const comparisons = v.comparisons.map((c) => {
    const other = v.standings.find((s) => s.strategy === c.strategy);
    const otherRisk = other ? `; ${c.strategy} ${risk(other)}` : '';
    if (!c.difference) return `vs ${c.strategy}: no common seeds to compare${otherRisk}.`;
    const better = o.direction === 'maximise' ? c.difference.mean >= 0 : c.difference.mean <= 0;
    const exact = c.difference.n > 1 && c.difference.ci95[0] === 0 && c.difference.ci95[1] === 0;
    const how = c.separated ? (better ? 'better' : 'worse') : exact ? 'the same on every seed' : 'not separable';
    return `vs ${c.strategy}: ${differenceWords(c.difference, fmt)} ${metricWords(o.metric)} — ${how}${otherRisk}.`;
  });
  return { headline, comparisons, changes: v.changes.map((c) => changeWords(c, o, fmt)) };
}

/**
 * A variant's effect on one strategy in words.
 * @example variantEffectLine(e, fmt) // 'tier-aware on cold list vs clean list: −7,600 (95% interval …) unique users reached; restricted in 0 of 10 runs.'
 */
export function variantEffectLine(e: VariantEffect, o: Objective, fmt: Fmt): string {
  const diff = e.difference ? differenceWords(e.difference, fmt) : 'no common seeds';
  return `${e.strategy} on “${e.variant}” vs “${e.base}”: ${diff} ${metricWords(o.metric)}; restricted in ${ofRuns(e.restricted, e.runs)}.`;
}
