/**
 * The invariants every run must satisfy, checked on its trace and results. Used by the property
 * tests (fast subset in npm test, ≥ 1,000 scenarios in npm run test:long) and the soak.
 */
import { HOUR, SECOND } from '../../src/engine/index.js';
import type { TraceRecord } from '../../src/model/index.js';
import { PROFILES, type ProfileId, resolvePolicy } from '../../src/policy/index.js';
import type { RunResult } from '../../src/run/index.js';
import type { Scenario } from '../../src/scenario/index.js';
import { createStream } from '../../src/engine/index.js';

/** Returns the violations found (empty when the run is sound). */
export function violations(s: Scenario, trace: readonly TraceRecord[], result: RunResult): string[] {
  const out: string[] = [];
  const policy = resolvePolicy(PROFILES[s.policy as ProfileId], s.overrides ?? {}, (n) => createStream(1, n));
  const m = result.summary;
  const rejected = trace.filter((r) => r.kind === 'rejected').length;
  const failed = trace.filter((r) => r.kind === 'failed').length;
  if (m.attempted !== m.accepted + rejected) out.push(`attempted ${m.attempted} ≠ accepted ${m.accepted} + rejected ${rejected}`);
  if (m.accepted !== m.delivered + failed + m.pendingAtHorizon) out.push(`accepted ${m.accepted} ≠ delivered ${m.delivered} + failed ${failed} + pending ${m.pendingAtHorizon}`);
  const ended = trace.filter((r) => r.kind === 'delivered' || r.kind === 'failed').map((r) => r.id);
  if (new Set(ended).size !== ended.length) out.push('a message ended twice');
  out.push(...limitViolations(s, trace, policy.limits.scope));
  out.push(...throughputViolations(s, trace, policy));
  out.push(...pairViolations(trace, policy.pairRate.intervalSeconds * SECOND, policy.pairRate.burst));
  out.push(...pausedViolations(s, trace));
  out.push(...enforcementViolations(trace));
  const bad = nonFinite(result, '');
  if (bad) out.push(`non-finite number at ${bad}`);
  return out;
}

/** Distinct users with a business-initiated delivery in any (t − 24 h, t] ≤ the highest limit in force then (Meta counts the users it delivers to). */
function limitViolations(s: Scenario, trace: readonly TraceRecord[], scope: string): string[] {
  const tiers = new Map<string, { t: number; limit: number }[]>();
  const limitOf = (name: string): number => {
    const profile = PROFILES[s.policy as ProfileId];
    return profile.params.limits.tiers.value.find((t) => t.name === name)?.limit ?? Infinity;
  };
  for (const r of trace.filter((x) => x.kind === 'tier')) {
    const list = tiers.get(String(r.pool)) ?? [];
    list.push({ t: r.t, limit: limitOf(String(r.tier)) });
    tiers.set(String(r.pool), list);
  }
  const out: string[] = [];
  for (const [pool, steps] of tiers) {
    const sends = trace.filter((r) => r.kind === 'delivered' && r.businessInitiated && (scope === 'portfolio' || r.number === pool));
    const window = new Map<unknown, number>();
    let lo = 0;
    for (let hi = 0; hi < sends.length; hi++) {
      window.set(sends[hi].recipient, (window.get(sends[hi].recipient) ?? 0) + 1);
      while (sends[lo].t <= sends[hi].t - 24 * HOUR) {
        const n = window.get(sends[lo].recipient)! - 1;
        if (n === 0) window.delete(sends[lo].recipient);
        else window.set(sends[lo].recipient, n);
        lo++;
      }
      const t = sends[hi].t;
      const inForce = steps.filter((x, i) => x.t <= t && (i + 1 >= steps.length || steps[i + 1].t > t - 24 * HOUR)).map((x) => x.limit);
      const limit = Math.max(...inForce);
      if (window.size > limit) return [`pool ${pool}: ${window.size} unique users in 24 h over the limit ${limit} at ${t}`];
    }
  }
  return out;
}

