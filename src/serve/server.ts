/**
 * `startServer`: the model behind a local Cloud API (PRODUCT.md "wabasim serve").
 *
 *   1. load + validate the scenario; plan its variants; take the first
 *   2. start a session (session.ts): world, run context, the http-client strategy
 *   3. listen (node:http, 127.0.0.1 unless told otherwise); for each request:
 *        read the body (capped) ─▶ bring the model to the clock's time ─▶ route ─▶ reply
 *      model webhooks ─▶ webhook sender (signed, in order, retried)
 *   4. close (shutdown route, signal or the library's close()): stop listening, flush webhooks,
 *      write results.json + report.html into `out` together, close the event log
 *
 * node:http with a small router: four Graph routes and five control routes need no framework,
 * and a framework's per-request overhead would count against the bench's sends per second.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatIssue, msg, UserInputError } from '../errors/index.js';
import type { TraceRecord } from '../model/index.js';
import { loadScenario, planVariants, validateScenarioData, type Scenario } from '../scenario/index.js';
import { BUILTIN_NAMES } from '../strategies/index.js';
import { createClock, parseClock, type ClockSpec } from './clock.js';
import { advanceSeconds, audience, isoAt, runBodyError, state } from './control-routes.js';
import { fbtraceId, graphError, invalidParameter, unknownObject } from './graph-errors.js';
import { getPhoneNumber, listTemplates, sendMessage, verifyWebhook, type ServeContext } from './graph-routes.js';
import { errorReply, json, type Reply } from './reply.js';
import { createSession } from './session.js';
import { writeSessionOutputs } from './session-results.js';
import { createWebhookSender, verifyReceiver, type RetryPolicy, type WebhookSender } from './webhook-sender.js';

/** Wall ms a clock route waits for the webhooks of what fell due to be delivered before it answers (a failing receiver's retries go on after). */
export const WEBHOOK_WAIT_MS = 10_000;

/** Largest request body accepted (1 MiB); a larger one gets 413 with a Graph-style error. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface ServeOptions {
  /** Port to listen on (default 0: any free port; the handle's url names it). */
  readonly port?: number;
  /** Interface to bind (default 127.0.0.1). */
  readonly host?: string;
  /** `manual` (default) or `speed:N`. */
  readonly clock?: ClockSpec | string;
  /** Where webhooks are POSTed. */
  readonly webhook?: string;
  /** Signs webhooks (X-Hub-Signature-256). */
  readonly appSecret?: string;
  /** The token the verification handshake expects. */
  readonly verifyToken?: string;
  /** When set, Graph routes require `Authorization: Bearer <token>` (else 401, code 190). */
  readonly accessToken?: string;
  /** Directory results.json and report.html are written into on shutdown (none: nothing written). */
  readonly out?: string;
  /** Run seed (default the scenario's `seed`). */
  readonly seed?: number;
  /** File the event log (JSON Lines, as `wabasim events`) is written to. */
  readonly events?: string;
  /** The scenario's file name for messages when `scenario` is data. */
  readonly file?: string;
  /** Webhook back-off (default webhook-sender.ts DEFAULT_RETRY). */
  readonly webhookRetry?: RetryPolicy;
  /** Called after the shutdown route wrote the outputs (or failed to: `error`) and the server stopped (the CLI exits 0, or 2). */
  readonly onShutdown?: (error?: unknown) => void;
  /** Notes for the operator (a webhook given up); default stderr. */
  readonly log?: (line: string) => void;
}

export interface ServedNumber {
  /** The scenario's number id. */
  readonly id: string;
  readonly phoneNumberId: string;
  readonly displayPhoneNumber: string;
}

export interface ServerHandle {
  readonly url: string;
  readonly numbers: readonly ServedNumber[];
  readonly wabaId: string;
  /** Stops the server, flushes webhooks and writes the outputs (when `out` is set); resolves to their paths. */
  close(): Promise<{ results: string; report: string } | undefined>;
}

/**
 * Starts the served model of `scenario` (a file path, or scenario data validated like a file).
 * @throws {UserInputError} a bad scenario or option (a port in use, a bad clock)
 * @example const { url, numbers, close } = await startServer('scenarios/default.json', { clock: 'manual' });
 */
