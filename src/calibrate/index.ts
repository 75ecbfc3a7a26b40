/**
 * `wabasim calibrate`: a team's webhook log (and optional send log) → observable audience
 * parameters with uncertainty, a scenario fragment or complete scenario, the hidden-rate
 * inference's input (and its posterior, when an inference is passed), and the HTML report.
 *
 *   send log ──readSends──┐
 *   webhook logs ──readLogs──▶ Accumulator ──observables──▶ estimates ──▶ calibrated.json
 *                               └─ EvidenceTally ──▶ HiddenEvidence ──inferHidden?──▶ HiddenPosterior
 *                                                                  └──────────────▶ calibration.html
 */
import { randomBytes } from 'node:crypto';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { UserInputError, calibrateMsg } from '../errors/index.js';
import { readJsonFile, validateScenarioData, type Scenario } from '../scenario/index.js';
import { BUILTIN_NAMES } from '../strategies/index.js';
import { Accumulator } from './accumulate.js';
import { phoneHasher } from './hash.js';
import type { HiddenEvidence } from './evidence.js';
import type { HiddenInferenceInput, HiddenPosterior, InferHiddenRates } from './hidden-types.js';
import { observables, type Observables } from './observables.js';
import { readLogs, readSends, type OnBytes } from './read-log.js';
import { emptySummary, type ReadSummary } from './read-summary.js';
import { fragment, mergeIntoBase, minimalScenario, withHiddenRates } from './scenario.js';

export interface CalibrateOptions {
  /** Webhook log files (JSON Lines). */
  readonly logs: readonly string[];
  /** Send log (JSON Lines of {time, request, response}). */
  readonly sends?: string;
  /** Dotted field of the send request that names the segment (needs `sends`). */
  readonly segmentBy?: string;
  /** Base scenario: calibrated.json becomes it with the segments merged. */
  readonly scenario?: string;
  /** Days a delivered message waits for its read or reply before it is dropped from memory (default 7). */
  readonly windowDays?: number;
  /** Passed to the hidden-rate inference. */
  readonly simulations?: number;
  readonly seed?: number;
  readonly progress?: (done: number, total: number) => void;
  /** Hears how far reading the logs got: bytes read of the logs' total. */
  readonly readProgress?: (bytes: number, total: number) => void;
  /**
   * Salt of the phone-number hash (default: 16 random bytes per call). Hashes are never written;
   * the salt only keeps them unlinkable between calls.
   */
  readonly salt?: Buffer;
  /**
   * Worker threads: parse workers for large logs (default: one per core, at most 4, none on one
   * core) and the hidden-rate inference's simulation workers (default: its own, one per core); 0
   * keeps both on the main thread. The results are the same either way.
   */
  readonly workers?: number;
}

/** Parse workers by default: one per core (the main thread's share, the counting, is the smaller), at most 4. */
export function defaultWorkers(): number {
  const cores = availableParallelism();
  return cores < 2 ? 0 : Math.min(4, cores);
}

/** Everything `calibrate` found. */
export interface Calibration {
  readonly summary: ReadSummary;
  readonly observables: Observables;
  readonly evidence: HiddenEvidence;
  /** What calibrated.json holds: the fragment, or the complete merged scenario with `--scenario`. */
  readonly output: object;
  readonly complete: boolean;
  /** The hidden-rate inference's input (a valid scenario and the evidence). */
  readonly hiddenInput: HiddenInferenceInput;
  /** The inference's posterior; undefined when none was passed (or it failed: `hiddenError`). */
  readonly hidden?: HiddenPosterior;
  readonly hiddenError?: string;
  /** Counts of what could not be attributed (orphan statuses, duplicates). */
  readonly unused: Accumulator['unused'];
}

/** Adds up the bytes read for `progress`, against the logs' total size (a pipe counts 0). */
function bytesRead(logs: readonly string[], progress: CalibrateOptions['readProgress']): OnBytes | undefined {
  if (!progress) return undefined;
  const total = logs.reduce((sum, f) => sum + sizeOf(f), 0);
  let read = 0;
  return (bytes) => progress((read += bytes), total);
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0; // unreadable: the reader says so
  }
}

