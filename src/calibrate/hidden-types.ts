/**
 * The contract between the log reader (src/calibrate/, which measures what webhooks show) and the
 * hidden-rate inference (src/calibrate/hidden/, which runs the simulator inside an approximate
 * Bayesian computation to infer what they cannot show: block and report rates).
 */
import type { Scenario } from '../scenario/index.js';
import type { HiddenEvidence } from './evidence.js';

/** What the inference needs. */
export interface HiddenInferenceInput {
  /**
   * A complete, valid scenario standing for the team's sending: its audience carries the
   * calibrated observable parameters (read, reply, STOP, inbound rates and delays), its portfolio
   * the numbers seen, its horizon the log's span. The inference varies the hidden parameters of
   * its segments and replays the observed volume (`observed.deliveredPerDay`).
   */
  readonly scenario: Scenario;
  /** The consequences counted from the team's webhooks. */
  readonly observed: HiddenEvidence;
  /** Simulations to run (default: the inference's own; fewer for tests). */
  readonly simulations?: number;
  /** Seed of the inference's own random streams (prior draws, run seeds). */
  readonly seed?: number;
  /** Called after each simulation, for a progress line. */
  readonly progress?: (done: number, total: number) => void;
  /** Worker threads for the simulations (default: one per core, at most 8; 0 = this thread). The posterior is the same for any count. */
  readonly workers?: number;
}

/** One hidden parameter's posterior. */
export interface HiddenParameterPosterior {
  /** Segment property it belongs to, e.g. 'blockProbability', 'reportProbability'. */
  readonly name: string;
  /** The plausible range the prior spans (uniform on it, or log-uniform: `prior.scale`). */
  readonly prior: { readonly min: number; readonly max: number; readonly scale: 'linear' | 'log' };
  /** False when the data cannot tell values in the prior apart (the posterior is about as wide as the prior). */
  readonly identified: boolean;
  readonly mean: number;
  readonly median: number;
  /** 95% credible interval. */
  readonly lo95: number;
  readonly hi95: number;
  /** Accepted values (for the report's posterior chart). */
  readonly samples: readonly number[];
  /** One plain sentence: what the data said about it, or why it cannot tell. */
  readonly why: string;
}

/** What the inference found. */
export interface HiddenPosterior {
  readonly method: string;
  readonly simulations: number;
  readonly accepted: number;
  readonly parameters: readonly HiddenParameterPosterior[];
  /** The summaries compared, observed and simulated (the accepted draws' values), for the report. */
  readonly summaries: readonly { readonly name: string; readonly observed: number; readonly simulated: readonly number[] }[];
}

/** The inference, as the calibrate command calls it. */
export type InferHiddenRates = (input: HiddenInferenceInput) => Promise<HiddenPosterior>;
