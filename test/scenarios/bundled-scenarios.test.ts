/**
 * The bundled scenarios show what their descriptions claim: each test runs one scenario from
 * scenarios/ with few seeds and checks the behaviour a user would look for in results.json and in
 * the event log (`wabasim events`).
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DAY, HOUR } from '../../src/engine/index.js';
import { runScenario, writeEventLog, type Results, type RunResult } from '../../src/run/index.js';

const TIERS = ['TIER_250', 'TIER_2K', 'TIER_10K', 'TIER_100K', 'TIER_UNLIMITED'];

/** The run of `variant` × `strategy` (label) × `seed` in `results`. */
function runOf(results: Results, variant: string, strategy: string, seed: number): RunResult {
  const run = results.runs.find((r) => r.variant === variant && r.strategy === strategy && r.seed === seed);
  assert.ok(run, `no run ${variant} × ${strategy} × seed ${seed}`);
  return run!;
}

/** The value of an hourly series at `hour`. */
function at(run: RunResult, series: string, hour: number): number {
  const s = run.series[series];
  assert.ok(s, `no series ${series}`);
  return s[Math.min(hour, s.length - 1)];
}

const last = (run: RunResult, series: string): number => at(run, series, Infinity);

test('tier-climb: clean lists climb three tiers; a cold list on one number freezes the portfolio, with the quality webhooks in the event log', async () => {
  const file = 'scenarios/tier-climb.json';
  const clean = "clean lists";
  const cold = "one number's list is cold";
  const results = await runScenario(file, { seeds: 1 });
  const seed = results.runs[0].seed;
  const c = runOf(results, clean, 'tier-aware', seed);
  const k = runOf(results, cold, 'tier-aware', seed);

  // Clean: 250 → 2K (scaling path) → 10K → 100K (automatic scaling), well inside the four weeks
  assert.is(c.summary.finalTier, 'TIER_100K');
  for (const tier of ['TIER_2K', 'TIER_10K', 'TIER_100K']) assert.ok(c.summary.daysToTier[tier] < 20, `clean reaches ${tier} in under 20 days`);
  assert.is(c.summary.qualityHours.promo.RED, 0, 'the clean second list never turns RED');

  // Cold: the same climb to 10K, then the second number turns RED and the portfolio stops
  assert.ok(k.summary.daysToTier.TIER_10K !== undefined, 'the portfolio climbed before the cold list started');
  assert.is(k.summary.finalTier, 'TIER_10K');
  assert.ok(TIERS.indexOf(c.summary.finalTier) > TIERS.indexOf(k.summary.finalTier), 'clean ends at a higher tier');
  assert.ok(k.summary.qualityHours.promo.RED > 24 * 7, 'the cold number is RED for more than a week');
  const firstRed = (k.series['quality.promo'] as number[]).indexOf(3);
  assert.ok(firstRed > 0);
  assert.is(last(k, 'tierIndex'), at(k, 'tierIndex', firstRed), 'no tier change after the number turned RED');
  assert.is(last(k, 'messagingLimit'), 10_000, 'the limit is frozen, not lowered (2025-10 rules)');

  // The event log carries phone_number_quality_update webhooks in Meta's shape: the two upgrades, then promo RED, then no upgrade
  const updates: { t: number; event: string; limit: string; rating?: string; previous?: string }[] = [];
  let promoRedAt = -1;
  await writeEventLog(file, {
    strategy: 'tier-aware',
    seed,
    variant: cold,
    write(line) {
      if (line.includes('"kind":"quality"') && line.includes('"number":"promo"')) {
        const r = JSON.parse(line) as { t: number; rating: string };
        if (r.rating === 'RED' && promoRedAt < 0) promoRedAt = r.t;
      }
      if (!line.includes('"field":"phone_number_quality_update"')) return;
      const r = JSON.parse(line) as { t: number; payload: { object: string; entry: { changes: { field: string; value: Record<string, string> }[] }[] } };
      assert.is(r.payload.object, 'whatsapp_business_account');
      const change = r.payload.entry[0].changes[0];
      assert.is(change.field, 'phone_number_quality_update');
      const v = change.value;
      updates.push({ t: r.t, event: v.event, limit: v.current_limit, rating: v.current_quality_rating, previous: v.previous_quality_rating });
    },
  });
  const upgrades = updates.filter((u) => u.event === 'UPGRADE');
  assert.equal([...new Set(upgrades.map((u) => u.limit))], ['TIER_2K', 'TIER_10K'], 'UPGRADE webhooks for 2K and 10K (one per number)');
  assert.ok(promoRedAt > 0, 'the trace shows promo turning RED');
  const red = updates.filter((u) => u.event === 'QUALITY_UPDATED' && u.rating === 'RED' && u.t === promoRedAt);
  assert.is(red.length, 1, 'a QUALITY_UPDATED webhook announces RED');
  assert.is(red[0].limit, 'TIER_10K');
  assert.ok(upgrades.every((u) => u.t < promoRedAt), 'no UPGRADE after the number turned RED');
});

