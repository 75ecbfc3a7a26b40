/**
 * One served run: the model of the scenario's first variant under one seed, driven by HTTP
 * requests instead of a strategy. The served client is the strategy `http-client`: it has no
 * plan of its own (campaign starts are ignored) and acts only through the SenderApi when a
 * request arrives, at the current simulated time. What it observes — status updates, inbound
 * messages, management webhooks — leaves through the model's trace sink in Meta's payload shapes
 * (model/webhooks.ts), exactly as `wabasim events` writes them.
 *
 *   request ─▶ sync (run the model to the clock's time) ─▶ SenderApi call ─▶ response
 *   model events ─▶ trace (kind 'webhook') ─▶ onWebhook(payload) ─▶ webhook sender
 */
import { streamFactory } from '../engine/index.js';
import { PROFILES, resolvePolicy, type ProfileId } from '../policy/index.js';
import { buildWorld, runUntil, startRun, type RunContext, type Strategy, type TraceRecord, type World } from '../model/index.js';
import type { VariantPlan } from '../scenario/index.js';

/** The name the served client has in results. */
export const HTTP_CLIENT = 'http-client';

/** The served client as a strategy: it sends only when requests arrive. */
export function httpClientStrategy(): Strategy {
  return { onCampaignStart() {} };
}

export interface SessionOptions {
  /** Receives each webhook payload (Meta's shape) as the model emits it. */
  readonly onWebhook?: (payload: object, t: number) => void;
  /** Receives every traced occurrence (the event log). */
  readonly onTrace?: (record: TraceRecord) => void;
}

export interface Session {
  readonly variant: VariantPlan;
  readonly seed: number;
  readonly ctx: RunContext;
  readonly world: World;
  /** Runs the model up to simulated ms `t` (at most the horizon); events due at `t` run too. */
  syncTo(t: number): void;
  /** Runs until no accepted message has an event pending (delivery, read, reply…) or the horizon; true if idle. */
  runUntilIdle(): boolean;
  /** No accepted message has an event pending. */
  idle(): boolean;
}

/**
 * Builds the world of `variant` for `seed` and starts the run with the http-client strategy.
 * Random streams are the same as `runOnce`'s for that seed (engine streamFactory).
 * @example const s = createSession(planVariants(scenario, ctx)[0], 1)
 */
export function createSession(variant: VariantPlan, seed: number, opts: SessionOptions = {}): Session {
  const streamFor = streamFactory(seed);
  const policy = resolvePolicy(PROFILES[variant.policy as ProfileId], variant.overrides, streamFor);
  const world = buildWorld(variant.scenario, policy, streamFor);
  const { onWebhook, onTrace } = opts;
  const trace =
    onWebhook || onTrace
      ? (r: TraceRecord): void => {
          onTrace?.(r);
          if (onWebhook && r.kind === 'webhook') onWebhook(r.payload as object, r.t);
        }
      : undefined;
  const ctx = startRun(variant.scenario, world, streamFor, httpClientStrategy, { trace, keepMessageIds: true });
  const idle = (): boolean => ctx.inFlight === 0 && ctx.messages.live === 0;
  return {
    variant,
    seed,
    ctx,
    world,
    syncTo(t) {
      runUntil(ctx, t);
    },
    runUntilIdle() {
      while (!idle()) {
        const next = ctx.sim.nextAt;
        if (!(next <= world.horizon)) {
          runUntil(ctx, world.horizon);
          break;
        }
        runUntil(ctx, next);
      }
      return idle();
    },
    idle,
  };
}
