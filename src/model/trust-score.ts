/**
 * The trust score: four layers (MODEL.md §6; seed 003, community estimates). A hidden per-number
 * score; each layer's violations add weight; crossing the restriction score with enough layers
 * contributing restricts the number (soft ban, or a permanent ban when the score is very high or
 * soft bans recur). Each layer's contribution is kept so the report can say *why*.
 *
 * 1. registration — IP country ≠ number country, VoIP, shared IP block (static)
 * 2. behaviour — reply-to-send ratio, velocity and daily volume on a young number, sending around
 *    the clock, mechanical intervals, 131049 retry loops, 130429/131056 hammering, and the 30-day
 *    unanswered counter (2026)
 * 3. block cascade — blocks per thousand delivered over 7 days; RED for 7 days → account restriction
 * 4. content pattern — more than 15 identical messages an hour, the same link, the same media
 *    (reduced by personalisation)
 * Evaluated at the end of every hour from trailing counters (hourly-ring.ts), on every number; it
 * restricts only numbers on the channels of `appliesTo.trustScore` (MODEL.md §6b: seed 003 is
 * written about app and web sessions) and is a counted risk indicator elsewhere. Thresholds are
 * relative (a share, a rate past a safe zone), and a lifted restriction needs new evidence.
 */
import { DAY, HOUR, HOURS_PER_DAY } from '../engine/index.js';
import type { Channel, Policy } from '../policy/index.js';
import type { MechanismContext } from './context.js';
import { addHourly, createHourlyRing, sumHourly, type HourlyRing } from './hourly-ring.js';
import { enforce, restrictForTrust } from './restrictions.js';
import { advanceUnanswered, createUnansweredState, unansweredWeight } from './unanswered.js';
import { type NumberState, type TrustLayer, type TrustState, RING_CHANNELS, type RingChannel } from './state/index.js';


/** The static registration layer from the number's connection setup (seed 003 layer 1, estimates). */
export function createTrustState(connection: { ipMismatch: boolean; voip: boolean; sharedIp: boolean }, channel: Channel, policy: Policy): TrustState {
  const p = policy.trust;
  const on = (channels: readonly Channel[]): boolean => channels.includes(channel);
  // Layer 1 only means something for an app or web session (MODEL.md §6b; seed 003 layer 1, estimate)
  const registration = on(policy.appliesTo.registrationLayer) ? (connection.ipMismatch ? p.ipMismatchWeight : 0) + (connection.voip ? p.voipWeight : 0) + (connection.sharedIp ? p.sharedIpWeight : 0) : 0;
  return {
    ring: createHourlyRing(Math.max(1, Math.round(p.windowDays * HOURS_PER_DAY)), RING_CHANNELS),
    registration,
    intervals: { n: 0, sum: 0, sumSq: 0, last: -1 },
    templateHour: [],
    unanswered: createUnansweredState(),
    score: registration,
    peak: registration,
    layers: { registration, behaviour: 0, blockCascade: 0, content: 0 },
    redSince: -1,
    acts: on(policy.appliesTo.trustScore),
    velocityAlways: on(policy.appliesTo.velocity),
    youngRulesAlways: on(policy.appliesTo.youngNumberRules),
    lastEvidence: -1,
    hoursOverRestrictScore: 0,
  };
}

/** Records an accepted send: interval statistics, identical-content counts, business-initiated volume. */
export function noteSend(t: TrustState, now: number, template: number, businessInitiated: boolean): void {
  const iv = t.intervals;
  if (iv.last >= 0) {
    const d = now - iv.last;
    iv.n++;
    iv.sum += d;
    iv.sumSq += d * d;
  }
  iv.last = now;
  t.lastEvidence = now;
  if (template >= 0) t.templateHour[template] = (t.templateHour[template] ?? 0) + 1;
  if (businessInitiated) addHourly(t.ring, now, 'sent');
}

/** Records a trust-relevant occurrence. */
export function noteTrust(t: TrustState, now: number, channel: RingChannel): void {
  addHourly(t.ring, now, channel);
  if (channel === 'blocks') t.lastEvidence = now;
}

