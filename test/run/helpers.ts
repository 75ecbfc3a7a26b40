/** Shared helpers for run-level tests: a small scenario and a traced run. */
import type { TraceRecord } from '../../src/model/index.js';
import { planVariants, validateScenarioData, type Scenario } from '../../src/scenario/index.js';
import { resolveStrategies, runOnce, type RunResult } from '../../src/run/index.js';

/** A small valid scenario; `patch` replaces top-level keys. */
export function smallScenario(patch: Record<string, unknown> = {}): Scenario {
  const data = {
    name: 'small',
    horizonDays: 3,
    portfolio: { numbers: [{ id: 'a' }, { id: 'b' }] },
    templates: [{ id: 'promo', category: 'marketing' }],
    audience: { segments: [{ id: 'list', size: 2000, inboundPerDay: 0.2, replyProbability: 0.2, blockProbability: 0.01 }] },
    campaigns: [
      { id: 'c1', template: 'promo', segment: 'list', number: 'a', startHour: 1 },
      { id: 'c2', template: 'promo', segment: 'list', number: 'b', startHour: 30 },
    ],
    strategies: ['blast'],
    ...patch,
  };
  return validateScenarioData(data, { file: 'test', strategyNames: ['blast'] });
}

/** Runs the first variant of `s` with `strategy` and seed, collecting the trace. */
export async function tracedRun(s: Scenario, seed: number, strategy = 'blast'): Promise<{ result: RunResult; trace: TraceRecord[] }> {
  const [variant] = planVariants(s, { file: 'test', strategyNames: ['blast'] });
  const [resolved] = await resolveStrategies([strategy], 'test');
  const trace: TraceRecord[] = [];
  const result = runOnce(variant, resolved, seed, { trace: (r) => void trace.push(r) });
  return { result, trace };
}

/** Replaces the value at JSON `pointer` in `data` by `f(old)`: how tests edit a parsed results or shard file. */
export function edit(data: unknown, pointer: string, f: (old: unknown) => unknown): void {
  const keys = pointer.split('/').slice(1);
  const last = keys.pop() as string;
  let at = data as Record<string, unknown>;
  for (const key of keys) at = at[key] as Record<string, unknown>;
  at[last] = f(at[last]);
}
