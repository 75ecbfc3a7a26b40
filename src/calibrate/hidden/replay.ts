/**
 * The replay: the team's observed sending volume, sent again by the simulator under candidate
 * hidden rates, so the consequences it produces (webhooks) can be compared with the team's.
 *
 *   scenario (calibrated audience) ─▶ replay scenario: hidden rates set on every segment, sizes
 *   scaled to the recipients seen, one campaign per sending unit, horizon = the log's span
 *        │
 *        ▼ runOnce with the replay strategy (sends deliveredPerDay[d] × (1 + failed/delivered) on
 *   day d, as a burst from the start of the day, each unit cycling through its recipients)
 *        │
 *        ▼ every `kind: "webhook"` trace record ─▶ EvidenceTally (the same reader as the observed log)
 *
 * Recipients are cycled in order, so a recipient hears from the business again every
 * `recipients / sends per day` days — the repeat rate the log shows (`delivered / recipients`) —
 * and a recipient who blocked gets 131026 on the next message, as in the log.
 */
import { streamFactory } from '../../engine/index.js';
import { PROFILES, resolvePolicy, type ProfileId } from '../../policy/index.js';
import { planVariants, validateScenarioData, type Scenario } from '../../scenario/index.js';
import { BUILTIN_NAMES } from '../../strategies/index.js';
import { runOnce } from '../../run/run-once.js';
import type { ResolvedStrategy } from '../../run/strategies.js';
import type { CampaignView, SenderApi, Strategy } from '../../model/observable.js';
import { EvidenceTally, type HiddenEvidence } from '../evidence.js';

/** The hidden rates of one simulation. */
export interface HiddenRates {
  readonly blockProbability: number;
  readonly reportProbability: number;
}

/** A replay ready to run many times: the scenario without hidden rates and the daily send plan. */
export interface ReplayPlan {
  /** The replay scenario (validated, defaults filled); hidden rates are set per simulation. */
  readonly scenario: Scenario;
  /** Template sends per day (index 0 = the first day of the log). */
  readonly sendsPerDay: readonly number[];
  /** True when the scenario had no campaigns: each segment's unit spreads over every number and template. */
  readonly spread: boolean;
  /** Where the plan departs from the scenario as given (for the report). */
  readonly notes: readonly string[];
}

/** Sends per second at most, all units together: under the documented default throughput of 80 messages/s per number (seed 002), so no 130429 arises from the replay itself. */
const PER_SECOND = 60;
const HOUR_MS = 3_600_000;

/**
 * Builds the replay of `observed` on `scenario`: same audience, numbers, templates and policy;
 * campaigns reduced to their (template, segment, number) units starting at hour 0; segment sizes
 * scaled to the recipients seen; the portfolio at the policy's top tier (the team did deliver this
 * volume, so the messaging limit did not stop it); horizon the log's span.
 * @throws {UserInputError} when the replay scenario is invalid (a log longer than the horizon limit)
 * @example const plan = planReplay(scenario, tally.evidence()); plan.sendsPerDay // [10279, 0, 0, 10154, …]
 */
