/**
 * The round trip of `wabasim calibrate` on known truth: draw audience parameters, simulate a
 * scenario with them (two segments, every member sent one template at hour 2 by blast on an
 * unlimited portfolio), write its webhooks with the event-log API (`wabasim events`, in-process)
 * and the send log a team would keep (built from the run's sends: time, request with the segment
 * in biz_opaque_callback_data, response with the wamid), calibrate with
 * --segment-by biz_opaque_callback_data.segment, and check whether each drawn parameter lies in
 * its 95% interval. Used by round-trip.test.ts (CI, few trials) and round-trip-full.ts (50).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStream } from '../../src/engine/index.js';
import { writeEventLog } from '../../src/run/event-log.js';
import { wamid, waId } from '../../src/model/webhooks.js';
import { calibrate } from '../../src/calibrate/index.js';
import type { DelayFit, Proportion, Rate } from '../../src/calibrate/estimate.js';

type Delay = { exponential: { mean: number } } | { lognormal: { median: number; sigma: number } };

interface Truth {
  readonly id: string;
  readonly size: number;
  readonly readProbability: number;
  readonly replyProbability: number;
  readonly stopProbability: number;
  readonly inboundPerDay: number;
  readonly readDelay: Delay;
  readonly replyDelay: Delay;
}

/** One check: a parameter's truth against its interval. */
export interface Check {
  readonly parameter: string;
  readonly truth: number;
  readonly lo: number;
  readonly hi: number;
  readonly covered: boolean;
}

function drawDelay(u: () => number, lo: number, hi: number): Delay {
  return u() < 0.5 ? { exponential: { mean: Math.round(lo + (hi - lo) * u()) } } : { lognormal: { median: Math.round(lo + (hi - lo) * u()), sigma: Number((0.5 + 0.7 * u()).toFixed(2)) } };
}

function drawTruth(trial: number, id: string, size: number): Truth {
  const rng = createStream(trial, `round-trip/${id}`);
  const u = (): number => rng.next();
  return {
    id,
    size,
    readProbability: Number((0.3 + 0.65 * u()).toFixed(3)),
    replyProbability: Number((0.02 + 0.25 * u()).toFixed(3)),
    stopProbability: Number((0.003 + 0.03 * u()).toFixed(4)),
    inboundPerDay: Number((0.005 + 0.045 * u()).toFixed(4)),
    readDelay: drawDelay(u, 300, 2_400),
    replyDelay: drawDelay(u, 120, 1_800),
  };
}

function scenario(truths: readonly Truth[], horizonDays: number): object {
  return {
    name: 'round-trip',
    policy: 'meta-2025-10',
    horizonDays,
    seeds: 1,
    seed: 1,
    portfolio: { verified: true, startTier: 'TIER_UNLIMITED', numbers: [{ id: 'api', channel: 'cloud-api', country: 'US', ageDays: 900 }] },
    templates: [{ id: 'promo', category: 'marketing', quality: 'HIGH', personalized: true, branded: true }],
    audience: { segments: truths.map((t) => ({ ...t, blockProbability: 0.002, reportProbability: 0.0002 })) },
    campaigns: truths.map((t, i) => ({ id: `c-${t.id}`, template: 'promo', segment: t.id, startHour: 2 + i })), // an hour apart: one blast at a time stays under the throughput limit
    strategies: ['blast'],
  };
}

function checkProportion(name: string, truth: number, p: Proportion | Rate | undefined): Check {
  return p ? { parameter: name, truth, lo: p.lo95, hi: p.hi95, covered: p.lo95 <= truth && truth <= p.hi95 } : { parameter: name, truth, lo: NaN, hi: NaN, covered: false };
}

