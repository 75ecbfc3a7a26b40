/**
 * Shared by the serve tests: tiny scenarios that make one enforcement happen quickly, and a webhook
 * receiver that checks X-Hub-Signature-256 the way Meta's docs say ("Webhooks: validating
 * payloads": the HMAC-SHA256 of the raw payload with the app secret, compared with everything
 * after `sha256=` in the header).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const APP_SECRET = 'test-app-secret';
export const TOKEN = 'test-access-token';
export const VERIFY_TOKEN = 'verify-me';

/** A one-number, verified, TIER_100K portfolio with one template and a small audience; `patch` merges over it. */
export function tinyScenario(patch: {
  template?: Record<string, unknown>;
  segment?: Record<string, unknown>;
  portfolio?: Record<string, unknown>;
  overrides?: Record<string, unknown>;
  size?: number;
}): object {
  return {
    name: 'serve-test',
    policy: 'meta-2025-10',
    horizonDays: 3,
    seeds: 1,
    seed: 7,
    start: '2026-03-02T00:00:00Z',
    portfolio: { verified: true, startTier: 'TIER_100K', numbers: [{ id: 'line-1', channel: 'cloud-api', country: 'BR', ageDays: 400 }], ...patch.portfolio },
    templates: [{ id: 'offer', category: 'marketing', quality: 'HIGH', personalized: true, ...patch.template }],
    audience: {
      segments: [{ id: 'customers', size: patch.size ?? 200, optIn: 'explicit', readProbability: 0.8, replyProbability: 0.05, blockProbability: 0.001, marketingFromOthersPerDay: 0, inboundPerDay: 0, ...patch.segment }],
    },
    campaigns: [],
    strategies: ['blast'],
    ...(patch.overrides ? { overrides: patch.overrides } : {}),
  };
}

export interface Received {
  readonly raw: string;
  readonly signatureValid: boolean;
  readonly body: { entry: { changes: { field: string; value: Record<string, unknown> }[] }[] };
}

/** Meta's check: HMAC-SHA256 of the raw body with the app secret, hex, against the header after `sha256=`. */
export function validSignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * A webhook receiver on loopback: records every delivery (answering 200), or answers 500 to the
 * first `failFirst` requests (to exercise retries).
 */
export async function startReceiver(opts: { failFirst?: number } = {}): Promise<{ url: string; received: Received[]; attempts: () => number; waitFor: (pred: (r: readonly Received[]) => boolean, what: string) => Promise<void>; close: () => Promise<void> }> {
  const received: Received[] = [];
  let attempts = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const query = new URL(req.url ?? '/', 'http://receiver').searchParams;
      if (req.method === 'GET') {
        // Meta's verification request: echo the challenge when the verify token is ours
        const ok = query.get('hub.mode') === 'subscribe' && query.get('hub.verify_token') === VERIFY_TOKEN;
        res.writeHead(ok ? 200 : 403, { 'content-type': 'text/plain' }).end(ok ? query.get('hub.challenge') : 'Forbidden');
        return;
      }
      attempts++;
      if (attempts <= (opts.failFirst ?? 0)) {
        res.writeHead(500).end();
        return;
      }
      const raw = Buffer.concat(chunks);
      received.push({ raw: raw.toString('utf8'), signatureValid: validSignature(raw, req.headers['x-hub-signature-256'] as string | undefined, APP_SECRET), body: JSON.parse(raw.toString('utf8')) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resume) => server.listen(0, '127.0.0.1', () => resume()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    attempts: () => attempts,
    async waitFor(pred, what) {
      for (let i = 0; i < 400; i++) {
        if (pred(received)) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`timed out waiting for ${what}; received ${received.length}: ${received.map((r) => r.raw).join('\n').slice(0, 2000)}`);
    },
    close: () =>
      new Promise((resume) => {
        server.close(() => resume());
        server.closeAllConnections();
      }),
  };
}

/** Every status in the received `messages` webhooks. */
export function statuses(received: readonly Received[]): { id: string; status: string; code?: number }[] {
  return received.flatMap((r) =>
    r.body.entry.flatMap((e) => e.changes.flatMap((c) => ((c.value.statuses as { id: string; status: string; errors?: { code: number }[] }[] | undefined) ?? []).map((s) => ({ id: s.id, status: s.status, code: s.errors?.[0]?.code })))),
  );
}

/** Every change of field `field` received. */
export function changes(received: readonly Received[], field: string): Record<string, unknown>[] {
  return received.flatMap((r) => r.body.entry.flatMap((e) => e.changes.filter((c) => c.field === field).map((c) => c.value)));
}

/** POST JSON to a control route. */
export async function control(url: string, path: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/_wabasim/${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return (await res.json()) as Record<string, unknown>;
}
