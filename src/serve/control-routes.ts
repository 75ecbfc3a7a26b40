/**
 * Control routes under /_wabasim/ — for the user's tests, never seen by sending code:
 *   POST /_wabasim/clock/advance {"seconds": N}   move simulated time, delivering what falls due → {"now"}
 *   POST /_wabasim/clock/run {"until": "idle"}    run until no accepted message has an event pending → {"now", "idle"}
 *   GET  /_wabasim/state                          the simulator's view (hidden state included)
 *   GET  /_wabasim/audience?limit=N&offset=K      {"users": [{"wa_id", "segment"}]}
 *   POST /_wabasim/shutdown                       handled by the server (outputs, then exit)
 */
import { phoneNumberFields, summarize, waId } from '../model/index.js';
import { invalidParameter } from './graph-errors.js';
import type { ServeContext } from './graph-routes.js';
import { errorReply, json, type Reply } from './reply.js';

/** Most users one audience page returns. */
export const MAX_AUDIENCE_PAGE = 10_000;
const DEFAULT_AUDIENCE_PAGE = 100;

/** Simulated time `t` (ms since the start) as ISO-8601. */
export function isoAt(c: ServeContext, t: number): string {
  return new Date(c.session.world.epoch + t).toISOString();
}

/** The seconds of an advance body, or an error message. */
export function advanceSeconds(body: unknown): number | string {
  const seconds = typeof body === 'object' && body !== null ? (body as { seconds?: unknown }).seconds : undefined;
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : 'Body must be {"seconds": N} with N a finite number ≥ 0';
}

/** Checks a clock/run body: only {"until": "idle"} is known. */
export function runBodyError(body: unknown): string | undefined {
  const until = typeof body === 'object' && body !== null ? (body as { until?: unknown }).until : undefined;
  return until === 'idle' ? undefined : 'Body must be {"until": "idle"}';
}

/** GET /_wabasim/state: time, numbers as the model sees them, templates, messages in flight and the run summary so far. */
export function state(c: ServeContext, extra: Record<string, unknown>): Reply {
  const { world, ctx } = c.session;
  const now = ctx.sim.now;
  return json(200, {
    now: isoAt(c, now),
    simulatedSeconds: now / 1000,
    horizon: isoAt(c, world.horizon),
    horizonReached: now >= world.horizon,
    idle: c.session.idle(),
    inFlight: ctx.inFlight,
    seed: c.session.seed,
    variant: c.session.variant.name,
    wabaId: world.portfolio.wabaId,
    numbers: world.numbers.map((n) => ({ ...phoneNumberFields(world, n, now), phoneNumberId: n.phoneNumberId, displayPhoneNumber: n.displayPhoneNumber, throughputMps: n.throughput.mps })),
    templates: world.templates.map((t) => ({ id: t.id, category: t.category, status: t.status, quality: t.quality, pauses: t.pauses })),
    summary: summarize(ctx),
    ...extra,
  });
}

/** GET /_wabasim/audience: the simulated users a sender may address, a page at a time. */
export function audience(c: ServeContext, query: URLSearchParams): Reply {
  const world = c.session.world;
  const limit = intParam(query.get('limit'), DEFAULT_AUDIENCE_PAGE);
  const offset = intParam(query.get('offset'), 0);
  if (limit === undefined || limit < 1 || limit > MAX_AUDIENCE_PAGE) return errorReply(invalidParameter(`limit must be an integer in [1, ${MAX_AUDIENCE_PAGE}]`, c.nextTraceId()));
  if (offset === undefined || offset < 0) return errorReply(invalidParameter('offset must be an integer ≥ 0', c.nextTraceId()));
  const users: { wa_id: string; segment: string }[] = [];
  const end = Math.min(world.audience.size, offset + limit);
  for (let i = offset; i < end; i++) users.push({ wa_id: waId(i), segment: world.audience.segments[world.audience.segmentOf[i]].id });
  return json(200, { users, total: world.audience.size });
}

function intParam(raw: string | null, fallback: number): number | undefined {
  if (raw === null) return fallback;
  return /^[0-9]+$/.test(raw) ? Number(raw) : undefined;
}
