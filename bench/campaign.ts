/**
 * Workload 2, a campaign with no WhatsApp model: one number sends `n` templates at 80 per
 * simulated second (one `send` event each, 12.5 ms apart, rounded down to the ms). Each send
 * schedules a read after an exponential delay (mean 600 s), with p = 0.3 a reply (mean 3,600 s)
 * and with p = 0.01 a block (mean 900 s), drawn in that order from one seeded stream. Handlers
 * count. About 2.31 events per send.
 */
import { bernoulli, createStream, DAY, exponential, SECOND, Simulation, type HandlerRegistry, type Rng } from '../src/engine/index.js';
import { RefHeap } from './ref-heap.js';
import { engineRow, timePair, type Row } from './measure.js';

const SEED = 1;
const PER_SECOND = 80;
const READ_MEAN = 600 * SECOND;
const REPLY_P = 0.3;
const REPLY_MEAN = 3600 * SECOND;
const BLOCK_P = 0.01;
const BLOCK_MEAN = 900 * SECOND;
/** Every event of a 200,000-send campaign falls well inside a day. */
const HORIZON = DAY;

type CampaignEvent =
  | { readonly type: 'send'; readonly message: number }
  | { readonly type: 'read'; readonly message: number }
  | { readonly type: 'reply'; readonly message: number }
  | { readonly type: 'block'; readonly message: number };

interface CampaignContext {
  readonly sim: Simulation<CampaignEvent>;
  readonly rng: Rng;
  readonly n: number;
  /** Counts by event type: send, read, reply, block. */
  readonly counts: Float64Array;
}

/** Simulated time of the i-th send, ms. */
function sendTime(i: number): number {
  return Math.floor((i * SECOND) / PER_SECOND);
}

const HANDLERS: HandlerRegistry<CampaignEvent, CampaignContext> = {
  send: (e, ctx) => {
    const { sim, rng } = ctx;
    const message = e.message;
    ctx.counts[0]++;
    if (message + 1 < ctx.n) sim.schedule(sendTime(message + 1), { type: 'send', message: message + 1 });
    sim.scheduleIn(Math.round(exponential(rng, READ_MEAN)), { type: 'read', message });
    if (bernoulli(rng, REPLY_P)) sim.scheduleIn(Math.round(exponential(rng, REPLY_MEAN)), { type: 'reply', message });
    if (bernoulli(rng, BLOCK_P)) sim.scheduleIn(Math.round(exponential(rng, BLOCK_MEAN)), { type: 'block', message });
  },
  read: (_e, ctx) => {
    ctx.counts[1]++;
  },
  reply: (_e, ctx) => {
    ctx.counts[2]++;
  },
  block: (_e, ctx) => {
    ctx.counts[3]++;
  },
};

/**
 * The engine side: tagged events through a Simulation and a total handler registry.
 * @example campaignEngine(200_000); // ≈ 462,000 events
 */
export function campaignEngine(n: number): number {
  const sim = new Simulation<CampaignEvent>();
  const ctx: CampaignContext = { sim, rng: createStream(SEED, 'campaign'), n, counts: new Float64Array(4) };
  sim.schedule(sendTime(0), { type: 'send', message: 0 });
  sim.run(HORIZON, HANDLERS, ctx);
  return sim.dispatched;
}

const SEND = 0;
const READ = 1;
const REPLY = 2;
const BLOCK = 3;

/**
 * The reference side: the same logic and draws on a typed-array heap, a switch for dispatch.
 * @example campaignReference(200_000); // same count as campaignEngine(200_000)
 */
export function campaignReference(n: number): number {
  const rng = createStream(SEED, 'campaign');
  const heap = new RefHeap();
  const counts = new Float64Array(4);
  let events = 0;
  heap.push(sendTime(0), SEND, 0);
  while (heap.peekTime() <= HORIZON) {
    heap.pop();
    events++;
    const now = heap.lastTime;
    const message = heap.lastData;
    switch (heap.lastKind) {
      case SEND:
        counts[SEND]++;
        if (message + 1 < n) heap.push(sendTime(message + 1), SEND, message + 1);
        heap.push(now + Math.round(exponential(rng, READ_MEAN)), READ, message);
        if (bernoulli(rng, REPLY_P)) heap.push(now + Math.round(exponential(rng, REPLY_MEAN)), REPLY, message);
        if (bernoulli(rng, BLOCK_P)) heap.push(now + Math.round(exponential(rng, BLOCK_MEAN)), BLOCK, message);
        break;
      default:
        counts[heap.lastKind]++;
    }
  }
  return events;
}

/**
 * Measures workload 2 at `n` sends (target: engine ≥ 0.5 of the reference).
 * @example benchCampaign(200_000).ratio
 */
export function benchCampaign(n: number): Row {
  const [engine, reference] = timePair(() => campaignEngine(n), () => campaignReference(n), 2, 5);
  return engineRow(`campaign, engine only (${n.toLocaleString('en-US')} sends)`, engine, reference, 0.5, []);
}