function checkDelay(name: string, truth: Delay, f: DelayFit | undefined): Check[] {
  if (!f) return [{ parameter: name, truth: NaN, lo: NaN, hi: NaN, covered: false }];
  if ('exponential' in truth) {
    const m = truth.exponential.mean;
    return [{ parameter: `${name}.exponential.mean`, truth: m, lo: f.exponential.lo95, hi: f.exponential.hi95, covered: f.exponential.lo95 <= m && m <= f.exponential.hi95 }];
  }
  const { median, sigma } = truth.lognormal;
  const l = f.lognormal;
  return [
    { parameter: `${name}.lognormal.median`, truth: median, lo: l.medianLo95, hi: l.medianHi95, covered: l.medianLo95 <= median && median <= l.medianHi95 },
    { parameter: `${name}.lognormal.sigma`, truth: sigma, lo: l.sigmaLo95, hi: l.sigmaHi95, covered: l.sigmaLo95 <= sigma && sigma <= l.sigmaHi95 },
  ];
}

/**
 * One trial: returns every check (two segments × read, reply, STOP, inbound, read and reply delays).
 * `sizes` sets the segments' sizes (smaller is faster, with wider intervals).
 */
export async function roundTrip(trial: number, sizes: readonly [number, number] = [2_500, 1_500], horizonDays = 3): Promise<Check[]> {
  const truths = [drawTruth(trial, 'alpha', sizes[0]), drawTruth(trial, 'beta', sizes[1])];
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-round-trip-'));
  try {
    const file = join(dir, 'scenario.json');
    const s = scenario(truths, horizonDays);
    writeFileSync(file, JSON.stringify(s));
    const webhooks: string[] = [];
    const sends: string[] = [];
    const segmentOf = (recipient: number): string => (recipient < sizes[0] ? 'alpha' : 'beta');
    await writeEventLog(file, {
      strategy: 'blast',
      seed: trial,
      write: (line) => {
        const r = JSON.parse(line) as { kind: string; time: string; id?: number; recipient?: number; code?: string | number };
        if (r.kind === 'webhook') webhooks.push(line);
        else if (r.kind === 'accepted' || r.kind === 'rejected') {
          // what a team's own send log holds: the request it made and Meta's answer
          const request = { messaging_product: 'whatsapp', to: waId(r.recipient ?? 0), type: 'template', template: { name: 'promo', language: { code: 'en_US' } }, biz_opaque_callback_data: JSON.stringify({ segment: segmentOf(r.recipient ?? 0) }) };
          const response = r.kind === 'accepted' ? { messaging_product: 'whatsapp', messages: [{ id: wamid(r.id ?? 0) }] } : { error: { code: r.code } };
          sends.push(JSON.stringify({ time: r.time, request, response }));
        }
        // every other line is the simulator's hidden truth: the test leaves it out, as a team never has it
      },
    });
    writeFileSync(join(dir, 'webhooks.jsonl'), `${webhooks.join('\n')}\n`);
    writeFileSync(join(dir, 'sends.jsonl'), `${sends.join('\n')}\n`);
    const c = await calibrate({ logs: [join(dir, 'webhooks.jsonl')], sends: join(dir, 'sends.jsonl'), segmentBy: 'biz_opaque_callback_data.segment' });
    const checks: Check[] = [];
    for (const t of truths) {
      const e = c.observables.segments.find((x) => x.segment === t.id);
      checks.push(
        checkProportion('readProbability', t.readProbability, e?.readProbability),
        checkProportion('replyProbability', t.replyProbability, e?.replyProbability),
        checkProportion('stopProbability', t.stopProbability, e?.stopProbability),
        checkProportion('inboundPerDay', t.inboundPerDay, e?.inboundPerDay),
        ...checkDelay('readDelay', t.readDelay, e?.readDelay),
        ...checkDelay('replyDelay', t.replyDelay, e?.replyDelay),
      );
    }
    return checks;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Coverage per parameter kind (lognormal median and sigma, exponential mean are kinds of their own). */
export function coverage(checks: readonly Check[]): Map<string, { covered: number; total: number }> {
  const out = new Map<string, { covered: number; total: number }>();
  for (const c of checks) {
    const row = out.get(c.parameter) ?? { covered: 0, total: 0 };
    row.total++;
    if (c.covered) row.covered++;
    out.set(c.parameter, row);
  }
  return out;
}
