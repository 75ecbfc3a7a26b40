/**
 * Known truth for the hidden-rate tests: a team's sending simulated with KNOWN block and report
 * rates (a list messaged again every few days by `blast`), its webhooks read by EvidenceTally —
 * the log the inference is then given.
 */
import { planVariants, validateScenarioData, type Scenario } from '../../../src/scenario/index.js';
import { BUILTIN_NAMES, blast } from '../../../src/strategies/index.js';
import { runOnce } from '../../../src/run/run-once.js';
import type { ResolvedStrategy } from '../../../src/run/strategies.js';
import { EvidenceTally, type HiddenEvidence } from '../../../src/calibrate/evidence.js';

export interface TruthOptions {
  /** Recipients on the list. */
  readonly size: number;
  readonly days: number;
  /** A campaign to the whole list every this many days, from day 0. */
  readonly everyDays: number;
  readonly blockProbability: number;
  readonly reportProbability: number;
}

/** The team's scenario (what the calibrate reader would hand over): audience, numbers, templates, campaigns. */
export function teamScenario(o: TruthOptions): Scenario {
  const campaigns = [];
  for (let d = 0, i = 0; d < o.days; d += o.everyDays, i++) campaigns.push({ id: `c${i}`, template: 'promo', segment: 'list', startHour: d * 24 + 9 });
  return validateScenarioData(
    {
      name: 'team',
      horizonDays: o.days,
      portfolio: { startTier: 'TIER_100K', numbers: [{ id: 'n1', country: 'BR' }] },
      templates: [{ id: 'promo', category: 'marketing' }],
      audience: { segments: [{ id: 'list', size: o.size, readProbability: 0.7, replyProbability: 0.08, blockProbability: o.blockProbability, reportProbability: o.reportProbability }] },
      campaigns,
      strategies: ['blast'],
    },
    { file: '(truth)', strategyNames: BUILTIN_NAMES },
  );
}

/** The evidence the team's webhooks show for one run (seed `seed`) of its scenario. */
export function observe(scenario: Scenario, seed: number): HiddenEvidence {
  const [variant] = planVariants(scenario, { file: '(truth)', strategyNames: BUILTIN_NAMES });
  const tally = new EvidenceTally();
  // blast at 40 a second, no retries: each campaign is one burst to the whole list
  const strategy: ResolvedStrategy = { label: 'blast', definition: blast as unknown as ResolvedStrategy['definition'], params: { retries: 0, perSecond: 40, retryFailedStatus: false, maxStatusRetries: 0 } };
  runOnce(variant, strategy, seed, {
    trace: (r) => {
      if (r.kind === 'webhook') tally.add(r.payload);
    },
  });
  return tally.evidence();
}
