/**
 * The observable parameters of each segment (and of each template within it), from the
 * accumulator's counts, defined so that each estimator's target is the scenario parameter of
 * src/model/recipients.ts `drawFeedback` (reads, replies and STOPs are independent draws per
 * delivered template; a reply implies a read; a STOP needs a marketing template, no reply and a
 * recipient who had not sent STOP; blocks suppress replies and STOPs):
 *   readProbability  = P(read status | delivered template, not replied to)  (replying users always read)
 *   replyProbability = P(reply | delivered template)  (≈ the parameter × (1 − block probability))
 *   stopProbability  = P(STOP | delivered marketing template, not replied to, recipient not STOPped)
 *   inboundPerDay    = spontaneous inbound messages / (recipients seen × days of the log)
 *   readDelay        = read − delivered; replyDelay = reply − read (the simulator's definitions)
 * Messages delivered in the last hours of the log are left out of read, reply and STOP counts
 * and delays (their reactions may not have come yet): the window is the 99.5th percentile of the
 * fitted read delay (plus the reply delay's, for replies and STOPs), found by refitting on the
 * earlier hours three times, at most half the log.
 */
import { HISTOGRAM_BINS, type Accumulator, type Group, type HourBucket } from './accumulate.js';
import { fitDelay, mergeDelayStats, emptyDelayStats, delayQuantile, proportion, rate, type DelayFit, type DelayStats, type Proportion, type Rate } from './estimate.js';

/** One estimated parameter. */
export type Estimate = Proportion | Rate | DelayFit;

/** The estimates of one scope (a segment, or one template in it). */
export interface ScopeEstimates {
  readonly segment: string;
  /** Undefined for the whole segment. */
  readonly template?: string;
  readonly delivered: number;
  readonly readProbability?: Proportion;
  readonly replyProbability?: Proportion;
  readonly stopProbability?: Proportion;
  readonly readDelay?: DelayFit;
  readonly replyDelay?: DelayFit;
  readonly deliveryDelay?: DelayFit;
  /** Failed statuses and refused sends per error code, as a share of the messages. */
  readonly errors: readonly { readonly code: string; readonly source: 'status' | 'response'; readonly share: Proportion }[];
  /** Hours at the end of the log left out of read / reply counts (censoring). */
  readonly censoredReadHours: number;
  readonly censoredReplyHours: number;
}

export interface SegmentEstimates extends ScopeEstimates {
  readonly recipients: number;
  readonly inboundPerDay?: Rate;
  readonly templates: readonly ScopeEstimates[];
  /** Delay samples are not kept: their histograms are, for the report (accumulate.ts HISTOGRAM_BINS). */
  readonly histograms: { readonly read: readonly number[]; readonly reply: readonly number[]; readonly delivery: readonly number[] };
}

export interface Observables {
  readonly segments: readonly SegmentEstimates[];
  /** Unix seconds. */
  readonly first: number;
  readonly last: number;
  readonly spanDays: number;
}

const QUANTILE = 0.995;
const REFITS = 3;

function totals(groups: readonly Group[], lastHourEnd: (h: number) => boolean): { b: HourBucket } {
  const b: HourBucket = { delivered: 0, read: 0, replied: 0, readReplied: 0, stopEligible: 0, stopEligibleReplied: 0, stops: 0, readDelay: emptyDelayStats(), replyDelay: emptyDelayStats(), deliveryDelay: emptyDelayStats() };
  for (const g of groups) {
    for (const [hour, x] of g.hours) {
      if (!lastHourEnd(hour)) continue;
      b.delivered += x.delivered;
      b.read += x.read;
      b.replied += x.replied;
      b.readReplied += x.readReplied;
      b.stopEligible += x.stopEligible;
      b.stopEligibleReplied += x.stopEligibleReplied;
      b.stops += x.stops;
      mergeDelayStats(b.readDelay, x.readDelay);
      mergeDelayStats(b.replyDelay, x.replyDelay);
      mergeDelayStats(b.deliveryDelay, x.deliveryDelay);
    }
  }
  return { b };
}

