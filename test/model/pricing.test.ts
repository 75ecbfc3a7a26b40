import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { HOUR } from '../../src/engine/index.js';
import { meta202510 } from '../../src/policy/profiles/meta-2025-10.js';
import { marketOf } from '../../src/policy/index.js';
import { renderReport } from '../../src/report/index.js';
import { runValidatedScenario } from '../../src/run/index.js';
import { validateScenarioData } from '../../src/scenario/index.js';
import { runWith, scenario, script, segment, steady } from './helpers.js';

const BR_MARKETING = meta202510.params.priceMarketing.brazil.value;
const US_UTILITY = meta202510.params.priceUtility.northAmerica.value;
const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

test('the rate card: Brazil marketing 0.0625 USD, dated 2026-01-01; countries map to their markets', () => {
  assert.is(BR_MARKETING, 0.0625); // Meta rate card effective 2026-01-01
  assert.is(meta202510.params.pricing.currency.value, 'USD');
  assert.is(meta202510.params.pricing.effectiveDate.value, '2026-01-01');
  assert.is(marketOf('BR'), 'brazil');
  assert.is(marketOf('CA'), 'northAmerica');
  assert.is(marketOf('BE'), 'restOfWesternEurope');
  assert.is(marketOf('IS'), 'other');
});

test('a delivered marketing template to a BR recipient costs the card\'s BR marketing price', () => {
  const s = scenario({ audience: { segments: [segment({ id: 'br', size: 10, countries: { BR: 1 }, blockProbability: 0, reportProbability: 0, stopProbability: 0 })] } });
  const { result } = runWith(s, script([{ at: HOUR, to: 0, template: 'promo' }]));
  assert.is(result.summary.delivered, 1);
  assert.ok(close(result.summary.cost, BR_MARKETING), String(result.summary.cost));
  assert.ok(close(result.summary.costByCategory.marketing, BR_MARKETING));
  assert.ok(close(result.summary.costPerReachedUser ?? NaN, BR_MARKETING));
  assert.is(result.summary.rateCard.currency, 'USD');
});

test('failed sends cost nothing: only the deliveries under the messaging limit are charged', () => {
  const s = scenario({ portfolio: { startTier: 'TIER_250', numbers: [{ id: 'a', country: 'BR' }] } });
  const { result } = runWith(s, script(steady(HOUR, 0, 300, 'promo')));
  assert.is(result.summary.delivered, 250);
  assert.ok(result.summary.failed >= 50);
  assert.ok(close(result.summary.cost, 250 * BR_MARKETING), String(result.summary.cost));
  // free-form text outside a service window fails (131047) and costs nothing
  const text = runWith(scenario({ portfolio: { numbers: [{ id: 'a', country: 'BR' }] } }), script([{ at: HOUR, to: 0 }])).result;
  assert.is(text.summary.delivered, 0);
  assert.is(text.summary.cost, 0);
  assert.is(text.summary.costPerDelivered, null);
  assert.is(text.summary.costPerReachedUser, null);
});

test('a scenario pricing override replaces the card: per country over per market', () => {
  const base = { portfolio: { numbers: [{ id: 'a', country: 'BR' }] } };
  const byMarket = runWith(scenario({ ...base, pricing: { markets: { brazil: { marketing: 0.2 } } } }), script(steady(HOUR, 0, 10, 'promo'))).result;
  assert.ok(close(byMarket.summary.cost, 10 * 0.2), String(byMarket.summary.cost));
  const byCountry = runWith(scenario({ ...base, pricing: { currency: 'EUR', markets: { brazil: { marketing: 0.2 } }, countries: { BR: { marketing: 0.5 } } } }), script(steady(HOUR, 0, 10, 'promo'))).result;
  assert.ok(close(byCountry.summary.cost, 10 * 0.5), String(byCountry.summary.cost));
  assert.is(byCountry.summary.rateCard.currency, 'EUR');
});

