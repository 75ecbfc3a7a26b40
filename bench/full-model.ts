/**
 * Workload 3, the engine with the full model switched on: workload 2's campaign (one number, one
 * template, `n` recipients, reads p = 1 mean 600 s, replies p = 0.3 mean 3,600 s, blocks p = 0.01
 * mean 900 s) as a real scenario, run by `runOnce` with the `blast` strategy at 80 per second.
 * The portfolio starts at TIER_UNLIMITED so the messaging limit never stops the campaign. Every
 * mechanism runs (delivery events, quality, pacing, trust score, webhooks, hourly bookkeeping), so
 * there are more events per send than in workload 2 and each costs more. The ratio is against
 * workload 2's typed-array reference at the same `n`.
 */
import { createRunSession, runOnce } from '../src/run/run-once.js';
import { resolveStrategies, type ResolvedStrategy } from '../src/run/strategies.js';
import { validateScenarioData, type VariantPlan } from '../src/scenario/validate.js';
import { campaignReference } from './campaign.js';
import { engineRow, summarise, timeOnce, type Row } from './measure.js';

const SEED = 1;

/**
 * The benchmark scenario for `n` recipients, as a scenario file would hold it.
 * @example validateScenarioData(benchScenario(1000), { file: 'bench', strategyNames: ['blast'] })
 */
export function benchScenario(n: number): unknown {
  return {
    name: 'bench-full-model',
    description: 'npm run bench, workload 3: one number sends one utility template to every recipient at 80 per second',
    policy: 'meta-2025-10',
    horizonDays: 1,
    seed: SEED,
    portfolio: {
      verified: true,
      startTier: 'TIER_UNLIMITED',
      numbers: [{ id: 'bench', channel: 'cloud-api', country: 'US', ageDays: 900 }],
    },
    templates: [{ id: 'bench-update', category: 'utility', quality: 'HIGH', personalized: true, branded: true }],
    audience: {
      segments: [
        {
          id: 'everyone',
          size: n,
          optIn: 'explicit',
          readProbability: 1,
          readDelay: { exponential: { mean: 600 } },
          replyProbability: 0.3,
          replyDelay: { exponential: { mean: 3600 } },
          blockProbability: 0.01,
          blockDelay: { exponential: { mean: 900 } },
          reportProbability: 0,
          stopProbability: 0,
          inboundPerDay: 0,
        },
      ],
    },
    campaigns: [{ id: 'all', template: 'bench-update', segment: 'everyone', startHour: 0 }],
    strategies: ['blast'],
  };
}

/**
 * The validated plan for `n` recipients and the `blast` strategy, as the CLI would build them.
 * @throws {UserInputError} if the scenario above stops validating (a bench bug)
 * @example const [plan, strategy] = await benchPlan(1000);
 */
export async function benchPlan(n: number): Promise<[VariantPlan, ResolvedStrategy]> {
  const scenario = validateScenarioData(benchScenario(n), { file: 'bench', strategyNames: ['blast'] });
  const [strategy] = await resolveStrategies(['blast'], 'bench');
  return [{ name: 'base', scenario, policy: 'meta-2025-10', overrides: {} }, strategy];
}

/**
 * Measures workload 3 at `n` recipients against workload 2's reference at the same `n`, both
 * treated alike: `warmup` untimed runs of each, then `reps` timed runs of each, alternating (so a
 * slow spell on the machine hits both sides), best counts. Peak RSS is that of the whole process
 * (the reference adds a few MB of typed arrays).
 * @example await benchFullModel(200_000, 2, 5)
 */
export async function benchFullModel(n: number, warmup: number, reps: number): Promise<Row> {
  const [plan, strategy] = await benchPlan(n);
  const session = createRunSession();
  let events = 0;
  let sends = 0;
  const engineRun = (): number => {
    const result = runOnce(plan, strategy, SEED, { session });
    sends = result.summary.accepted;
    return (events = result.events);
  };
  const referenceRun = (): number => campaignReference(n);
  for (let i = 0; i < warmup; i++) {
    engineRun();
    referenceRun();
  }
  const engineSeconds: number[] = [];
  const referenceSeconds: number[] = [];
  let referenceEvents = 0;
  for (let i = 0; i < reps; i++) {
    const [, e] = timeOnce(engineRun);
    engineSeconds.push(e);
    const [count, r] = timeOnce(referenceRun);
    referenceEvents = count;
    referenceSeconds.push(r);
  }
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  const engine = summarise(events, engineSeconds);
  const reference = summarise(referenceEvents, referenceSeconds);
  const per = (count: number, sent: number): string => (count / sent).toFixed(2);
  return engineRow(`full model, blast (${n.toLocaleString('en-US')} recipients)`, engine, reference, 0.5, [
    `full model: ${events.toLocaleString('en-US')} events dispatched for ${sends.toLocaleString('en-US')} accepted sends (${per(events, sends)} per send; line 2: ${per(reference.events, n)})`,
    `full model: wall time ${engine.best.toFixed(3)} s best, ${engine.median.toFixed(3)} s median of ${reps} runs after ${warmup} warm-ups, alternating with the reference (runOnce end to end, world build and summary included)`,
    `full model: peak RSS ${peakRssMb.toFixed(0)} MB (maxRSS of its own node process, runtime and reference included)`,
  ]);
}