test('retry-131049: a naive retry loop on 131049 makes far more attempts and failures and scores worse on trust than backoff', async () => {
  const results = await runScenario('scenarios/retry-131049.json', { seeds: 2 });
  for (const seed of [...new Set(results.runs.map((r) => r.seed))]) {
    const naive = runOf(results, 'base', 'blast + 131049 retry loop', seed).summary;
    const plain = runOf(results, 'base', 'blast, no status retries', seed).summary;
    const polite = runOf(results, 'base', 'backoff', seed).summary;
    const capped = (s: typeof naive): number => s.failedByCode['131049'] ?? 0;
    // The cross-brand cap fails a large share of first attempts for every sender
    assert.ok(capped(polite) > 0.3 * polite.attempted, `seed ${seed}: many 131049 for backoff too`);
    // The loop: many more attempts and 131049 failures, every resend recorded as an aggressive retry
    assert.ok(naive.attempted > 1.5 * polite.attempted, `seed ${seed}: attempts ${naive.attempted} vs ${polite.attempted}`);
    assert.ok(capped(naive) > 1.5 * capped(polite), `seed ${seed}: 131049 ${capped(naive)} vs ${capped(polite)}`);
    assert.ok(naive.aggressiveRetries > 0.5 * capped(polite), `seed ${seed}: aggressive retries ${naive.aggressiveRetries}`);
    assert.is(polite.aggressiveRetries, 0, 'backoff never retries 131049');
    assert.is(plain.aggressiveRetries, 0, 'the same blast without status retries makes none');
    // ...and the behavioural layer makes the trust score worse
    assert.ok(naive.delivered <= polite.delivered * 1.01, `seed ${seed}: resending to a saturated user wins nothing (${naive.delivered} vs ${polite.delivered} delivered)`);
    assert.ok(naive.trustScorePeak > polite.trustScorePeak + 0.5, `seed ${seed}: trust peak ${naive.trustScorePeak} vs ${polite.trustScorePeak}`);
    assert.ok(naive.trustScorePeak > plain.trustScorePeak + 0.5, `seed ${seed}: trust peak vs blast without retries`);
  }
});

test('unanswered-trust: a low-reply list drives the 30-day unanswered counter and the trust score of an app number far above an engaged list; pausing on its own count stops the counter, not its memory', async () => {
  const low = 'low-reply list (3% reply)';
  const engaged = 'engaged list (60% reply)';
  const results = await runScenario('scenarios/unanswered-trust.json', { seeds: 2 });
  for (const seed of [...new Set(results.runs.map((r) => r.seed))]) {
    const l = runOf(results, low, 'tier-aware', seed);
    const e = runOf(results, engaged, 'tier-aware', seed);
    const day = (d: number): number => (d * DAY) / HOUR;
    // Nothing is counted before the 48-hour verdict; then the counter climbs all month
    assert.is(at(l, 'unanswered.care', day(1)), 0);
    assert.ok(at(l, 'unanswered.care', day(10)) > 500, `seed ${seed}: low-reply counter on day 10`);
    assert.ok(last(l, 'unanswered.care') > at(l, 'unanswered.care', day(10)) + 1000, `seed ${seed}: still climbing after day 10`);
    // Far higher than the engaged list's; as a share it weighs fully on the low-reply list and not at all on the engaged one
    assert.ok(last(l, 'unanswered.care') > 2 * last(e, 'unanswered.care'), `seed ${seed}: ${last(l, 'unanswered.care')} vs ${last(e, 'unanswered.care')}`);
    assert.ok(l.summary.unansweredPeak > 2 * e.summary.unansweredPeak);
    assert.ok(last(l, 'trust.care') >= at(l, 'trust.care', day(1)) + 2, `seed ${seed}: the low-reply trust score worsens once replies and the counter are judged`);
    assert.ok(last(l, 'trust.care') >= last(e, 'trust.care') + 2, `seed ${seed}: trust ${last(l, 'trust.care')} vs ${last(e, 'trust.care')}`);
    assert.ok(l.summary.numbers.care.trustScoreActs, 'on a coexistence number the score acts (MODEL.md §6b)');
    // hygiene stops at its own count: the counter stops climbing, its 30-day memory stays, at the price of reach
    const h = runOf(results, low, 'hygiene', seed);
    assert.ok(h.summary.unansweredPeak < 0.5 * l.summary.unansweredPeak, `seed ${seed}: hygiene counter ${h.summary.unansweredPeak}`);
    assert.ok(last(h, 'trust.care') <= last(l, 'trust.care') - 1);
    assert.ok(last(h, 'trust.care') > 0, 'the unanswered share is remembered for 30 days');
    assert.ok(h.summary.uniqueUsersReached < 0.5 * l.summary.uniqueUsersReached);
  }
});

test.run();