export function planReplay(scenario: Scenario, observed: HiddenEvidence): ReplayPlan {
  const notes: string[] = [];
  const days = Math.max(1, observed.deliveredPerDay.length, Math.ceil(scenario.horizonDays));
  // 1. segment sizes: the recipients seen, shared in the scenario's proportions
  const segments = scenario.audience.segments.map((s) => ({ ...s }));
  const total = segments.reduce((sum, s) => sum + s.size, 0);
  if (observed.recipients > 0 && observed.recipients !== total) {
    let left = observed.recipients;
    segments.forEach((s, i) => {
      const share = i === segments.length - 1 ? left : Math.max(1, Math.round((observed.recipients * s.size) / total));
      s.size = Math.max(1, Math.min(share, left - (segments.length - 1 - i)));
      left -= s.size;
    });
    notes.push(`segment sizes scaled from ${total} to the ${observed.recipients} recipients with a delivered template in the log`);
  }
  // 2. sending units: the scenario's campaigns (whole segment or their own recipient count), else one per segment
  const campaigns = scenario.campaigns.length
    ? scenario.campaigns.map((c, i) => {
        const segment = segments.find((s) => s.id === c.segment);
        const recipients = c.recipients === undefined || segment === undefined ? undefined : Math.min(c.recipients, segment.size);
        return { id: `replay-${i}`, template: c.template, segment: c.segment, ...(c.number === undefined ? {} : { number: c.number }), startHour: 0, ...(recipients === undefined ? {} : { recipients }) };
      })
    : segments.map((s, i) => ({ id: `replay-${i}`, template: scenario.templates[0].id, segment: s.id, startHour: 0 }));
  // 3. the top tier of the policy's ladder, so the replayed volume is not cut by the messaging limit
  const policy = resolvePolicy(PROFILES[scenario.policy as ProfileId], scenario.overrides ?? {}, streamFactory(0));
  const top = policy.limits.tiers[policy.limits.tiers.length - 1]?.name;
  const data = {
    ...scenario,
    horizonDays: days,
    seeds: 1,
    audience: { segments },
    campaigns,
    strategies: ['blast'], // a placeholder the validator knows; the replay strategy runs instead
    portfolio: { ...scenario.portfolio, ...(top === undefined ? {} : { startTier: top }) },
    variants: undefined,
    thresholds: undefined,
    objective: undefined,
  };
  const replay = validateScenarioData(JSON.parse(JSON.stringify(data)), { file: '(calibrate replay)', strategyNames: BUILTIN_NAMES });
  // 4. sends per day: delivered, plus the log's share of failed sends (a failed send delivers nothing)
  const extra = observed.delivered > 0 ? observed.failed / observed.delivered : 0;
  const sendsPerDay = Array.from({ length: days }, (_, d) => Math.round((observed.deliveredPerDay[d] ?? 0) * (1 + extra)));
  return { scenario: replay, sendsPerDay, spread: scenario.campaigns.length === 0, notes };
}

/**
 * The replay scenario with `rates` on every segment (a copy; the plan is not changed).
 * @example withRates(plan, { blockProbability: 0.01, reportProbability: 0.001 }).audience.segments[0].blockProbability // 0.01
 */
export function withRates(plan: ReplayPlan, rates: HiddenRates): Scenario {
  const segments = plan.scenario.audience.segments.map((s) => ({ ...s, blockProbability: rates.blockProbability, reportProbability: rates.reportProbability }));
  return { ...plan.scenario, audience: { ...plan.scenario.audience, segments } };
}

/**
 * Runs the replay once under `rates` with run seed `seed` and returns the evidence its webhooks
 * show, read by EvidenceTally exactly as the observed log was.
 * @example simulateEvidence(plan, { blockProbability: 0.01, reportProbability: 0.001 }, 7).undeliverable // 131026s of that run
 */
export function simulateEvidence(plan: ReplayPlan, rates: HiddenRates, seed: number): HiddenEvidence {
  const scenario = withRates(plan, rates);
  const [variant] = planVariants(scenario, { file: '(calibrate replay)', strategyNames: BUILTIN_NAMES });
  const tally = new EvidenceTally();
  runOnce(variant, replayStrategy(plan.sendsPerDay, plan.spread), seed, {
    trace: (r) => {
      if (r.kind === 'webhook') tally.add(r.payload);
    },
  });
  return tally.evidence();
}

/**
 * The replay strategy: each day's sends go out from the start of the day as one campaign burst
 * (at most PER_SECOND a second, as a campaign tool sends a list); a send the API refuses at once
 * (a paused template, the messaging limit) is tried again on the next hour, so the day's volume is
 * still sent once the pause ends, as the team's was. Each send goes to the unit (campaign) furthest
 * behind its share (weights: recipients), and within a unit to the next recipient in a cycle. A unit made for
 * a segment without campaigns sends every recipient from one number (recipient index modulo the
 * numbers) and rotates templates per cycle. Not in the registry: it exists for the inference only.
 * @example runOnce(variant, replayStrategy(plan.sendsPerDay, plan.spread), seed, { trace })
 */
