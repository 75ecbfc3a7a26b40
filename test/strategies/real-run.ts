/** Small real runs of a strategy through the model (runOnce), with the trace. */
import type { TraceRecord } from '../../src/model/index.js';
import { resolveStrategies, runOnce, type RunResult } from '../../src/run/index.js';
import { planVariants, validateScenarioData, type StrategyRef } from '../../src/scenario/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';
import { scenario } from '../model/helpers.js';

export { scenario, segment } from '../model/helpers.js';

/**
 * Runs `ref` on the scenario `patch` (over test/model/helpers' skeleton: one clean segment, one
 * HIGH marketing template, no portfolio pacing, trust restrictions off) with `seed`.
 */
export async function realRun(ref: StrategyRef, patch: Record<string, unknown>, seed = 1): Promise<{ result: RunResult; trace: TraceRecord[] }> {
  const s = validateScenarioData({ strategies: [ref], ...scenario(patch) }, { file: 'test', strategyNames: BUILTIN_NAMES });
  const [variant] = planVariants(s, { file: 'test', strategyNames: BUILTIN_NAMES });
  const [strategy] = await resolveStrategies([ref], 'test');
  const trace: TraceRecord[] = [];
  const result = runOnce(variant, strategy, seed, { trace: (r) => void trace.push(r) });
  return { result, trace };
}

/** Send attempts (accepted or refused) in a trace. */
export function attempts(trace: readonly TraceRecord[]): TraceRecord[] {
  return trace.filter((r) => r.kind === 'accepted' || r.kind === 'rejected');
}