function throughputViolations(s: Scenario, trace: readonly TraceRecord[], policy: ReturnType<typeof resolvePolicy>): string[] {
  const upgraded = new Map(trace.filter((r) => r.kind === 'throughput-upgrade').map((r) => [r.number, r.t]));
  const perSecond = new Map<string, number>();
  for (const r of trace) {
    if (r.kind !== 'accepted') continue;
    const key = `${r.number}|${Math.floor(r.t / SECOND)}`;
    perSecond.set(key, (perSecond.get(key) ?? 0) + 1);
  }
  for (const [key, count] of perSecond) {
    const [number, second] = key.split('|');
    const spec = s.portfolio.numbers.find((n) => n.id === number)!;
    const up = upgraded.get(number);
    const mps = up !== undefined && up <= Number(second) * SECOND ? policy.throughput.upgradedMps : spec.channel === 'coexistence' ? policy.throughput.coexistenceMps : policy.throughput.defaultMps;
    if (count > mps) return [`number ${number}: ${count} sends in second ${second} over ${mps} MPS`];
  }
  return [];
}

/** GCRA bound: in any [t_i, t_j] at most burst + (t_j − t_i) / T sends to one pair. */
function pairViolations(trace: readonly TraceRecord[], interval: number, burst: number): string[] {
  const pairs = new Map<string, number[]>();
  for (const r of trace) if (r.kind === 'accepted') {
    const key = `${r.number}|${r.recipient}`;
    const list = pairs.get(key) ?? [];
    list.push(r.t);
    pairs.set(key, list);
  }
  for (const [key, times] of pairs) {
    for (let i = 0; i < times.length; i++) for (let j = i; j < times.length && j < i + 200; j++) {
      if (j - i + 1 > burst + (times[j] - times[i]) / interval + 1e-9) return [`pair ${key}: ${j - i + 1} sends in ${times[j] - times[i]} ms`];
    }
  }
  return [];
}

/** No send of a template is accepted while it is paused or disabled. */
function pausedViolations(s: Scenario, trace: readonly TraceRecord[]): string[] {
  const state = new Map<string, string>();
  for (const r of trace) {
    if (r.kind === 'template-status') state.set(String(r.template), String(r.status));
    if (r.kind === 'accepted' && typeof r.template === 'number' && r.template >= 0) {
      const id = s.templates[r.template].id;
      const st = state.get(id);
      if (st === 'PAUSED' || st === 'DISABLED') return [`template ${id} accepted at ${r.t} while ${st}`];
    }
  }
  return [];
}

/** No send accepted while its number is banned, under review or disconnected; no business-initiated one while restricted. */
function enforcementViolations(trace: readonly TraceRecord[]): string[] {
  const open = new Map<string, Set<string>>();
  for (const r of trace) {
    const number = String(r.number);
    if (r.kind === 'enforcement') (open.get(number) ?? open.set(number, new Set()).get(number)!).add(String(r.enforcement));
    if (r.kind === 'enforcement-lifted') open.get(number)?.delete(String(r.enforcement));
    if (r.kind === 'accepted') {
      const o = open.get(number);
      if (!o || o.size === 0) continue;
      if (o.has('permanent-ban') || o.has('review') || o.has('disconnect')) return [`number ${number} sent at ${r.t} under ${[...o].join(', ')}`];
      if (r.businessInitiated && (o.has('soft-ban') || o.has('account-restriction'))) return [`number ${number} sent business-initiated at ${r.t} while restricted`];
    }
  }
  return [];
}

/** Path of the first NaN or ±Infinity in `value`, or ''. */
export function nonFinite(value: unknown, path: string): string {
  if (typeof value === 'number') return Number.isFinite(value) ? '' : path || '/';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const p = nonFinite(value[i], `${path}/${i}`);
      if (p) return p;
    }
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const p = nonFinite(v, `${path}/${k}`);
      if (p) return p;
    }
  }
  return '';
}