/** Hours of delivery whose whole hour ends at least `windowSeconds` before `last`. */
function before(last: number, windowSeconds: number): (hour: number) => boolean {
  return (hour) => (hour + 1) * 3_600 <= last - windowSeconds;
}

/** The censoring windows (seconds) for reads and for replies, by refitting on earlier hours. */
function windows(groups: readonly Group[], last: number, span: number): { read: number; reply: number } {
  let read = 0;
  let reply = 0;
  const cap = span / 2;
  for (let i = 0; i < REFITS; i++) {
    const { b } = totals(groups, before(last, read));
    const rf = fitDelay(b.readDelay);
    const pf = fitDelay(b.replyDelay);
    read = Math.min(cap, rf ? delayQuantile(rf, QUANTILE) : 0);
    reply = Math.min(cap, read + (pf ? delayQuantile(pf, QUANTILE) : 0));
  }
  return { read, reply };
}

function scope(groups: readonly Group[], segment: string, template: string | undefined, last: number, span: number): ScopeEstimates {
  const w = windows(groups, last, span);
  const all = totals(groups, () => true).b;
  const r = totals(groups, before(last, w.read)).b;
  const p = totals(groups, before(last, w.reply)).b;
  const readN = r.delivered - r.replied;
  const stopN = p.stopEligible - p.stopEligibleReplied;
  const errors: { code: string; source: 'status' | 'response'; share: Proportion }[] = [];
  const sent = groups.reduce((s, g) => s + Math.max(g.sent, g.withStatus), 0);
  const failed = new Map<string, number>();
  const refused = new Map<string, number>();
  for (const g of groups) {
    for (const [c, n] of g.failed) failed.set(c, (failed.get(c) ?? 0) + n);
    for (const [c, n] of g.refused) refused.set(c, (refused.get(c) ?? 0) + n);
  }
  for (const [code, n] of [...failed].sort()) errors.push({ code, source: 'status', share: proportion(n, sent) });
  for (const [code, n] of [...refused].sort()) errors.push({ code, source: 'response', share: proportion(n, sent) });
  return {
    segment,
    template,
    delivered: all.delivered,
    readProbability: readN > 0 ? proportion(r.read - r.readReplied, readN) : undefined,
    replyProbability: p.delivered > 0 ? proportion(p.replied, p.delivered) : undefined,
    stopProbability: stopN > 0 ? proportion(p.stops, stopN) : undefined,
    readDelay: fitDelay(r.readDelay),
    replyDelay: fitDelay(p.replyDelay),
    deliveryDelay: fitDelay(all.deliveryDelay),
    errors,
    censoredReadHours: w.read / 3_600,
    censoredReplyHours: w.reply / 3_600,
  };
}

/**
 * Every segment's estimates (segments with neither a delivered template nor a recipient are left
 * out), with per-template estimates when a segment has more than one template.
 */
export function observables(acc: Accumulator): Observables {
  const first = Number.isFinite(acc.first) ? acc.first : 0;
  const last = Number.isFinite(acc.last) ? acc.last : 0;
  const span = Math.max(0, last - first);
  const spanDays = span / 86_400;
  const segments: SegmentEstimates[] = [];
  acc.segments.forEach((name, index) => {
    const groups = acc.groups.filter((g) => g.segment === index && !g.template.startsWith('category:service'));
    const recipients = acc.recipientsBySegment[index];
    if (recipients === 0 && groups.every((g) => g.hours.size === 0)) return;
    const whole = scope(groups, name, undefined, last, span);
    const templated = groups.filter((g) => g.hours.size > 0 || g.sent > 0);
    const templates = templated.length > 1 ? templated.map((g) => scope([g], name, g.template, last, span)) : [];
    const exposure = recipients * spanDays;
    const sum = (k: 'read' | 'reply' | 'delivery'): number[] => Array.from({ length: HISTOGRAM_BINS }, (_, i) => groups.reduce((s, g) => s + g.histograms[k][i], 0));
    segments.push({ ...whole, recipients, inboundPerDay: exposure > 0 ? rate(acc.inbound[index], exposure) : undefined, templates, histograms: { read: sum('read'), reply: sum('reply'), delivery: sum('delivery') } });
  });
  return { segments, first, last, spanDays };
}

export type { DelayStats };