/**
 * Calibrates from the logs in `opts`; with `inferHidden`, also infers the hidden rates.
 * @throws {UserInputError} for unreadable or wrong files, no valid line, no delivered template
 *   message, a bad flag, or a base scenario that does not validate (before or after the merge)
 * @example const c = await calibrate({ logs: ['examples/webhooks.jsonl'] }); c.observables.segments[0].readProbability?.mean
 */
export async function calibrate(opts: CalibrateOptions, inferHidden?: InferHiddenRates): Promise<Calibration> {
  if (opts.segmentBy !== undefined && opts.sends === undefined) throw new UserInputError([calibrateMsg.segmentByWithoutSends(opts.segmentBy)]);
  if (opts.segmentBy !== undefined && !/^[A-Za-z0-9_$-]+(\.[A-Za-z0-9_$-]+)*$/.test(opts.segmentBy)) throw new UserInputError([calibrateMsg.badSegmentBy(opts.segmentBy)]);
  // the base as written (merged and written without the defaults validation fills in), validated first for clear errors
  const base = opts.scenario === undefined ? undefined : (readJsonFile(opts.scenario) as Scenario);
  if (opts.scenario !== undefined) validateScenarioData(base, { file: opts.scenario, strategyNames: BUILTIN_NAMES });
  const defaultSegment = opts.segmentBy === undefined ? (base?.audience.segments.length === 1 ? base.audience.segments[0].id : 'all') : 'unsegmented';
  const salt = opts.salt ?? randomBytes(16);
  const acc = new Accumulator({ hash: phoneHasher(salt), windowSeconds: (opts.windowDays ?? 7) * 86_400, defaultSegment });
  const summary = emptySummary(opts.logs);
  if (opts.sends !== undefined) await readSends(opts.sends, acc, summary, opts.segmentBy, defaultSegment);
  await readLogs(opts.logs, acc, summary, { workers: opts.workers ?? defaultWorkers(), salt }, bytesRead(opts.logs, opts.readProgress));
  if (summary.payloads === 0) {
    const f = summary.firstMalformed[0];
    throw new UserInputError([calibrateMsg.nothingValid(opts.logs, summary.malformed, f ? `${f.file}:${f.line}: ${f.why}` : '')]);
  }
  const obs = observables(acc);
  if (!obs.segments.some((s) => s.delivered > 0)) throw new UserInputError([calibrateMsg.noTemplateMessages(opts.logs)]);
  const templates = acc.groups.filter((g) => !g.template.endsWith(':service') && g.hours.size > 0).map((g) => ({
    name: g.template,
    category: g.category ?? (g.template.startsWith('category:') ? g.template.slice('category:'.length) : 'marketing'),
    delivered: [...g.hours.values()].reduce((s, b) => s + b.delivered, 0),
    segment: acc.segments[g.segment],
  }));
  const file = opts.scenario ?? 'calibrated.json';
  const merged = base ? mergeIntoBase(base, obs) : undefined;
  // the written scenario must validate: a failure here is a bug or a base the merge cannot fit, reported as such
  const scenario: Scenario = validateScenarioData(merged ?? minimalScenario(obs, acc.numberIds.size, templates), { file, strategyNames: BUILTIN_NAMES });
  const evidence = acc.evidence.evidence();
  const hiddenInput: HiddenInferenceInput = { scenario, observed: evidence, simulations: opts.simulations, seed: opts.seed, progress: opts.progress, workers: opts.workers };
  let hidden: HiddenPosterior | undefined;
  let hiddenError: string | undefined;
  if (inferHidden) {
    try {
      hidden = await inferHidden(hiddenInput);
    } catch (err) {
      if (err instanceof UserInputError) throw err;
      hiddenError = err instanceof Error ? err.message : String(err);
    }
  }
  const written = (merged ?? fragment(obs)) as Record<string, unknown>;
  const output = hidden ? withHiddenRates(written, hidden) : written;
  return { summary, observables: obs, evidence, output, complete: merged !== undefined, hiddenInput, hidden, hiddenError, unused: acc.unused };
}

export { phoneHasher } from './hash.js';
export type { HiddenPosterior, InferHiddenRates, HiddenInferenceInput } from './hidden-types.js';
