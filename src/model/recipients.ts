/**
 * Recipients: what generates the signals (MODEL.md §8). Audience segments occupy contiguous
 * ranges of recipient indices; per-recipient state lives in typed arrays (not an object per
 * recipient) so a million-recipient audience stays small. Segment numeric parameters may be
 * distributions, sampled once per run from their own streams.
 */
import { DAY, HOUR, SECOND, bernoulli, exponential, logNormal, pickWeighted, type KeyedUniforms, type Rng } from '../engine/index.js';
import { BLOCK_REASONS, sampleParam, type BlockReason, type NumericParam, type Policy } from '../policy/index.js';
import type { DelaySpec, ScenarioSegment } from '../scenario/index.js';
import { createMarketingState } from './marketing-cap.js';
import type { StreamFor, TemplateState, SegmentState, Audience, Feedback, RecipientZones } from './state/index.js';
import { dailyOffsets } from '../scenario/calendar.js';

const SAMPLED = ['readProbability', 'replyProbability', 'blockProbability', 'reportProbability', 'stopProbability', 'brandRecognition', 'fatigue', 'inboundPerDay', 'marketingFromOthersPerDay'] as const;

/**
 * Builds the audience: segment ranges in declaration order, parameters sampled for this run.
 * Each distribution-valued parameter draws from stream `param:/audience/segments/i/<key>`.
 */
export function buildAudience(specs: readonly ScenarioSegment[], streamFor: StreamFor, calendar: { readonly epoch: number; readonly days: number } = { epoch: 0, days: 1 }): Audience {
  let first = 0;
  const segments = specs.map((spec, index): SegmentState => {
    const sampled = Object.fromEntries(SAMPLED.map((key) => [key, sampleParam(spec[key] as NumericParam, streamFor(`param:/audience/segments/${index}/${key}`))])) as Record<(typeof SAMPLED)[number], number>;
    const reasons = spec.blockReasons as Partial<Record<BlockReason, number>>;
    const seg: SegmentState = {
      index,
      id: spec.id,
      first,
      size: spec.size,
      optIn: spec.optIn,
      consent: spec.consent,
      ...sampled,
      readDelay: spec.readDelay,
      replyDelay: spec.replyDelay,
      blockDelay: spec.blockDelay,
      blockReasonWeights: BLOCK_REASONS.map((r) => reasons[r] ?? 0),
    };
    first += spec.size;
    return seg;
  });
  const segmentOf = new Uint16Array(first);
  for (const seg of segments) segmentOf.fill(seg.index, seg.first, seg.first + seg.size);
  const zones = buildZones(specs, segments, first, streamFor, calendar);
  const attributes = buildAttributes(specs, segments, first, streamFor);
  return { size: first, segments, segmentOf, reached: new Uint8Array(first), stopped: new Uint8Array(first), recent: new Float32Array(first), recentAt: new Float64Array(first), received: new Uint32Array(first), marketing: createMarketingState(first), zones, attributes };
}

/**
 * Recipients' time zones (issue 22): each recipient of a segment with `timeZones` draws a zone
 * by weight from the stream `timezones:/audience/segments/i` (one draw per recipient, in index
 * order); others are in UTC. Offsets per zone and simulated day come from the zone rules
 * (scenario/calendar.ts), so the hot path only reads a table. No segment with zones: no
 * per-recipient array at all.
 */
function buildZones(specs: readonly ScenarioSegment[], segments: readonly SegmentState[], size: number, streamFor: StreamFor, calendar: { readonly epoch: number; readonly days: number }): RecipientZones {
  const names = ['UTC'];
  for (const spec of specs) for (const zone of Object.keys(spec.timeZones ?? {})) if (!names.includes(zone)) names.push(zone);
  const days = Math.max(1, Math.ceil(calendar.days));
  const offsets = new Int16Array(names.length * days);
  names.forEach((zone, z) => offsets.set(dailyOffsets(zone, calendar.epoch, days), z * days));
  if (!specs.some((spec) => spec.timeZones !== undefined)) return { names, epoch: calendar.epoch, zoneOf: null, days, offsets };
  const zoneOf = new Uint8Array(size);
  specs.forEach((spec, i) => {
    if (!spec.timeZones) return;
    const entries = Object.entries(spec.timeZones);
    const index = entries.map(([zone]) => names.indexOf(zone));
    const weights = entries.map(([, w]) => w as number);
    const rng = streamFor(`timezones:/audience/segments/${i}`);
    const seg = segments[i];
    for (let r = seg.first; r < seg.first + seg.size; r++) zoneOf[r] = index[Math.max(0, pickWeighted(rng, weights))];
  });
  return { names, epoch: calendar.epoch, zoneOf, days, offsets };
}

