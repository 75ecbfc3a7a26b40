/**
 * What Meta charges (issue 22; Meta "Pricing", documented): since 2025-07-01 each DELIVERED
 * template message is charged by its category (marketing, utility, authentication) and the
 * market of the recipient's country calling code; non-template messages are free, and a utility
 * template delivered inside an open customer-service window is free. Failed, dropped or
 * undelivered messages cost nothing. Prices are profile parameters (priceMarketing.*,
 * priceUtility.*, priceAuthentication.*), a scenario's `pricing` overrides them per market or
 * country. Owns PricingState. Not modelled: volume tiers, authentication-international rates,
 * free entry-point windows, the 2026-10-01 changes (docs/model.md "Cost").
 */
import { pickWeighted } from '../engine/index.js';
import { isMarketId, marketOf, MARKET_IDS, PRICED_CATEGORIES, type MarketId, type Policy } from '../policy/index.js';
import type { Scenario } from '../scenario/index.js';
import type { Audience, NumberState, PricingState, StreamFor } from './state/index.js';

/** `rowOf` value meaning "the sending number's country" (the default of a segment without `countries`). */
export const NUMBER_ROW = 0xffff;

/** Category index of a template category in the price table and `cost`. */
export const MARKETING = 0;
export const UTILITY = 1;
export const AUTHENTICATION = 2;

type Prices = { marketing?: number; utility?: number; authentication?: number };

/**
 * The run's price table and per-recipient price rows. One row per market, then one per country a
 * scenario prices on its own. Recipients of a segment with `countries` draw their country from
 * stream 'countries' (one uniform each, in recipient order; a single-country segment draws none);
 * the others take the sending number's country at delivery.
 */
export function createPricing(s: Scenario, policy: Policy, audience: Audience, numbers: readonly { readonly country?: string }[], streamFor: StreamFor): PricingState {
  const override = s.pricing ?? {};
  const markets = (override.markets ?? {}) as Readonly<Record<string, Prices>>;
  const countries = (override.countries ?? {}) as Readonly<Record<string, Prices>>;
  const countryCodes = Object.keys(countries).sort();
  const prices = new Float64Array((MARKET_IDS.length + countryCodes.length) * 3);
  const marketPrice = (m: MarketId, c: number): number => {
    const given = markets[m]?.[PRICED_CATEGORIES[c]];
    if (given !== undefined) return given; // scenario `pricing.markets`
    const column = c === MARKETING ? policy.priceMarketing : c === UTILITY ? policy.priceUtility : policy.priceAuthentication;
    return column[m]; // Meta "Pricing" rate card (profile parameter), documented
  };
  MARKET_IDS.forEach((m, row) => {
    for (let c = 0; c < 3; c++) prices[row * 3 + c] = marketPrice(m, c);
  });
  const countryRow = new Map<string, number>();
  countryCodes.forEach((code, i) => {
    const row = MARKET_IDS.length + i;
    countryRow.set(code, row);
    for (let c = 0; c < 3; c++) prices[row * 3 + c] = countries[code][PRICED_CATEGORIES[c]] ?? marketPrice(marketOf(code), c);
  });
  const rowOfCountry = (code: string): number => countryRow.get(code) ?? MARKET_IDS.indexOf(marketOf(code));
  const numberRow = Uint16Array.from(numbers, (n) => rowOfCountry(n.country ?? policy.pricing.defaultCountry));
  const rowOf = drawCountries(s, audience, rowOfCountry, streamFor);
  return {
    prices,
    rowOf,
    numberRow,
    freeUtilityInWindow: override.freeUtilityInServiceWindow ?? policy.pricing.freeUtilityInServiceWindow,
    cost: new Float64Array(3),
    card: {
      currency: override.currency ?? policy.pricing.currency,
      effectiveDate: override.effectiveDate ?? policy.pricing.effectiveDate,
      source: override.source ?? (s.pricing ? 'scenario pricing over the profile rate card' : 'policy profile rate card (Meta "Pricing")'),
    },
  };
}

/** Per-recipient price rows for segments with `countries` (NUMBER_ROW elsewhere), or null when no segment has them. */
function drawCountries(s: Scenario, audience: Audience, rowOfCountry: (code: string) => number, streamFor: StreamFor): Uint16Array | null {
  const specs = s.audience.segments;
  if (!specs.some((spec) => spec.countries !== undefined)) return null;
  const rowOf = new Uint16Array(audience.size).fill(NUMBER_ROW);
  const rng = streamFor('countries');
  specs.forEach((spec, index) => {
    if (spec.countries === undefined) return;
    const seg = audience.segments[index];
    const codes = Object.keys(spec.countries).sort(); // sorted: the draw does not depend on key order in the file
    const weights = codes.map((c) => (spec.countries as Record<string, number>)[c]);
    const rows = codes.map(rowOfCountry);
    if (codes.length === 1) return void rowOf.fill(rows[0], seg.first, seg.first + seg.size);
    for (let r = seg.first; r < seg.first + seg.size; r++) rowOf[r] = rows[pickWeighted(rng, weights)];
  });
  return rowOf;
}

/** Category index of a template category. */
export function categoryIndex(category: string): number {
  return category === 'marketing' ? MARKETING : category === 'utility' ? UTILITY : AUTHENTICATION;
}

/**
 * Charges one delivered template (`category` from categoryIndex) to `recipient` from `number`:
 * the price of its category in the recipient's market — Meta "Pricing", documented. A utility
 * template inside an open customer-service window is free when the card says so. No allocation.
 */
export function chargeDelivered(p: PricingState, number: NumberState, recipient: number, category: number, inWindow: boolean): void {
  if (category === UTILITY && inWindow && p.freeUtilityInWindow) return; // Meta "Pricing": free utility in an open CSW, documented
  const own = p.rowOf === null ? NUMBER_ROW : p.rowOf[recipient];
  const row = own === NUMBER_ROW ? p.numberRow[number.index] : own;
  p.cost[category] += p.prices[row * 3 + category];
}

/** Unknown market ids in a scenario's `pricing.markets` (for validation). */
export function unknownMarkets(ids: readonly string[]): string[] {
  return ids.filter((id) => !isMarketId(id));
}
