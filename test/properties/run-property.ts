/** Runs one random scenario with a trace and returns its violations (shared by the tests and the soak). */
import type { TraceRecord } from '../../src/model/index.js';
import { planVariants, validateScenarioData } from '../../src/scenario/index.js';
import { resolveStrategies, runOnce } from '../../src/run/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';
import { violations } from './checks.js';
import type { StrategyDefinition } from '../../src/strategies/index.js';

/**
 * A test-only sender that hammers the first three recipients of each campaign with `perSecond`
 * sends a second for two minutes — the traffic that exercises pair-rate and throughput limits.
 */
function hammerStrategy(perSecond: number): StrategyDefinition {
  return {
    name: 'hammer',
    description: 'test',
    source: 'test',
    params: {},
    create: () => ({
      onCampaignStart(api, c) {
        for (let k = 0; k < 120; k++) api.wakeAt(c.startAt + k * 1000, c.id);
      },
      onWake(api, id) {
        const c = api.campaigns().find((x) => x.id === id)!;
        for (let i = 0; i < perSecond; i++) api.sendTemplate(c.number, c.first + (i % Math.min(3, c.count)), c.template);
      },
    }),
  };
}

/** Simulates `data` with `seed`; returns violations (and checks byte-identical repeat when `repeat`). */
export async function checkScenario(data: Record<string, unknown>, seed: number, repeat = false): Promise<string[]> {
  const { hammer: _, ...scenarioData } = data;
  const s = validateScenarioData(scenarioData, { file: 'property', strategyNames: BUILTIN_NAMES });
  const [variant] = planVariants(s, { file: 'property', strategyNames: BUILTIN_NAMES });
  const hammer = data.hammer as number | undefined;
  const [strategy] = hammer ? [{ label: 'hammer', definition: hammerStrategy(hammer), params: {} }] : await resolveStrategies(s.strategies, 'property');
  const trace: TraceRecord[] = [];
  const result = runOnce(variant, strategy, seed, { trace: (r) => void trace.push(r) });
  const found = violations(s, trace, result);
  if (repeat && JSON.stringify(runOnce(variant, strategy, seed)) !== JSON.stringify(result)) found.push('the same seed gave different results');
  return found;
}
