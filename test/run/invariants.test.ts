import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR } from '../../src/engine/index.js';
import { runScenario } from '../../src/run/index.js';
import { smallScenario, tracedRun } from './helpers.js';

/** Largest number of distinct users with a business-initiated delivery in any (t − 24 h, t] (Meta counts the users it delivers to). */
function peakUniqueIn24h(trace: { t: number; kind: string; [k: string]: unknown }[]): number {
  const sends = trace.filter((r) => r.kind === 'delivered' && r.businessInitiated).map((r) => ({ t: r.t, user: r.recipient as number }));
  let peak = 0;
  let lo = 0;
  const inWindow = new Map<number, number>();
  for (let hi = 0; hi < sends.length; hi++) {
    inWindow.set(sends[hi].user, (inWindow.get(sends[hi].user) ?? 0) + 1);
    while (sends[lo].t <= sends[hi].t - 24 * HOUR) {
      const n = inWindow.get(sends[lo].user)! - 1;
      if (n === 0) inWindow.delete(sends[lo].user);
      else inWindow.set(sends[lo].user, n);
      lo++;
    }
    peak = Math.max(peak, inWindow.size);
  }
  return peak;
}

test('unique business-initiated users never exceed the limit in any moving 24-hour window (20 seeds)', async () => {
  const s = smallScenario();
  for (let seed = 1; seed <= 20; seed++) {
    const { trace, result } = await tracedRun(s, seed);
    assert.ok(peakUniqueIn24h(trace) <= 250, `seed ${seed}`);
    assert.ok(result.summary.failedByCode.limit_reached > 0, 'the campaign is larger than the limit');
  }
});

test('the limit is shared by the portfolio: a second number cannot reach 250 more users', async () => {
  const s = smallScenario({ horizonDays: 1, campaigns: [
    { id: 'c1', template: 'promo', segment: 'list', number: 'a', startHour: 1, recipients: 1000 },
    { id: 'c2', template: 'promo', segment: 'list', number: 'b', startHour: 2 },
  ] });
  const { trace } = await tracedRun(s, 3);
  const users = (n: string): Set<unknown> => new Set(trace.filter((r) => r.kind === 'delivered' && r.businessInitiated && r.number === n).map((r) => r.recipient));
  const a = users('a');
  const b = users('b');
  assert.is(a.size, 250);
  assert.is(new Set([...a, ...b]).size, 250, 'number b reached only users already counted for the portfolio');
  assert.ok([...b].every((u) => a.has(u)));
});

test('messages inside a customer-service window are not counted toward the limit', async () => {
  const s = smallScenario({ audience: { segments: [{ id: 'list', size: 2000, inboundPerDay: 3, replyProbability: 0.2 }] } });
  const { trace } = await tracedRun(s, 5);
  const inWindow = trace.filter((r) => r.kind === 'accepted' && !r.businessInitiated).length;
  assert.ok(inWindow > 0, 'some recipients had written in');
  assert.ok(peakUniqueIn24h(trace) <= 250);
  const delivered24 = new Set(trace.filter((r) => r.kind === 'accepted' && r.t < 25 * HOUR).map((r) => r.recipient)).size;
  assert.ok(delivered24 > 250, 'window messages go out on top of the limit');
});

test('every attempt ends in exactly one terminal state: the totals add up (20 seeds)', async () => {
  const s = smallScenario();
  for (let seed = 1; seed <= 20; seed++) {
    const { result, trace } = await tracedRun(s, seed);
    const m = result.summary;
    const syncFailed = trace.filter((r) => r.kind === 'rejected').length;
    const asyncFailed = trace.filter((r) => r.kind === 'failed').length;
    assert.is(m.attempted, m.accepted + syncFailed);
    assert.is(m.accepted, m.delivered + asyncFailed + m.pendingAtHorizon);
    assert.is(m.failed, syncFailed + asyncFailed);
    assert.is(Object.values(m.failedByCode).reduce((a, b) => a + b, 0), m.failed);
    const ids = trace.filter((r) => r.kind === 'delivered' || r.kind === 'failed').map((r) => r.id);
    assert.is(new Set(ids).size, ids.length, 'no message ends twice');
  }
});

test('series sum to the summary counters', async () => {
  const { result } = await tracedRun(smallScenario(), 2);
  const sum = (k: string): number => result.series[k].reduce((a, b) => a + b, 0);
  assert.is(sum('attempted'), result.summary.attempted);
  assert.is(sum('delivered'), result.summary.delivered);
  assert.is(sum('blocks'), result.summary.blocks);
  assert.is(result.series.attempted.length, 72);
});

test('the same scenario and seeds give byte-identical results', async () => {
  const a = JSON.stringify(await runScenario('scenarios/first-campaign.json', { seeds: 3 }));
  const b = JSON.stringify(await runScenario('scenarios/first-campaign.json', { seeds: 3 }));
  assert.is(a, b);
  const c = JSON.stringify(await runScenario('scenarios/first-campaign.json', { seeds: 3, seed: 2 }));
  assert.is.not(a, c);
});

test('a run is reproducible on its own: seed 3 alone equals seed 3 inside a sweep', async () => {
  const sweep = await runScenario('scenarios/first-campaign.json', { seeds: 3, seed: 1 });
  const alone = await runScenario('scenarios/first-campaign.json', { seeds: 1, seed: 3 });
  assert.equal(alone.runs[0], sweep.runs[2]);
});

test.run();