/**
 * Recipient attributes (issue 22): one Float32Array per declared name over the whole audience,
 * NaN outside the segments that declare it; a recipient's value is drawn from the segment's
 * distribution on the stream `attributes:/audience/segments/i/NAME` (one draw per recipient, in
 * index order), or is the segment's number.
 */
function buildAttributes(specs: readonly ScenarioSegment[], segments: readonly SegmentState[], size: number, streamFor: StreamFor): ReadonlyMap<string, Float32Array> {
  const out = new Map<string, Float32Array>();
  specs.forEach((spec, i) => {
    for (const [name, param] of Object.entries(spec.attributes ?? {})) {
      let values = out.get(name);
      if (!values) out.set(name, (values = new Float32Array(size).fill(NaN)));
      const seg = segments[i];
      const rng = streamFor(`attributes:/audience/segments/${i}/${name}`);
      for (let r = seg.first; r < seg.first + seg.size; r++) values[r] = sampleParam(param as NumericParam, rng);
    }
  });
  return out;
}

/**
 * The local hour [0, 24) of `recipient` at simulated time `now` (ms): UTC plus its zone's offset
 * for that simulated day (fixed per day, see scenario/calendar.ts dailyOffsets).
 */
export function localHourOf(z: RecipientZones, recipient: number, now: number): number {
  const utcHour = (((z.epoch + now) / HOUR) % 24 + 24) % 24;
  if (z.zoneOf === null) return utcHour;
  const day = Math.min(z.days - 1, Math.max(0, Math.floor(now / DAY)));
  const local = utcHour + z.offsets[z.zoneOf[recipient] * z.days + day] / 60;
  return local < 0 ? local + 24 : local >= 24 ? local - 24 : local;
}

/**
 * The block-probability multiplier of a template for a segment, before fatigue and STOP:
 * opt-in kind, consent scope, personalisation, branding and brand recognition (all estimates,
 * seeds 000 and 003; the multipliers are profile parameters).
 */
export function blockMultiplier(seg: SegmentState, template: TemplateState, p: Policy['recipients']): number {
  let m = seg.optIn === 'implied' ? p.impliedOptInBlockMultiplier : seg.optIn === 'none' ? p.noOptInBlockMultiplier : 1;
  if (!seg.consent.includes(template.category)) m *= p.outOfScopeBlockMultiplier; // seed 000: consent scope per category, estimate
  if (template.personalized) m *= p.personalizedBlockMultiplier; // seeds 000, 003: personalisation lowers blocks, estimate
  if (template.branded) m *= p.brandedBlockMultiplier; // seed 000: branding in the first sentence, estimate
  return m * (1 + (p.unknownBrandBlockMultiplier - 1) * (1 - seg.brandRecognition));
}

/** `recipient` received a message from the business (unique users reached). */
export function noteReached(a: Audience, recipient: number): void {
  a.reached[recipient] = 1;
}

/** `recipient` asked the business to stop (STOP): later messages to them are blocked and reported far more often. */
export function noteStopped(a: Audience, recipient: number): void {
  a.stopped[recipient] = 1;
}

/**
 * Counts one more message to `user` at `now` and returns the recency-decayed count including it
 * (fatigue: more messages in a short period raise block probability — MODEL.md §8, estimate).
 */
export function noteMessage(a: Audience, user: number, now: number, p: Policy['recipients']): number {
  const before = a.recent[user];
  const count = before > 0 ? before * Math.pow(0.5, (now - a.recentAt[user]) / (p.fatigueHalfLifeHours * HOUR)) + 1 : 1;
  a.recent[user] = count;
  a.recentAt[user] = now;
  return count;
}

/**
 * The reaction draws for the template just delivered to `user`: its own sequence of `reactions`,
 * addressed by (user, how many templates the user had received), so the user's k-th template gets
 * the same uniforms in every strategy and variant of a seed (common random numbers; README
 * "Paired comparisons").
 */
