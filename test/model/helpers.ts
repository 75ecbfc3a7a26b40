/** Model-test helpers: scenarios built in code and a scripted sender that sends on a timetable. */
import { DAY, HOUR } from '../../src/engine/index.js';
import type { SenderApi, TraceRecord } from '../../src/model/index.js';
import { runOnce, type RunOptions, type RunResult } from '../../src/run/index.js';
import { planVariants, validateScenarioData } from '../../src/scenario/index.js';
import type { StrategyDefinition } from '../../src/strategies/index.js';

/** One batch of the timetable: at day/hour, `count` new recipients (next unused indices) from `number`. */
export interface Batch {
  readonly day: number;
  readonly hour: number;
  readonly number: string;
  readonly count: number;
  /** First recipient index of the batch (default: continue after the previous batch). */
  readonly first?: number;
}

/** Sends per simulated second, under the 80 MPS throughput limit. */
const PER_SECOND = 50;

/** A strategy that sends exactly the timetable, one send per recipient, no retries, 50 per second. */
export function timetable(batches: readonly Batch[], template = 'promo'): StrategyDefinition {
  return {
    name: 'timetable',
    description: 'test sender',
    source: 'test',
    params: {},
    create() {
      let next = 0;
      return {
        onCampaignStart(api) {
          batches.forEach((b, i) => api.wakeAt(b.day * DAY + b.hour * HOUR, String(i)));
        },
        onWake(api, tag) {
          // tag: "<batch>" for the first chunk, "<batch>:<next recipient>:<end>" for the following ones
          const [batch, fromText, endText] = tag.split(':');
          const b = batches[Number(batch)];
          let from: number;
          let end: number;
          if (fromText === undefined) {
            from = b.first ?? next;
            end = from + b.count;
            next = end;
          } else {
            from = Number(fromText);
            end = Number(endText);
          }
          const to = Math.min(end, from + PER_SECOND);
          for (let r = from; r < to; r++) api.sendTemplate(b.number, r, template);
          if (to < end) api.wakeAt(api.now() + 1000, `${batch}:${to}:${end}`);
        },
      };
    },
  };
}

/** Runs `scenario` (JSON as in a file, validated here) with a strategy definition; returns result and trace. */
export function runWith(scenario: Record<string, unknown>, strategy: StrategyDefinition, seed = 1, atHorizon?: RunOptions['atHorizon']): { result: RunResult; trace: TraceRecord[] } {
  const s = validateScenarioData({ strategies: ['blast'], ...scenario }, { file: 'test', strategyNames: ['blast'] });
  const [variant] = planVariants(s, { file: 'test', strategyNames: ['blast'] });
  const trace: TraceRecord[] = [];
  const result = runOnce(variant, { label: strategy.name, definition: strategy, params: {} }, seed, { trace: (r) => void trace.push(r), atHorizon });
  return { result, trace };
}

/**
 * A scenario skeleton: one clean segment, one established (HIGH) marketing template, one campaign
 * at hour 0, no cross-brand marketing, no portfolio pacing and no trust-score restrictions (unless
 * `overrides` turns them back on) — so a test sees one mechanism.
 */
export function scenario(patch: Record<string, unknown>): Record<string, unknown> {
  const { overrides, ...rest } = patch as { overrides?: Record<string, unknown>; audience?: { segments: { id: string }[] } };
  const firstSegment = rest.audience?.segments[0].id ?? 'clean';
  return {
    name: 'model test',
    horizonDays: 10,
    overrides: { 'pacing.portfolioPacing': false, 'trust.restrictScore': 1000, 'trust.banScore': 1000, 'trust.redDaysToRestrict': 90, 'appliesTo.policyEnforcement': [], ...overrides },
    portfolio: { numbers: [{ id: 'a' }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'HIGH' }],
    audience: { segments: [segment({ id: 'clean', size: 50_000, blockProbability: 0, reportProbability: 0, stopProbability: 0 })] },
    campaigns: [{ id: 'c', template: 'promo', segment: firstSegment }],
    ...rest,
  };
}

/** A segment with no spontaneous inbound and no cross-brand marketing, plus `fields`. */
export function segment(fields: Record<string, unknown>): Record<string, unknown> {
  return { inboundPerDay: 0, marketingFromOthersPerDay: 0, ...fields };
}

/** The (time in hours, tier, event) of every tier change in a trace. */
export function tierSteps(trace: readonly TraceRecord[]): [number, string, string][] {
  return trace.filter((r) => r.kind === 'tier' && r.event !== 'START').map((r) => [r.t / HOUR, String(r.tier), String(r.event)]);
}

/** One scripted send: at `at` (ms), from `from` (default 'a') to `to`, a template by id or free-form text when `template` is omitted. */
export interface Step {
  readonly at: number;
  readonly to: number;
  readonly template?: string;
  readonly from?: string;
}

/** What the script saw: a send's synchronous answer, or an inbound message / status update it was told of. */
export interface Seen {
  readonly t: number;
  readonly event: 'send' | 'inbound' | 'status';
  readonly to: number;
  /** The send response's message_status, or the error code; the inbound kind; the status (with its code). */
  readonly outcome: string | number;
}

/**
 * A strategy that makes exactly the sends of `steps` (several at one time go out in the listed
 * order) and records what it sees in `seen` (cleared when a run starts). `react` runs on every
 * inbound message, and may return more steps (times at or after now).
 */
export function script(steps: readonly Step[], seen: Seen[] = [], react?: (m: { at: number; from: number; kind: string }) => readonly Step[]): StrategyDefinition {
  return {
    name: 'script',
    description: 'test sender',
    source: 'test',
    params: {},
    create() {
      seen.length = 0;
      const queue: Step[] = [];
      const schedule = (api: SenderApi, more: readonly Step[]): void => {
        for (const s of more) {
          queue.push(s);
          api.wakeAt(s.at, String(queue.length - 1));
        }
      };
      const sendOne = (api: SenderApi, s: Step): void => {
        const from = s.from ?? 'a';
        const r = s.template === undefined ? api.sendText(from, s.to) : api.sendTemplate(from, s.to, s.template);
        seen.push({ t: api.now(), event: 'send', to: s.to, outcome: r.ok ? r.messageStatus : r.code });
      };
      return {
        onCampaignStart: (api) => schedule(api, steps),
        onWake: (api, tag) => sendOne(api, queue[Number(tag)]),
        onInbound(api, m) {
          seen.push({ t: api.now(), event: 'inbound', to: m.from, outcome: m.kind });
          if (react) schedule(api, react(m));
        },
        onStatus(api, u) {
          if (u.status === 'failed') seen.push({ t: api.now(), event: 'status', to: u.to, outcome: `failed ${u.code}` });
        },
      };
    },
  };
}

/** `count` sends of `template` (text when undefined) to recipients first, first + 1, … from `at`, 50 a second (under 80 MPS). */
export function steady(at: number, first: number, count: number, template?: string, from?: string): Step[] {
  return Array.from({ length: count }, (_, i) => ({ at: at + Math.floor(i / PER_SECOND) * 1000, to: first + i, template, from }));
}

/** The outcomes of the script's sends, in order. */
export const sendOutcomes = (seen: readonly Seen[]): (string | number)[] => seen.filter((s) => s.event === 'send').map((s) => s.outcome);