/** Days since the portfolio's oldest number was registered: a portfolio is as old as its oldest number. */
function portfolioAgeDays(ctx: MechanismContext): number {
  let oldest = 0;
  for (const n of ctx.world.numbers) oldest = Math.max(oldest, n.ageDays);
  return oldest + ctx.sim.now / DAY;
}

/** The behaviour, block-cascade and content layers at `now` (hour end). */
export function trustLayers(ctx: MechanismContext, n: NumberState): Record<TrustLayer, number> {
  const { world, sim } = ctx;
  const p = world.policy.trust;
  const t = n.trust;
  const now = sim.now - 1; // the hour that just ended
  const r = t.ring;
  const ageDays = n.ageDays + sim.now / DAY;
  let behaviour = 0;
  // Replies lag deliveries: judge the replies of the last 7 days against deliveries at least a day old
  const windowHours = p.windowDays * HOURS_PER_DAY;
  const delivered7 = sumHourly(r, now, 'delivered', windowHours) - sumHourly(r, now, 'delivered', p.replyLagHours);
  if (delivered7 >= p.replyRatioMinSends) {
    const ratio = Math.min(1, sumHourly(r, now, 'replies', windowHours) / delivered7); // seed 003: safe > 30%, danger < 15%
    behaviour += ratio < p.replyRatioDanger ? p.replyRatioWeight : ratio < p.replyRatioSafe ? p.replyRatioWeight * p.warningZoneFraction : 0;
  }
  // Young-number rules only where the portfolio itself is new, or on app and web-session numbers (MODEL.md §6b; seed 000: a new number inherits the portfolio's limit)
  const youngRules = t.youngRulesAlways || portfolioAgeDays(ctx) < p.youngNumberDays;
  const young = youngRules && ageDays < p.youngNumberDays; // seed 003: first 10 days elevated risk, estimate
  const lastHour = sumHourly(r, now, 'sent', 1);
  if (young || t.velocityAlways) behaviour += lastHour > p.velocityDangerPerHour ? p.velocityWeight : lastHour > p.velocitySafePerHour ? p.velocityWeight * p.warningZoneFraction : 0; // seed 003: safe < 30/h, danger > 60/h, estimate
  const day = sumHourly(r, now, 'sent', HOURS_PER_DAY);
  if (youngRules && ((ageDays < p.firstDays && day > p.firstDaysVolumeSafe) || (ageDays < p.earlyWeeksDays && day > p.earlyWeeksVolumeRisk))) behaviour += p.volumeWeight; // seed 003: 20–50/day in days 1–3, 200+/day before week 3, estimate
  behaviour += aroundTheClock(r, now, p) ? p.aroundTheClockWeight : 0;
  const iv = t.intervals;
  if (iv.n >= p.mechanicalMinIntervals) {
    const mean = iv.sum / iv.n;
    const cv = mean > 0 ? Math.sqrt(Math.max(0, iv.sumSq / iv.n - mean * mean)) / mean : 0;
    if (mean > 0 && cv < p.mechanicalCv) behaviour += p.mechanicalWeight; // seed 003: fixed mechanical intervals
  }
  behaviour += p.retryLoopWeight * Math.min(1, sumHourly(r, now, 'retries', HOURS_PER_DAY) / p.retryLoopFullPerDay);
  if (sumHourly(r, now, 'hammer', 1) >= p.hammeringPerHour) behaviour += p.hammeringWeight;
  advanceUnanswered(t.unanswered, sim.now, world.audience.marketing.lastReply, world.policy.unanswered);
  behaviour += unansweredWeight(t.unanswered, world.policy.unanswered); // seed 003 (2026 counter), as a share — MODEL.md §6b

  const all7 = sumHourly(r, now, 'deliveredAll', windowHours);
  // Blocks per 1,000 delivered, scored only past seed 003's safe zone (under 1%) — relative, MODEL.md §6b, estimate
  const blockCascade = all7 >= p.replyRatioMinSends ? Math.max(0, (sumHourly(r, now, 'blocks', windowHours) / all7) * 1000 - p.blockSafePerThousand) * p.blockRatePerThousandWeight : 0;

  let content = 0;
  for (let index = 0; index < t.templateHour.length; index++) {
    const count = t.templateHour[index] ?? 0;
    if (count <= p.identicalPerHour) continue; // more than 15 structurally identical messages per hour (seed 003)
    const tpl = world.templates[index];
    const w = (p.identicalWeight + (tpl.sameLink ? p.sameLinkWeight : 0) + (tpl.sameMedia ? p.sameMediaWeight : 0)) * (tpl.personalized ? p.personalizationFactor : 1);
    content = Math.max(content, w);
  }
  return { registration: t.registration, behaviour, blockCascade, content };
}