export function reactionDraws(a: Audience, user: number, reactions: KeyedUniforms): Rng {
  return reactions.seek(user, a.received[user]++);
}

/** Draws one delay in milliseconds from a per-message delay spec given in seconds. */
export function sampleDelay(spec: DelaySpec, rng: Rng): number {
  const seconds = 'exponential' in spec ? exponential(rng, spec.exponential.mean) : logNormal(rng, spec.lognormal.median, spec.lognormal.sigma);
  return Math.round(seconds * SECOND);
}

/**
 * Consumes the uniforms `sampleDelay` would draw for `spec` without computing the delay (no
 * logarithm), and returns -1 (never): for a delay the reaction does not use, so the draws after
 * it stay where they were. Exponential: one uniform (inverse CDF); log-normal: two (Box–Muller,
 * engine/random.ts `standardNormal`).
 */
export function skipDelay(spec: DelaySpec, rng: Rng): number {
  rng.next();
  if (!('exponential' in spec)) rng.next();
  return -1;
}

/** A Feedback to draw into (one per run, reused for every delivery). */
export function createFeedback(): Feedback {
  return { readAfter: -1, replyAfter: -1, blockAfter: -1, blockReason: 0, reportAfter: -1, stopAfter: -1 };
}

/** Index of 'spam' in BLOCK_REASONS: a report is a block for spam. */
const SPAM = BLOCK_REASONS.indexOf('spam');

/**
 * Draws a recipient's reaction to a delivered template into `out` and returns it. A reply implies
 * a read first; blocking (from the notification) is independent of reading; a report comes with
 * a block; STOP is a reply. `blockFactor` multiplies the block and report probabilities (consent,
 * branding, fatigue, STOP). Rule: MODEL.md §8, probabilities and delays are scenario inputs. The
 * draws are fixed (five decisions, four delays, a reason — the same uniforms whatever the
 * outcome) so that any later change in one branch never shifts the draws of others.
 */
export function drawFeedback(seg: SegmentState, blockFactor: number, canStop: boolean, rng: Rng, out: Feedback): Feedback {
  const reads = bernoulli(rng, seg.readProbability);
  const replies = bernoulli(rng, seg.replyProbability);
  const blocks = bernoulli(rng, Math.min(1, seg.blockProbability * blockFactor));
  const reports = bernoulli(rng, Math.min(1, seg.reportProbability * blockFactor));
  const stops = bernoulli(rng, seg.stopProbability);
  const blocking = blocks || reports;
  const replying = replies && !blocking;
  const stopping = canStop && stops && !blocking && !replies;
  // only the delays used are computed; the others still consume their uniforms (skipDelay)
  const readAfter = reads || replies || stopping ? sampleDelay(seg.readDelay, rng) : skipDelay(seg.readDelay, rng);
  const replyAfter = replying ? readAfter + sampleDelay(seg.replyDelay, rng) : skipDelay(seg.replyDelay, rng);
  const blockAfter = blocking ? sampleDelay(seg.blockDelay, rng) : skipDelay(seg.blockDelay, rng);
  const reason = Math.max(0, pickWeighted(rng, seg.blockReasonWeights));
  const stopAfter = stopping ? readAfter + sampleDelay(seg.replyDelay, rng) : skipDelay(seg.replyDelay, rng);
  out.readAfter = reads || replies ? readAfter : -1;
  out.replyAfter = replyAfter;
  out.blockAfter = blocking && !reports ? blockAfter : -1;
  out.blockReason = reports ? SPAM : reason;
  out.reportAfter = reports ? blockAfter : -1;
  out.stopAfter = stopAfter;
  return out;
}

/**
 * Time until the next spontaneous inbound message from anyone in `seg` (ms), a Poisson process
 * of rate size × inboundPerDay per day; Infinity when the rate is 0.
 */
export function nextInboundDelay(seg: SegmentState, rng: Rng): number {
  const perDay = seg.size * seg.inboundPerDay;
  return perDay > 0 ? Math.max(1, Math.round(exponential(rng, DAY / perDay))) : Infinity;
}

/** A uniformly chosen recipient of `seg`. */
export function pickRecipient(seg: SegmentState, rng: Rng): number {
  return seg.first + Math.floor(rng.next() * seg.size);
}
