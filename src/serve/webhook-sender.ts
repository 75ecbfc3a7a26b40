/**
 * Posting webhooks to the user's receiver as Meta does: one JSON payload per POST, signed
 * `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body with the app secret>` (Meta
 * "Webhooks: validating payloads", documented), each retried with exponential back-off while the
 * receiver fails (any non-2xx answer or a network error), the next one of its lane waiting behind
 * it — so the receiver sees each recipient's payloads in the order the model produced them (and,
 * with one lane, every payload in that order).
 */
import { createHmac } from 'node:crypto';

export interface RetryPolicy {
  /** Wall ms before the first retry; doubled each time up to `maxDelayMs`. */
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  /** Attempts per payload before it is given up (reported through `onGiveUp`). */
  readonly attempts: number;
}

/** Default back-off: 0.5 s doubling to 30 s, 12 attempts (about 4 minutes). Meta retries for days; a test server needs less. */
export const DEFAULT_RETRY: RetryPolicy = { initialDelayMs: 500, maxDelayMs: 30_000, attempts: 12 };

export interface WebhookSenderOptions {
  readonly url: string;
  readonly appSecret?: string;
  readonly retry?: RetryPolicy;
  /** Lanes posting concurrently, payloads of one key always on one lane (default 1: one global order). */
  readonly lanes?: number;
  /** Called when a payload is given up after its last attempt. */
  readonly onGiveUp?: (body: string, reason: string) => void;
}

export interface WebhookSender {
  /** Queues one payload (its exact bytes are what is signed and sent); payloads of one `key` arrive in the order queued. */
  enqueue(body: string, key?: string): void;
  /** Resolves when every queued payload is delivered or given up (or after `timeoutMs` wall ms). */
  idle(timeoutMs?: number): Promise<void>;
  /** Stops sending: payloads not yet delivered are dropped after the one in progress. */
  close(): Promise<void>;
  readonly stats: { queued: number; delivered: number; retried: number; givenUp: number };
}

/**
 * `sha256=` and the hex HMAC-SHA256 of `body` with `secret`: Meta's X-Hub-Signature-256 header.
 * @example signature('{}', 's') // 'sha256=…'
 */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** One ordered queue of payloads and its pump. */
interface Lane {
  readonly queue: string[];
  head: number;
  running: Promise<void> | undefined;
  wake: (() => void) | undefined;
}

/**
 * A sender posting to `opts.url` with back-off: payloads of one key (a recipient's wa_id) in the
 * order queued, on one of `opts.lanes` lanes (default 1: every payload in order); lanes post
 * concurrently, so one slow recipient's retries hold back only its own lane.
 * @example const s = createWebhookSender({ url: 'http://127.0.0.1:9000/hook', appSecret: 'x' }); s.enqueue('{}');
 */
export function createWebhookSender(opts: WebhookSenderOptions): WebhookSender {
  const retry = opts.retry ?? DEFAULT_RETRY;
  const lanes: Lane[] = Array.from({ length: Math.max(1, Math.floor(opts.lanes ?? 1)) }, () => ({ queue: [], head: 0, running: undefined, wake: undefined }));
  let closed = false;
  const stats = { queued: 0, delivered: 0, retried: 0, givenUp: 0 };

  async function post(body: string): Promise<string | undefined> {
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'facebookexternalua' };
    if (opts.appSecret !== undefined) headers['x-hub-signature-256'] = signature(body, opts.appSecret);
    try {
      const res = await fetch(opts.url, { method: 'POST', headers, body });
      await res.arrayBuffer();
      return res.ok ? undefined : `HTTP ${res.status}`;
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  async function pump(lane: Lane): Promise<void> {
    const queue = lane.queue;
    while (lane.head < queue.length && !closed) {
      const body = queue[lane.head];
      let delay = retry.initialDelayMs;
      let reason: string | undefined;
      for (let attempt = 1; attempt <= retry.attempts && !closed; attempt++) {
        reason = await post(body);
        if (reason === undefined) break;
        if (attempt < retry.attempts) {
          stats.retried++;
          await new Promise<void>((resume) => {
            const timer = setTimeout(resume, delay);
            lane.wake = () => (clearTimeout(timer), resume());
          });
          lane.wake = undefined;
          delay = Math.min(retry.maxDelayMs, delay * 2);
        }
      }
      if (reason === undefined) stats.delivered++;
      else {
        stats.givenUp++;
        opts.onGiveUp?.(body, reason);
      }
      queue[lane.head++] = '';
      if (lane.head > 1024 && lane.head * 2 > queue.length) {
        queue.splice(0, lane.head);
        lane.head = 0;
      }
    }
    lane.running = undefined;
  }

  return {
    stats,
    enqueue(body, key = '') {
      if (closed) return;
      const lane = lanes[lanes.length === 1 ? 0 : laneOf(key, lanes.length)];
      lane.queue.push(body);
      stats.queued++;
      lane.running ??= pump(lane);
    },
    async idle(timeoutMs = 30_000) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        (async () => {
          for (let busy = lanes.filter((l) => l.running); busy.length > 0; busy = lanes.filter((l) => l.running)) await Promise.all(busy.map((l) => l.running));
        })(),
        new Promise<void>((resume) => (timer = setTimeout(resume, timeoutMs))),
      ]);
      clearTimeout(timer);
    },
    async close() {
      closed = true;
      for (const lane of lanes) lane.wake?.();
      await Promise.all(lanes.map((l) => l.running));
    },
  };
}

/** The lane of `key` among `n` (FNV-1a): the same key always takes the same lane. */
function laneOf(key: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}

/**
 * Meta's verification request to a webhook endpoint: GET `url` with hub.mode=subscribe,
 * hub.verify_token and hub.challenge; the endpoint must answer 200 with the challenge as its body
 * (Meta "Webhooks: verification requests", documented). Resolves to undefined when it did, else why not.
 * @example await verifyReceiver('http://127.0.0.1:9000/hook', 'token', '1158201444') // undefined
 */
export async function verifyReceiver(url: string, verifyToken: string, challenge: string): Promise<string | undefined> {
  const target = new URL(url);
  target.searchParams.set('hub.mode', 'subscribe');
  target.searchParams.set('hub.challenge', challenge);
  target.searchParams.set('hub.verify_token', verifyToken);
  try {
    const res = await fetch(target, { headers: { 'user-agent': 'facebookplatform/1.0' } });
    const body = await res.text();
    if (!res.ok) return `HTTP ${res.status}`;
    return body === challenge ? undefined : `answered ${JSON.stringify(body.slice(0, 40))}, not the challenge`;
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
}
