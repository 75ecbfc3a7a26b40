/**
 * Line 7, serve [serve] — `wabasim serve` on loopback at a speed clock (speed:1, so deliveries,
 * reads and replies run while it answers): autocannon (started here, in the bench's process; the
 * server is its own process, as a user runs it) POSTs template sends to
 * /v24.0/{phone-number-id}/messages over CONNECTIONS keep-alive connections for SECONDS after a
 * WARMUP-second warm-up, each request to the next user of a 200,000-user audience (so pair-rate
 * limits do not refuse them). The portfolio is TIER_UNLIMITED and throughput is raised to
 * 100,000 messages/s, so the model accepts every send and schedules its delivery and reactions:
 * the figure is the model's work per request, not a refusal's. Targets (issue 20): ≥ 2,000
 * sends/s and p99 latency ≤ 50 ms on 2 cores. Every response must be 200, or the bench fails.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { atLeast, atMost, type Row } from './measure.js';

const BIN = fileURLToPath(new URL('../../bin/wabasim.js', import.meta.url));
const AUDIENCE = 200_000;
const CONNECTIONS = 32;
const WARMUP = 2;
const SECONDS = 10;
const TARGET_RPS = 2_000;
const TARGET_P99_MS = 50;

/** The bench's scenario: one unlimited number, a utility template, AUDIENCE users. */
function scenarioFile(dir: string): string {
  const file = join(dir, 'serve-bench.json');
  const scenario = {
    name: 'serve-bench',
    policy: 'meta-2025-10',
    horizonDays: 30,
    seeds: 1,
    seed: 1,
    portfolio: { verified: true, startTier: 'TIER_UNLIMITED', numbers: [{ id: 'api', channel: 'cloud-api', country: 'US', ageDays: 900 }] },
    templates: [{ id: 'order-update', category: 'utility', quality: 'HIGH', personalized: true }],
    audience: { segments: [{ id: 'customers', size: AUDIENCE, optIn: 'explicit', readProbability: 0.85, replyProbability: 0.2, blockProbability: 0.001, inboundPerDay: 0.01 }] },
    campaigns: [],
    strategies: ['blast'],
    overrides: { 'throughput.defaultMps': 100_000 },
  };
  writeFileSync(file, JSON.stringify(scenario));
  return file;
}

async function load(url: string, phone: string, seconds: number, first: number): Promise<autocannon.Result> {
  let next = first;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: `/v24.0/${phone}/messages`,
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({ ...req, body: JSON.stringify({ messaging_product: 'whatsapp', to: String(10_000_000_000 + (next++ % AUDIENCE)), type: 'template', template: { name: 'order-update', language: { code: 'en_US' } } }) }),
      },
    ],
  });
}

/**
 * Starts the server, warms it up, measures, shuts it down.
 * @throws {Error} when the server does not start or a response is not 200
 */
export async function benchServe(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-bench-serve-'));
  const child = spawn(process.execPath, [BIN, 'serve', scenarioFile(dir), '--clock', 'speed:1', '--out', join(dir, 'out')], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resume) => child.on('exit', (code) => resume(code)));
  const line = await new Promise<string>((resume, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resume(out.split('\n')[0]);
    });
    void exited.then((code) => reject(new Error(`wabasim serve exited ${code} before its start line`)));
  });
  const { url, numbers } = JSON.parse(line) as { url: string; numbers: { phoneNumberId: string }[] };
  try {
    await load(url, numbers[0].phoneNumberId, WARMUP, 0);
    const r = await load(url, numbers[0].phoneNumberId, SECONDS, 100_000);
    if (r.non2xx > 0 || r.errors > 0) throw new Error(`serve bench: ${r.non2xx} non-2xx responses, ${r.errors} errors`);
    const rps = r.requests.total / SECONDS;
    const notes = [`serve: ${r.requests.total} sends in ${SECONDS} s over ${CONNECTIONS} connections; latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms`];
    return [atLeast('serve: sends/s (speed clock)', rps, TARGET_RPS, (v) => `${Math.round(v)} sends/s`, notes), atMost('serve: p99 latency', Math.max(r.latency.p99, 0.001), TARGET_P99_MS, (v) => `${v} ms`, [])];
  } finally {
    await fetch(`${url}/_wabasim/shutdown`, { method: 'POST' }).catch(() => undefined);
    await exited;
  }
}