export function replayStrategy(sendsPerDay: readonly number[], spread: boolean): ResolvedStrategy {
  return {
    label: 'calibrate replay',
    params: {},
    definition: {
      name: 'calibrate-replay',
      description: 'Replays an observed daily volume of template sends (calibrate: hidden-rate inference)',
      source: 'src/calibrate/hidden/replay.ts',
      params: {},
      create: () => createReplay(sendsPerDay, spread),
    },
  };
}

function createReplay(sendsPerDay: readonly number[], spread: boolean): Strategy {
  let units: CampaignView[] = [];
  let sentByUnit: number[] = [];
  let cursor: { next: number }[] = [];
  let started = false;
  let sent = 0;
  let pending = 0;
  let hour = 0;
  let bursting = false;
  let weightTotal = 0;
  let numbers: string[] = [];
  let templates: string[] = [];
  const hours = sendsPerDay.length * 24;

  const pick = (): number => {
    // the unit furthest behind its share of what has been sent (smooth weighted round robin)
    let best = 0;
    let bestLag = -Infinity;
    for (let u = 0; u < units.length; u++) {
      const lag = ((sent + 1) * units[u].count) / weightTotal - sentByUnit[u];
      if (lag > bestLag) {
        bestLag = lag;
        best = u;
      }
    }
    return best;
  };

  /** Sends one message; false (and nothing used up) when the API refuses it at once (a paused template, the limit). */
  const sendOne = (api: SenderApi): boolean => {
    const u = pick();
    const c = units[u];
    // units over the same recipients (campaigns to one segment) share one cycle through them
    const k = cursor[u].next;
    const recipient = c.first + (k % c.count);
    // a segment unit (no campaigns in the scenario) spreads over every number and template
    const number = spread ? numbers[recipient % numbers.length] : c.number;
    const template = spread ? templates[Math.floor(k / c.count) % templates.length] : c.template;
    if (!api.sendTemplate(number, recipient, template).ok) return false;
    cursor[u].next++;
    sentByUnit[u]++;
    sent++;
    return true;
  };

  const burst = (api: SenderApi): void => {
    const n = Math.min(pending, PER_SECOND);
    let done = 0;
    while (done < n && sendOne(api)) done++;
    pending -= done;
    // refused: the rest waits for the next hour (a paused template, a limit); else on in a second
    bursting = done === n && pending > 0;
    if (bursting) api.wakeAt(api.now() + 1000, 'burst');
  };

  const onHour = (api: SenderApi): void => {
    if (hour % 24 === 0) pending += sendsPerDay[hour / 24] ?? 0;
    hour++;
    if (hour < hours) api.wakeAt(hour * HOUR_MS, 'hour');
    if (!bursting && pending > 0) burst(api);
  };

  return {
    onCampaignStart(api) {
      if (started) return; // every unit starts at hour 0: one clock for all
      started = true;
      units = [...api.campaigns()].filter((c) => c.count > 0);
      sentByUnit = units.map(() => 0);
      const cycles = new Map<string, { next: number }>();
      cursor = units.map((c) => {
        const key = `${c.first}:${c.count}`;
        const cycle = cycles.get(key) ?? { next: 0 };
        cycles.set(key, cycle);
        return cycle;
      });
      weightTotal = units.reduce((s, c) => s + c.count, 0);
      numbers = api.numbers().map((n) => n.id);
      templates = api.templates().map((t) => t.id);
      if (units.length > 0) onHour(api);
    },
    onWake(api, tag) {
      if (tag === 'hour') onHour(api);
      else if (tag === 'burst') burst(api);
    },
  };
}
