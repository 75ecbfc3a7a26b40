/**
 * Building the world of one run from a validated scenario variant and its resolved policy.
 */
import { DAY, HOUR } from '../engine/index.js';
import type { Policy } from '../policy/index.js';
import type { Scenario } from '../scenario/index.js';
import { createQualityState } from './quality.js';
import { occurrenceTimes } from '../scenario/calendar.js';
import { blockMultiplier, buildAudience } from './recipients.js';
import { createPool, joinPool, tierIndexOf } from './tiers.js';
import { createGraphBudget } from './graph-api.js';
import { createTemplateState } from './templates.js';
import { createThroughput } from './throughput.js';
import { createUniqueCounter } from './unique-counter.js';
import { createEnforcementState } from './restrictions.js';
import { createTrustState } from './trust-score.js';
import { createViolationState } from './policy-enforcement.js';
import { createPricing } from './pricing.js';
import type { LimitPool, AppOpenHabit, CampaignState, NumberState, StreamFor, TemplateState, World } from './state/index.js';

/** Builds the world; the scenario has passed validation, so references resolve. */
export function buildWorld(s: Scenario, policy: Policy, streamFor: StreamFor): World {
  const audience = buildAudience(s.audience.segments, streamFor, { epoch: Date.parse(s.start), days: s.horizonDays });
  const tiers = policy.limits.tiers;
  // Forecast profile: verified businesses start at 100K (seed 000's announced baseline, forecast)
  const verifiedStart = s.portfolio.verified && policy.limits.verifiedStartTier !== '' ? policy.limits.verifiedStartTier : undefined;
  const startTier = Math.max(0, tierIndexOf(tiers, s.portfolio.startTier ?? verifiedStart ?? policy.limits.startTier));
  const n = audience.size;
  // A number's own limit when it joins (scenario `messagingLimitTier`), else the start tier
  const ownTier = s.portfolio.numbers.map((spec) => (spec.messagingLimitTier === undefined ? startTier : Math.max(0, tierIndexOf(tiers, spec.messagingLimitTier))));
  // Migration: an existing portfolio took the highest limit of any of its numbers — Meta "Messaging limits", documented
  const portfolioStart = Math.max(startTier, ...ownTier);
  // Scope: the portfolio shares one pool (2025-10 rules) or each number has its own (legacy) — Meta "Messaging limits", documented
  const shared = policy.limits.scope === 'portfolio' ? createPool(0, 'portfolio', n, portfolioStart, policy) : undefined;
  const pools: LimitPool[] = shared ? [shared] : [];
  const numbers = s.portfolio.numbers.map((spec, index): NumberState => {
    const pool = shared ?? createPool(index, spec.id, n, ownTier[index], policy);
    if (!shared) pools.push(pool);
    joinPool(pool, index);
    return {
      index,
      id: spec.id,
      phoneNumberId: String(100_000_000_000_000 + index),
      displayPhoneNumber: `+1 555 01${String(index).padStart(2, '0')}`,
      channel: spec.channel,
      pool,
      windowUntil: new Float64Array(n),
      blocked: new Uint8Array(n),
      quality: 'UNKNOWN',
      feedback: createQualityState(policy),
      flaggedSince: -1,
      lastAppOpen: 0,
      window: createUniqueCounter(n, policy.limits.windowHours * HOUR),
      throughput: createThroughput(spec.channel, policy),
      pairTat: null,
      ageDays: spec.ageDays ?? 0,
      appOpen: spec.appOpen as AppOpenHabit,
      enforcement: createEnforcementState(),
      trust: createTrustState(
        { ipMismatch: spec.connection.ipCountry !== undefined && spec.country !== undefined && spec.connection.ipCountry !== spec.country, voip: spec.connection.voip ?? false, sharedIp: spec.connection.sharedIp ?? false },
        spec.channel,
        policy,
      ),
    };
  });
  const templates = s.templates.map((t, index): TemplateState => createTemplateState(index, t, policy));
  const numberById = new Map(numbers.map((x) => [x.id, x]));
  const templateById = new Map(templates.map((x) => [x.id, x]));
  // one CampaignState per occurrence: a recurring campaign (`every`) is a series of campaigns the strategies see one by one
  const campaigns: CampaignState[] = [];
  const epoch = Date.parse(s.start);
  const horizon = Math.round(s.horizonDays * DAY);
  s.campaigns.forEach((spec) => {
    const seg = audience.segments.find((x) => x.id === spec.segment)!;
    const segSpec = s.audience.segments[seg.index];
    const ids = spec.numbers === 'all' ? numbers.map((x) => x.id) : spec.numbers ?? [spec.number ?? numbers[0].id];
    const own = ids.map((id) => numberById.get(id)!);
    const starts = spec.every ? occurrenceTimes(spec.startHour, spec.every, spec.timeZone ?? 'UTC', epoch, horizon) : [Math.round(spec.startHour * HOUR)];
    starts.forEach((startAt, k) => {
      campaigns.push({
        index: campaigns.length,
        spec,
        template: templateById.get(spec.template)!,
        number: own[0],
        numbers: own,
        first: seg.first,
        count: spec.recipients ?? seg.size,
        startAt,
        series: spec.id,
        occurrence: k + 1,
        id: spec.every ? `${spec.id}#${k + 1}` : spec.id,
        localWindow: spec.localWindow ?? segSpec.localWindow,
      });
    });
  });
  const blockFactors = new Float64Array(audience.segments.length * templates.length);
  for (const seg of audience.segments) for (const t of templates) blockFactors[seg.index * templates.length + t.index] = blockMultiplier(seg, t, policy.recipients);
  return {
    policy,
    horizon: Math.round(s.horizonDays * DAY),
    epoch: Date.parse(s.start),
    portfolio: {
      verified: s.portfolio.verified,
      tiers,
      firstAutomaticTier: tierIndexOf(tiers, policy.limits.firstAutomaticTier),
      wabaId: '200000000000001',
      utilityPacedUntil: -1,
      graph: createGraphBudget(s.portfolio.numbers.some((x) => x.registered)),
      violations: createViolationState(policy),
    },
    numbers,
    numberById,
    templates,
    templateById,
    campaigns,
    audience,
    pools,
    blockFactors,
    enforcements: [],
    autoAppeal: s.portfolio.autoAppeal,
    metadataChanges: s.portfolio.metadataChanges.map((c) => c.kind),
    templateCreationBlockedUntil: -1,
    pricing: createPricing(s, policy, audience, s.portfolio.numbers, streamFor),
  };
}