/** "Most": more than half. */
const MOST = 0.5;

/** Most of the last day's sends fell outside its busiest `sendingWindowHours` (seed 003: ~8-hour window). */
function aroundTheClock(r: HourlyRing<RingChannel>, now: number, p: Policy['trust']): boolean {
  const hour = Math.floor(now / HOUR);
  const perHour: number[] = [];
  for (let h = hour - 23; h <= hour; h++) perHour.push(h >= 0 && r.hourOf[h % r.slots] === h ? r.channels.sent[h % r.slots] : 0);
  const total = perHour.reduce((a, b) => a + b, 0);
  if (total < p.aroundTheClockMinSends) return false;
  const w = Math.round(p.sendingWindowHours);
  let best = 0;
  for (let i = 0; i < 24; i++) {
    let s = 0;
    for (let k = 0; k < w; k++) s += perHour[(i + k) % 24];
    best = Math.max(best, s);
  }
  return best / total < MOST; // most of the day's sends fall outside the window
}

/**
 * Hourly: scores the number, and — where the score acts on the number's channel (MODEL.md §6b) —
 * restricts it when the score and the layers say so, and escalates a long RED. Where it does not
 * act, the hours it stands over the restriction line are counted as a risk indicator.
 */
export function evaluateTrust(ctx: MechanismContext, n: NumberState): void {
  const p = ctx.world.policy.trust;
  const t = n.trust;
  const layers = trustLayers(ctx, n);
  t.layers = layers;
  t.score = layers.registration + layers.behaviour + layers.blockCascade + layers.content;
  t.peak = Math.max(t.peak, t.score);
  t.intervals = { n: 0, sum: 0, sumSq: 0, last: t.intervals.last };
  t.templateHour.length = 0;
  const contributing = Object.values(layers).filter((v) => v >= p.layerMinContribution).length;
  const over = t.score >= p.restrictScore && contributing >= p.restrictMinLayers; // seed 003: enough thresholds across enough layers, estimate
  if (over) t.hoursOverRestrictScore++;
  if (n.quality !== 'RED') t.redSince = -1;
  else if (t.redSince < 0) t.redSince = ctx.sim.now;
  if (!t.acts) return;
  const e = n.enforcement;
  const restricted = e.open.has('soft-ban') || e.open.has('permanent-ban') || e.open.has('account-restriction');
  // No restriction without new evidence (sends or feedback) since the last reinstatement — MODEL.md §6b
  const evidence = t.lastEvidence > e.liftedAt;
  if (!restricted && over && evidence) {
    restrictForTrust(ctx, n, t.score, { ...layers });
    return;
  }
  // Block cascade: RED for 7 days without improvement → account-level restriction (seed 003, estimate)
  if (t.redSince >= 0 && ctx.sim.now - t.redSince >= p.redDaysToRestrict * DAY && !restricted && evidence) {
    const r = ctx.world.policy.restrictions;
    enforce(ctx, n, 'account-restriction', 'block-cascade', 'BLOCK_CASCADE', (r.softBanMinHours + r.softBanMaxHours) / 2, { ...layers }); // the middle of the soft-ban countdown (seed 003: 24–72 h)
    t.redSince = ctx.sim.now;
  }
}
