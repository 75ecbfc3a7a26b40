/**
 * Semantic checks of pricing input (README "Cost"): the markets a scenario's `pricing` names are
 * markets of the rate card, its countries and each segment's `countries` are ISO 3166 codes, and a
 * segment's country weights are not all 0. The schema has checked the shapes.
 */
import { escapePointer, pricingMsg, type Issue } from '../errors/index.js';
import { isCountryCode, isMarketId, MARKET_IDS } from '../policy/index.js';
import type { Scenario } from './schema.js';

/** Every pricing issue of a schema-valid scenario, appended to `issues`. */
export function pricingIssues(s: Scenario, file: string, issues: Issue[]): void {
  for (const id of Object.keys(s.pricing?.markets ?? {})) if (!isMarketId(id)) issues.push(pricingMsg.unknownMarket(file, `/pricing/markets/${escapePointer(id)}`, id, MARKET_IDS));
  for (const code of Object.keys(s.pricing?.countries ?? {})) if (!isCountryCode(code)) issues.push(pricingMsg.unknownCountry(file, `/pricing/countries/${escapePointer(code)}`, code));
  s.audience.segments.forEach((seg, i) => {
    if (seg.countries === undefined) return;
    const at = `/audience/segments/${i}/countries`;
    for (const code of Object.keys(seg.countries)) if (!isCountryCode(code)) issues.push(pricingMsg.unknownCountry(file, `${at}/${escapePointer(code)}`, code));
    if (!Object.values(seg.countries).some((w) => (w as number) > 0)) issues.push(pricingMsg.noCountryWeight(file, at));
  });
}