export async function startServer(scenario: string | object, options: ServeOptions = {}): Promise<ServerHandle> {
  // 1. load, validate, first variant
  const file = typeof scenario === 'string' ? scenario : (options.file ?? '<scenario>');
  const validated: Scenario = typeof scenario === 'string' ? loadScenario(scenario, BUILTIN_NAMES) : validateScenarioData(scenario, { file, strategyNames: BUILTIN_NAMES });
  const variant = planVariants(validated, { file, strategyNames: BUILTIN_NAMES })[0];
  const clockSpec = typeof options.clock === 'string' ? parseClock(options.clock) : (options.clock ?? { kind: 'manual' as const });
  if (!clockSpec) throw new UserInputError([msg.badFlag('--clock', 'manual or speed:N (N > 0 simulated seconds per wall second)', options.clock)]);
  const seed = options.seed ?? validated.seed;
  const log = options.log ?? ((line: string) => void process.stderr.write(`wabasim serve: ${line}\n`));
  // 2. the session, its webhooks and event log
  const sender: WebhookSender | undefined =
    options.webhook === undefined ? undefined : createWebhookSender({ url: options.webhook, appSecret: options.appSecret, retry: options.webhookRetry, lanes: clockSpec.kind === 'manual' ? 1 : SPEED_LANES, onGiveUp: (_body, reason) => log(`webhook given up after retries (${reason})`) });
  const eventsFd = options.events === undefined ? undefined : openSync(options.events, 'w');
  let epoch = 0;
  const onTrace = eventsFd === undefined ? undefined : (r: TraceRecord): void => void writeSync(eventsFd, `${JSON.stringify({ time: new Date(epoch + r.t).toISOString(), ...r })}\n`);
  const session = createSession(variant, seed, { onWebhook: sender && ((payload) => sender.enqueue(JSON.stringify(payload), webhookKey(payload))), onTrace });
  epoch = session.world.epoch;
  const clock = createClock(clockSpec);
  let errors = 0;
  const c: ServeContext = {
    session,
    numberByPhoneId: new Map(session.world.numbers.map((n) => [n.phoneNumberId, n])),
    verifyToken: options.verifyToken,
    nextTraceId: () => fbtraceId(++errors),
  };
  const sync = (): void => {
    const target = clock.target();
    if (target > session.ctx.sim.now) session.syncTo(target);
  };
  const manual = clockSpec.kind === 'manual';
  /** Whether the receiver passed the verification request (undefined: none was made). */
  let webhookVerified: boolean | undefined;

  // 4. closing: once, whatever asks first
  let finishing: Promise<{ results: string; report: string } | undefined> | undefined;
  const finish = (): Promise<{ results: string; report: string } | undefined> =>
    (finishing ??= (async () => {
      clearInterval(ticker);
      if (sender) {
        await sender.idle(5_000);
        await sender.close();
      }
      try {
        return options.out === undefined ? undefined : await writeSessionOutputs(session, options.out);
      } finally {
        if (eventsFd !== undefined) closeSync(eventsFd);
      }
    })());
  const stopListening = (): Promise<void> =>
    new Promise((resume) => {
      server.close(() => resume());
      server.closeAllConnections();
    });

  // 3. routes
  async function route(req: IncomingMessage, url: URL, body: unknown): Promise<Reply | 'shutdown'> {
    const parts = url.pathname.split('/').filter((p) => p !== '');
    const method = req.method ?? 'GET';
    if (parts[0] === '_wabasim') {
      const path = parts.slice(1).join('/');
      sync();
      if (method === 'POST' && path === 'clock/advance') {
        const seconds = advanceSeconds(body);
        if (typeof seconds === 'string') return errorReply(invalidParameter(seconds, c.nextTraceId()));
        clock.advance(Math.round(seconds * 1000));
        session.syncTo(Math.max(session.ctx.sim.now, clock.target())); // events due now run too
        await sender?.idle(WEBHOOK_WAIT_MS);
        return json(200, { now: isoAt(c, session.ctx.sim.now) });
      }
      if (method === 'POST' && path === 'clock/run') {
        const bad = runBodyError(body);
        if (bad) return errorReply(invalidParameter(bad, c.nextTraceId()));
        const idle = session.runUntilIdle();
        clock.catchUp(session.ctx.sim.now);
        await sender?.idle(WEBHOOK_WAIT_MS);
        return json(200, { now: isoAt(c, session.ctx.sim.now), idle });
      }
      if (method === 'GET' && path === 'state') return state(c, { clock: manual ? 'manual' : `speed:${(clockSpec as { factor: number }).factor}`, webhooks: sender ? { ...sender.stats, verified: webhookVerified } : undefined });
      if (method === 'GET' && path === 'audience') return audience(c, url.searchParams);
      if (method === 'POST' && path === 'shutdown') return 'shutdown';
      return errorReply(graphError(100, c.nextTraceId(), { status: 404, message: `Unknown path components: ${url.pathname}`, details: 'Control routes: POST clock/advance, POST clock/run, GET state, GET audience, POST shutdown' }));
    }
    if (method === 'GET' && url.searchParams.has('hub.mode')) return verifyWebhook(c, url.searchParams);
    if (!/^v[0-9]+\.[0-9]+$/.test(parts[0] ?? '') || parts.length < 2) {
      return errorReply(graphError(100, c.nextTraceId(), { status: 404, message: `Unknown path components: ${url.pathname}`, details: 'Routes are /{version}/{object-id}[/edge], e.g. /v24.0/{phone-number-id}/messages' }));
    }
    if (options.accessToken !== undefined && req.headers.authorization !== `Bearer ${options.accessToken}`) return errorReply(graphError(190, c.nextTraceId()));
    sync();
    const [id, edge] = [parts[1], parts.slice(2).join('/')];
    if (method === 'POST' && edge === 'messages') return sendMessage(c, id, body);
    if (method === 'GET' && edge === '' && c.numberByPhoneId.has(id)) return getPhoneNumber(c, id, url.searchParams);
    if (method === 'GET' && edge === 'message_templates') return listTemplates(c, id, url.searchParams);
    return errorReply(unknownObject(method, id, c.nextTraceId()));
  }

  function send(res: ServerResponse, reply: Reply): void {
    if (manual) res.sendDate = false; // a manual-clock session replays byte for byte, headers included
    res.writeHead(reply.status, { 'content-type': reply.contentType, 'content-length': Buffer.byteLength(reply.body) });
    res.end(reply.body);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (raw === 'too-large') return send(res, errorReply(graphError(100, c.nextTraceId(), { status: 413, details: `Request body over ${MAX_BODY_BYTES} bytes` })));
    let url: URL;
    try {
      url = new URL(`http://wabasim.invalid${(req.url ?? '/').startsWith('/') ? req.url : `/${req.url}`}`);
    } catch {
      return send(res, errorReply(invalidParameter('The request path is not a valid URL path', c.nextTraceId())));
    }
    let body: unknown;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        return send(res, errorReply(invalidParameter('The request body is not valid JSON', c.nextTraceId())));
      }
    }
    const reply = await route(req, url, body);
    if (reply !== 'shutdown') return send(res, reply);
    let written: { results: string; report: string } | undefined;
    let failure: unknown;
    try {
      written = await finish();
    } catch (err) {
      failure = err;
    }
    res.on('finish', () => void stopListening().then(() => options.onShutdown?.(failure)));
    if (failure === undefined) send(res, json(200, written ? { shutdown: true, ...written } : { shutdown: true }));
    else send(res, errorReply(graphError(1, c.nextTraceId(), { details: `Outputs not written: ${failure instanceof UserInputError ? failure.issues.map(formatIssue).join('; ') : String(failure)}` })));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`internal error answering ${req.method} ${req.url}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent) send(res, errorReply(graphError(1, c.nextTraceId())));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 60_000;
  const ticker = setInterval(() => (manual ? undefined : sync()), 20);
  ticker.unref();
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resume, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      clearInterval(ticker);
      if (eventsFd !== undefined) closeSync(eventsFd);
      reject(err.code === 'EADDRINUSE' || err.code === 'EACCES' || err.code === 'EADDRNOTAVAIL' ? new UserInputError([msg.badFlag(err.code === 'EADDRNOTAVAIL' ? '--host' : '--port', 'a free port on an address of this machine', `${host}:${options.port ?? 0} (${err.code})`)]) : err);
    });
    server.listen(options.port ?? 0, host, () => resume());
  });
  // as Meta does when a callback URL is subscribed: the receiver must echo the challenge (a failure is reported, not fatal)
  if (options.webhook !== undefined && options.verifyToken !== undefined) {
    const why = await verifyReceiver(options.webhook, options.verifyToken, String(1_158_201_444 + seed));
    webhookVerified = why === undefined;
    if (why !== undefined) log(`the webhook receiver failed the verification request (${why}); webhooks are sent anyway`);
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    numbers: session.world.numbers.map((n) => ({ id: n.id, phoneNumberId: n.phoneNumberId, displayPhoneNumber: n.displayPhoneNumber })),
    wabaId: session.world.portfolio.wabaId,
    async close() {
      try {
        return await finish();
      } finally {
        if (server.listening) await stopListening();
      }
    },
  };
}

/**
 * Webhook lanes on a speed clock: each recipient's payloads stay in order, recipients' interleave.
 * A manual clock posts every payload in one order (one lane), so a session replays byte for byte.
 */
const SPEED_LANES = 8;

/** The recipient a webhook payload is about (a status's recipient_id, an inbound message's sender), else its field. */
function webhookKey(payload: object): string {
  const change = (payload as { entry?: { changes?: { field?: string; value?: { statuses?: { recipient_id?: string }[]; messages?: { from?: string }[] } }[] }[] }).entry?.[0]?.changes?.[0];
  return change?.value?.statuses?.[0]?.recipient_id ?? change?.value?.messages?.[0]?.from ?? change?.field ?? '';
}

/** The request body as text, or 'too-large' past MAX_BODY_BYTES (the rest is read and dropped). */
function readBody(req: IncomingMessage): Promise<string | 'too-large'> {
  return new Promise((resume, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    let size = 0;
    let tooLarge = declared > MAX_BODY_BYTES;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resume(tooLarge ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
