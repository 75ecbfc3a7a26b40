/**
 * fast-check arbitraries for small random valid scenarios: portfolios, numbers and channels,
 * templates, segments, campaigns, strategies and profiles. fast-check (not hand-written
 * generators) because it shrinks a failing scenario to a minimal one.
 */
import fc from 'fast-check';
import { PROFILE_IDS, PROFILES } from '../../src/policy/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';

const prob = (max: number): fc.Arbitrary<number> => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });

/** A scenario object as a user would write it (validated by the caller). */
export const scenarioArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    policy: fc.constantFrom(...PROFILE_IDS),
    horizonDays: fc.integer({ min: 1, max: 4 }),
    verified: fc.boolean(),
    tierIndex: fc.integer({ min: 0, max: 4 }),
    numbers: fc.array(
      fc.record({
        channel: fc.constantFrom('cloud-api', 'coexistence'),
        ageDays: fc.integer({ min: 0, max: 500 }),
        appOpen: fc.oneof(fc.constant('never'), fc.record({ everyDays: fc.integer({ min: 1, max: 20 }), jitterHours: fc.integer({ min: 0, max: 12 }) })),
        voip: fc.boolean(),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    templates: fc.array(
      fc.record({ category: fc.constantFrom('marketing', 'utility', 'authentication'), quality: fc.constantFrom('PENDING', 'HIGH', 'MEDIUM', 'LOW'), personalized: fc.boolean(), sameLink: fc.boolean() }),
      { minLength: 1, maxLength: 3 },
    ),
    segments: fc.array(
      fc.record({
        size: fc.integer({ min: 20, max: 1500 }),
        optIn: fc.constantFrom('explicit', 'implied', 'none'),
        readProbability: prob(1),
        replyProbability: prob(0.5),
        blockProbability: prob(0.2),
        reportProbability: prob(0.02),
        stopProbability: prob(0.05),
        inboundPerDay: prob(0.5),
        marketingFromOthersPerDay: prob(4),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    campaigns: fc.array(fc.record({ template: fc.nat(), segment: fc.nat(), number: fc.nat(), startHour: fc.double({ min: 0, max: 1, noNaN: true }), share: fc.double({ min: 0.05, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 3 }),
    strategy: fc.oneof(
      fc.constantFrom<unknown>(...BUILTIN_NAMES),
      // blast with hammering settings, so throughput and pair-rate limits are pushed hard
      fc.record({ name: fc.constant('blast'), params: fc.record({ retries: fc.integer({ min: 0, max: 60 }), perSecond: fc.integer({ min: 10, max: 200 }), retryFailedStatus: fc.boolean() }) }),
    ),
    pacingThreshold: fc.integer({ min: 10, max: 2000 }),
    hammer: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 150 })),
  })
  .map((r) => {
    const tiers = PROFILES[r.policy].params.limits.tiers.value;
    const segments = r.segments.map((s, i) => ({ id: `s${i}`, ...s }));
    return {
      name: 'property',
      horizonDays: r.horizonDays,
      policy: r.policy,
      overrides: { 'pacing.threshold': r.pacingThreshold },
      portfolio: {
        verified: r.verified,
        startTier: tiers[r.tierIndex].name,
        numbers: r.numbers.map((n, i) => ({ id: `n${i}`, channel: n.channel, ageDays: n.ageDays, appOpen: n.appOpen, connection: { voip: n.voip } })),
      },
      templates: r.templates.map((t, i) => ({ id: `t${i}`, ...t })),
      audience: { segments },
      campaigns: r.campaigns.map((c, i) => {
        const seg = segments[c.segment % segments.length];
        return {
          id: `c${i}`,
          template: `t${c.template % r.templates.length}`,
          segment: seg.id,
          number: `n${c.number % r.numbers.length}`,
          startHour: Math.floor(c.startHour * (r.horizonDays * 24 - 1)),
          recipients: Math.max(1, Math.floor(seg.size * c.share)),
        };
      }),
      strategies: [r.strategy],
      // a test-only hammering sender replaces the strategy in a share of the scenarios (run-property.ts)
      ...(r.hammer ? { hammer: r.hammer } : {}),
    };
  });
