/**
 * Meta's pricing markets: Meta prices a delivered template by the recipient's country calling
 * code, and groups most countries into regional markets ("Rest of Africa", …, "Other"). This file
 * holds which ISO 3166 countries make up each market (data, not numbers; the prices are profile
 * parameters `priceMarketing.*`, `priceUtility.*`, `priceAuthentication.*`). Source: Meta
 * "Pricing" (META_PRICING), its country-calling-code table as transcribed by BSPs — reported;
 * Zimbabwe moved from Other to Rest of Africa on 2025-10-01 (Wati's summary of Meta's notice,
 * https://support.wati.io/en/articles/11561662-message-based-pricing-all-you-need-to-know, reported).
 * One BSP's per-country table (docs.sent.dm WhatsApp pricing guide, 2025-07-01 rates) also puts
 * Andorra in Rest of Western Europe and Caribbean territories (Aruba, Anguilla, the Bahamas, …) in
 * Rest of Latin America; here they are in Other. A scenario's `pricing.countries` can price any of them.
 */

/** The markets of Meta's rate card, in the card's order; ids are the profile parameters' keys. */
export const MARKET_IDS = [
  'argentina', 'brazil', 'chile', 'colombia', 'egypt', 'france', 'germany', 'india', 'indonesia', 'israel', 'italy', 'malaysia', 'mexico',
  'netherlands', 'nigeria', 'pakistan', 'peru', 'russia', 'saudiArabia', 'southAfrica', 'spain', 'turkey', 'unitedArabEmirates', 'unitedKingdom',
  'northAmerica', 'restOfAfrica', 'restOfAsiaPacific', 'restOfCentralEasternEurope', 'restOfLatinAmerica', 'restOfMiddleEast', 'restOfWesternEurope', 'other',
] as const;
export type MarketId = (typeof MARKET_IDS)[number];

/** The template categories Meta charges for (service / free-form messages are free). */
export const PRICED_CATEGORIES = ['marketing', 'utility', 'authentication'] as const;
export type PricedCategory = (typeof PRICED_CATEGORIES)[number];

/** Meta's name of each market, as its rate card prints it. */
export const MARKET_NAMES: Readonly<Record<MarketId, string>> = {
  argentina: 'Argentina', brazil: 'Brazil', chile: 'Chile', colombia: 'Colombia', egypt: 'Egypt', france: 'France', germany: 'Germany', india: 'India',
  indonesia: 'Indonesia', israel: 'Israel', italy: 'Italy', malaysia: 'Malaysia', mexico: 'Mexico', netherlands: 'Netherlands', nigeria: 'Nigeria',
  pakistan: 'Pakistan', peru: 'Peru', russia: 'Russia', saudiArabia: 'Saudi Arabia', southAfrica: 'South Africa', spain: 'Spain', turkey: 'Turkey',
  unitedArabEmirates: 'United Arab Emirates', unitedKingdom: 'United Kingdom', northAmerica: 'North America', restOfAfrica: 'Rest of Africa',
  restOfAsiaPacific: 'Rest of Asia Pacific', restOfCentralEasternEurope: 'Rest of Central & Eastern Europe', restOfLatinAmerica: 'Rest of Latin America',
  restOfMiddleEast: 'Rest of Middle East', restOfWesternEurope: 'Rest of Western Europe', other: 'Other',
};

/** The countries of each market but Other (every country not listed is in Other) — Meta "Pricing", reported transcription. */
const MARKET_COUNTRIES: Readonly<Record<Exclude<MarketId, 'other'>, string>> = {
  argentina: 'AR', brazil: 'BR', chile: 'CL', colombia: 'CO', egypt: 'EG', france: 'FR', germany: 'DE', india: 'IN', indonesia: 'ID', israel: 'IL',
  italy: 'IT', malaysia: 'MY', mexico: 'MX', netherlands: 'NL', nigeria: 'NG', pakistan: 'PK', peru: 'PE', russia: 'RU', saudiArabia: 'SA',
  southAfrica: 'ZA', spain: 'ES', turkey: 'TR', unitedArabEmirates: 'AE', unitedKingdom: 'GB', northAmerica: 'US CA',
  restOfAfrica: 'DZ AO BJ BW BF BI CM TD CG CD ER ET GA GM GH GW CI KE LS LR LY MG MW ML MR MA MZ NA NE RW SN SL SO SS SD SZ TZ TG TN UG ZM ZW',
  restOfAsiaPacific: 'AF AU BD KH CN HK JP LA MN NP NZ PG PH SG LK TW TJ TH TM UZ VN',
  restOfCentralEasternEurope: 'AL AM AZ BY BG HR CZ GE GR HU LV LT MD MK PL RO RS SK SI UA',
  restOfLatinAmerica: 'BO CR DO EC SV GT HT HN JM NI PA PY PR UY VE',
  restOfMiddleEast: 'BH IQ JO KW LB OM QA YE',
  restOfWesternEurope: 'AT BE DK FI IE NO PT SE CH',
};

/** ISO 3166-1 alpha-2 country codes (plus XK, Kosovo, which has a calling code of its own): what a scenario may name. */
export const COUNTRY_CODES: readonly string[] = (
  'AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ ' +
  'DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT ' +
  'JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG ' +
  'NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH ' +
  'TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW'
).split(' ');

const COUNTRY_SET = new Set(COUNTRY_CODES);
const MARKET_OF = new Map<string, MarketId>(Object.entries(MARKET_COUNTRIES).flatMap(([market, codes]) => codes.split(' ').map((c) => [c, market as MarketId] as const)));

/** True for a country code a scenario may use. */
export function isCountryCode(code: string): boolean {
  return COUNTRY_SET.has(code);
}

/**
 * The pricing market of an ISO 3166 country: its own market, a regional one, or Other.
 * @example marketOf('BR') // 'brazil'
 * @example marketOf('BE') // 'restOfWesternEurope'
 * @example marketOf('IS') // 'other'
 */
export function marketOf(country: string): MarketId {
  return MARKET_OF.get(country) ?? 'other';
}

/** True for a market id of the rate card. */
export function isMarketId(id: string): id is MarketId {
  return (MARKET_IDS as readonly string[]).includes(id);
}