test('cost per reached user is cost / unique users reached; per reply is cost / replies', () => {
  const s = scenario({ portfolio: { numbers: [{ id: 'a', country: 'MX' }] }, audience: { segments: [segment({ id: 'clean', size: 2000, replyProbability: 0.3, blockProbability: 0, reportProbability: 0, stopProbability: 0 })] } });
  const sends = [...steady(HOUR, 0, 500, 'promo'), ...steady(30 * HOUR, 0, 500, 'promo')]; // the same 500 users twice
  const { summary } = runWith(s, script(sends)).result;
  assert.ok(summary.uniqueUsersReached < summary.delivered);
  assert.ok(close(summary.costPerReachedUser ?? NaN, summary.cost / summary.uniqueUsersReached));
  assert.ok(close(summary.costPerDelivered ?? NaN, summary.cost / summary.delivered));
  assert.ok(summary.replies > 0);
  assert.ok(close(summary.costPerReply ?? NaN, summary.cost / summary.replies));
});

test('segment countries are drawn per recipient, seeded: the same seed gives the same cost, another seed another mix', () => {
  const s = scenario({ portfolio: { startTier: 'TIER_UNLIMITED', numbers: [{ id: 'a' }] }, audience: { segments: [segment({ id: 'mix', size: 3000, countries: { BR: 1, IN: 1 }, blockProbability: 0, reportProbability: 0, stopProbability: 0 })] } });
  const run = (seed: number): number => runWith(s, script(steady(HOUR, 0, 1000, 'promo')), seed).result.summary.cost;
  const a = run(1);
  assert.is(run(1), a);
  assert.is.not(run(2), a);
  const india = meta202510.params.priceMarketing.india.value;
  assert.ok(a > 1000 * india && a < 1000 * BR_MARKETING); // a mix of the two markets
  assert.ok(Math.abs(a - 500 * (india + BR_MARKETING)) < 0.1 * a); // about half each
});

test('a utility template delivered inside an open service window is free (Meta, from 2025-07-01), unless the scenario says otherwise', () => {
  const s = (free: boolean): Record<string, unknown> => scenario({
    horizonDays: 2,
    portfolio: { numbers: [{ id: 'a', country: 'US' }] },
    templates: [{ id: 'ship', category: 'utility', quality: 'HIGH' }],
    audience: { segments: [segment({ id: 'clean', size: 200, inboundPerDay: 5, blockProbability: 0, reportProbability: 0, stopProbability: 0 })] },
    campaigns: [{ id: 'c', template: 'ship', segment: 'clean' }],
    pricing: { freeUtilityInServiceWindow: free },
  });
  // answer every inbound message with a utility template a minute later: inside the window it opened
  const react = (m: { at: number; from: number }) => [{ at: m.at + 60_000, to: m.from, template: 'ship' }];
  const free = runWith(s(true), script([], [], react)).result.summary;
  const paid = runWith(s(false), script([], [], react)).result.summary;
  assert.ok(paid.delivered > 10);
  assert.is(free.cost, 0);
  assert.ok(close(paid.cost, paid.costByCategory.utility));
  assert.ok(close(paid.cost, paid.delivered * US_UTILITY), `${paid.cost} vs ${paid.delivered}`);
});

test('unknown markets and country codes are clear errors', () => {
  const bad = scenario({ pricing: { markets: { brasil: { marketing: 0.1 } } }, audience: { segments: [segment({ id: 'clean', size: 10, countries: { XX: 1 } })] } });
  let message = '';
  try {
    validateScenarioData({ strategies: ['blast'], ...bad }, { file: 'test', strategyNames: ['blast'] });
  } catch (err) {
    message = String((err as Error).message ?? err);
  }
  assert.match(message, /\/pricing\/markets\/brasil/);
  assert.match(message, /did you mean "brazil"/);
  assert.match(message, /\/audience\/segments\/0\/countries\/XX/);
});

test('the report shows the cost with its currency and rate card date; objective minimise costPerReachedUser works', async () => {
  const data = scenario({ horizonDays: 1, portfolio: { numbers: [{ id: 'a', country: 'BR' }] }, audience: { segments: [segment({ id: 'clean', size: 300 })] }, objective: { minimise: 'costPerReachedUser' }, strategies: ['blast'] });
  const s = validateScenarioData(data, { file: 'test', strategyNames: ['blast'] });
  const results = await runValidatedScenario(s, 'test', { seeds: 2, workers: 0 });
  const html = await renderReport(results);
  assert.match(html, /Cost \(USD, rate card 2026-01-01\)/);
  assert.match(html, /per unique user reached/);
  assert.match(html, /cost per unique user reached/); // the verdict names the objective in words
  assert.ok(results.aggregates[0].metrics.costPerReachedUser.mean > 0);
});

test.run();
