/**
 * The run context handed to every model handler: the simulation, the world, metrics, named random
 * streams, the strategy being run and an optional trace sink. Passed explicitly, never global.
 */
import type { KeyedUniforms, Rng, Simulation } from '../engine/index.js';
import type { Collector } from '../metrics/collector.js';
import type { ModelEvent } from './events.js';
import type { InFlightMessages } from './messages.js';
import type { SenderApi, Strategy } from './observable.js';
import type { Feedback, World } from './state/index.js';

/** One traced occurrence: time, kind and the key fields (tests assert on traces, SimPy-style). */
export interface TraceRecord {
  readonly t: number;
  readonly kind: string;
  readonly [field: string]: unknown;
}

/**
 * What a run's strategy used of what the scenario declares (issue 22 item 5): sends per number
 * index, and calls that read recipients' local time or attributes. Counted in the SenderApi
 * facade (strategy-host.ts; one typed-array increment per send); `wabasim run` warns about
 * declarations never used.
 */
export interface ApiUsage {
  readonly sends: Uint32Array;
  localTime: number;
  attributes: number;
}

export interface RunContext {
  readonly sim: Simulation<ModelEvent>;
  readonly world: World;
  readonly metrics: Collector;
  /** Named streams, one per subsystem: 'reactions', 'delivery', 'inbound', 'strategy', … */
  readonly streams: {
    /** A user's reactions to their k-th delivered template, addressed by (user, k): the same in every strategy and variant of a seed. */
    readonly reactions: KeyedUniforms;
    readonly delivery: Rng;
    readonly inbound: Rng;
    /** Other brands' marketing a user got, addressed by (user, k-th marketing check): common across strategies too. */
    readonly marketing: KeyedUniforms;
    readonly graph: Rng;
    readonly coexistence: Rng;
    readonly enforcement: Rng;
  };
  readonly strategy: Strategy;
  readonly api: SenderApi;
  /** What the strategy used of the scenario's declarations, counted by the API (strategy-host.ts ApiUsage). */
  readonly usage: ApiUsage;
  /** Called for every traced occurrence when set (tests, `wabasim events`). */
  readonly trace?: (record: TraceRecord) => void;
  /** Accepted messages with events pending (delivery, then the recipient's reactions), as event data. */
  readonly messages: InFlightMessages;
  /** Scratch for drawing a recipient's reaction (recipients.ts drawFeedback). */
  readonly feedback: Feedback;
  /** Next message id. */
  nextMessageId: number;
  /** Accepted messages not yet delivered or failed. */
  inFlight: number;
}

/**
 * What emitting a webhook needs (webhooks.ts): the world (for payloads), the clock, metrics, the
 * trace, and the strategy with its API.
 */
export type EmitterContext = Pick<RunContext, 'sim' | 'world' | 'metrics' | 'trace' | 'strategy' | 'api'>;

/**
 * What a mechanism that never handles messages in flight may use: the emitter's services and the
 * named random streams — not the in-flight table, message ids, the accepted-message count or the
 * reaction scratch (those are delivery's, pacing's and the reactions'). Its writes into the world
 * are its own slice's (test/architecture/ownership.test.ts).
 */
export type MechanismContext = EmitterContext & Pick<RunContext, 'streams'>;
