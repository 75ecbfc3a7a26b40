/**
 * The event log of one run (`wabasim events`): every traced occurrence as one JSON object per
 * line — sends, rejections, deliveries, feedback, quality and tier changes — and every webhook in
 * Meta's payload shape (`kind: "webhook"`, `field`, `payload`), so a user can replay the stream
 * into their own webhook handler.
 */
import { msg, UserInputError } from '../errors/index.js';
import type { TraceRecord } from '../model/index.js';
import { loadScenario, planVariants } from '../scenario/index.js';
import { BUILTIN_NAMES } from '../strategies/index.js';
import { runOnce } from './run-once.js';
import { resolveStrategies } from './strategies.js';
import type { CallbackMonitor } from './watchdog.js';

export interface EventLogOptions {
  /** A strategy of the scenario, by its label or name (with its scenario parameters), else a built-in name or module path. */
  readonly strategy: string;
  readonly seed: number;
  /** Variant name; default the first. */
  readonly variant?: string;
  /** Directories the scenario's strategy modules may also come from (--allow-strategy-path; by default only the scenario's own tree). */
  readonly allowStrategyPaths?: readonly string[];
  /** Receives each line (without newline). */
  readonly write: (line: string) => void;
  /** In a watched worker (event-log-worker.ts): where a user module reports its calls to the watchdog. */
  readonly monitor?: CallbackMonitor;
}

/**
 * Runs one variant × strategy × seed of the scenario in `file` and writes its event log.
 * @example await writeEventLog('scenarios/retry-131049.json', { strategy: 'blast + 131049 retry loop', seed: 1, write: console.log })
 * @throws {UserInputError} for a bad scenario, strategy or variant name
 */
export async function writeEventLog(file: string, opts: EventLogOptions): Promise<void> {
  const scenario = loadScenario(file, BUILTIN_NAMES);
  const variants = planVariants(scenario, { file, strategyNames: BUILTIN_NAMES });
  const variant = opts.variant === undefined ? variants[0] : variants.find((v) => v.name === opts.variant);
  if (!variant) throw new UserInputError([msg.badFlag('--variant', `one of ${variants.map((v) => JSON.stringify(v.name)).join(', ')}`, opts.variant)]);
  // the scenario's own strategy of that label or name keeps its params; else a name from the command line
  const index = variant.scenario.strategies.findIndex((ref) => (typeof ref === 'string' ? ref : (ref.label ?? ref.name)) === opts.strategy);
  const own = variant.scenario.strategies[index];
  const [strategy] = own ? await resolveStrategies([own], file, '/strategies', { allow: opts.allowStrategyPaths, first: index, monitor: opts.monitor }) : await resolveStrategies([opts.strategy], file, '--strategy', { monitor: opts.monitor });
  const epoch = Date.parse(variant.scenario.start);
  const trace = (r: TraceRecord): void => opts.write(JSON.stringify({ time: new Date(epoch + r.t).toISOString(), ...r }));
  opts.monitor?.setRun(epoch, opts.seed);
  runOnce(variant, strategy, opts.seed, { trace });
}
