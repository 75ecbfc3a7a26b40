/**
 * `engaged-first`: tier-aware's daily volume, but each campaign's recipients go in descending
 * order of a recipient attribute (`attribute`, default `engagement`; segment `attributes`, issue
 * 22), and recipients below `minEngagement` are left out. The most engaged read and reply more and block less — seed 003
 * ("start with your most engaged contacts"; "known contacts first"), community estimate — so a
 * limited daily volume reaches them first. A recipient with no `engagement` (its segment declares
 * none) counts as 0. Spreads recipients over the campaign's numbers and honours local windows
 * like tier-aware.
 */
import type { CampaignView, SenderApi } from '../model/observable.js';
import { META_MESSAGING_LIMITS, SEED_003 } from '../policy/sources.js';
import { defineStrategy, numberParam } from './define-strategy.js';
import { createTierAware, TIER_AWARE_PARAMS } from './tier-aware.js';
import { stringParam } from './kit.js';


export const engagedFirst = defineStrategy({
  name: 'engaged-first',
  description: "tier-aware's daily volume, sending each campaign to the most engaged recipients first (recipient attribute `engagement`, descending) and skipping those below minEngagement",
  source: `${SEED_003} (most engaged contacts first); ${META_MESSAGING_LIMITS}`,
  params: {
    attribute: stringParam('engagement', 'Recipient attribute (segment `attributes`) to order by, highest first'),
    minEngagement: numberParam(0, -1e9, 1e9, 'Recipients whose attribute is below this are not sent to (default 0: everyone with a value ≥ 0)'),
    ...TIER_AWARE_PARAMS,
  },
  create(params) {
    return createTierAware(params, (api, c) => engagementOrder(api, c, params.minEngagement, params.attribute));
  },
});

/**
 * Campaign `c`'s recipients with engagement ≥ `min` (missing counts as 0), most engaged first;
 * ties in list order. One attribute read per recipient, once per campaign.
 */
export function engagementOrder(api: SenderApi, c: CampaignView, min: number, attribute = 'engagement'): Int32Array {
  const value = new Float64Array(c.count);
  const keep: number[] = [];
  for (let k = 0; k < c.count; k++) {
    const v = api.attribute(c.first + k, attribute);
    value[k] = Number.isNaN(v) ? 0 : v;
    if (value[k] >= min) keep.push(k);
  }
  keep.sort((a, b) => value[b] - value[a] || a - b);
  return Int32Array.from(keep, (k) => c.first + k);
}
