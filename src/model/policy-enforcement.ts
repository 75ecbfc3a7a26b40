/**
 * Meta's policy-enforcement ladder (MODEL.md §6b; Meta "WhatsApp Business Platform Policy
 * Enforcement", developers.facebook.com/docs/whatsapp/overview/policy-enforcement, documented;
 * relayed by BSPs such as 360dialog): a violation first brings a warning; repeated violations bring
 * blocks of growing length — 1 or 3 days on business-initiated messages, then 5 or 7 days on
 * business-initiated messages and replies — then the account is disabled. Meta "may also limit or
 * offboard your business if your account receives excessive negative feedback from users".
 *
 * What counts as a violation from user feedback is not published: here, blocks or spam reports per
 * delivered business-initiated message over `windowDays`, judged once `minDelivered` deliveries
 * have accumulated since the last violation (so each step needs new evidence), against rates
 * labelled estimates. The account is the portfolio: evidence from all its numbers on the channels
 * of `appliesTo.policyEnforcement` counts together, and each step applies to all of them.
 */
import { DAY, HOUR, HOURS_PER_DAY } from '../engine/index.js';
import type { Policy } from '../policy/index.js';
import type { MechanismContext } from './context.js';
import { addHourly, clearHourly, createHourlyRing, sumHourly } from './hourly-ring.js';
import { enforce } from './restrictions.js';
import { type EnforcementKind, type NumberState, type ViolationState, EVIDENCE, type Evidence } from './state/index.js';


export function createViolationState(policy: Policy): ViolationState {
  return {
    ring: createHourlyRing(Math.max(1, Math.ceil(policy.policyEnforcement.windowDays * HOURS_PER_DAY)), EVIDENCE),
    channels: new Set(policy.appliesTo.policyEnforcement),
    times: [],
  };
}

/** Records evidence from number `n`: a delivered business-initiated message, a block or a spam report. */
export function noteViolationEvidence(ctx: MechanismContext, n: NumberState, what: Evidence): void {
  const v = ctx.world.portfolio.violations;
  if (v.channels.has(n.channel)) addHourly(v.ring, ctx.sim.now, what);
}

/** The step of the ladder for the `count`-th violation: its kind and length in days (0 for a warning, Infinity when disabled). */
export function ladderStep(count: number, p: Policy['policyEnforcement']): { kind: EnforcementKind; days: number } {
  if (count >= p.disableAtViolation) return { kind: 'account-disabled', days: Infinity }; // then the account is disabled — documented
  if (count <= 1) return { kind: 'policy-warning', days: 0 }; // a violation first brings a warning — documented
  if (count === 2) return { kind: 'policy-restriction', days: p.firstBlockDays }; // 1-day block on business-initiated messages — documented
  if (count === 3) return { kind: 'policy-restriction', days: p.secondBlockDays }; // 3-day block — documented
  if (count === 4) return { kind: 'policy-restriction-all', days: p.thirdBlockDays }; // 5-day block, replies too — documented
  return { kind: 'policy-restriction-all', days: p.fourthBlockDays }; // 7-day block, replies too — documented
}

/**
 * Hourly: judges the feedback since the last violation; a violation moves the portfolio one step
 * up the ladder (violations older than `memoryDays` no longer count) and starts the evidence afresh.
 */
export function evaluatePolicyEnforcement(ctx: MechanismContext): void {
  const { world, sim } = ctx;
  const p = world.policy.policyEnforcement;
  const v = world.portfolio.violations;
  const now = sim.now - 1; // the hour that just ended
  const hours = v.ring.slots;
  const delivered = sumHourly(v.ring, now, 'delivered', hours);
  if (delivered < Math.max(1, p.minDelivered)) return; // a minimum volume before a rate is judged — MODEL.md §6b
  const blockRate = sumHourly(v.ring, now, 'blocks', hours) / delivered;
  const reportRate = sumHourly(v.ring, now, 'reports', hours) / delivered;
  if (blockRate < p.blockRate && reportRate < p.reportRate) return; // excessive negative feedback — thresholds are estimates
  clearHourly(v.ring);
  const recent = v.times.filter((at) => at > sim.now - p.memoryDays * DAY);
  v.times.length = 0;
  v.times.push(...recent, sim.now);
  const { kind, days } = ladderStep(v.times.length, p);
  const reason = reportRate >= p.reportRate ? 'USER_REPORTS' : 'USER_BLOCKS';
  ctx.trace?.({ t: sim.now, kind: 'policy-violation', count: v.times.length, blockRate, reportRate, step: kind });
  for (const n of world.numbers) if (v.channels.has(n.channel)) enforce(ctx, n, kind, 'policy-enforcement', reason, (days * DAY) / HOUR);
}
