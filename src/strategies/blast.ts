/**
 * `blast`: everything at once, immediate retries. The naive sender seed 000 warns against
 * ("blasting a cold list"); a baseline the other strategies are compared with.
 */
import type { StrategyDefinition } from './types.js';
import { SEED_000 } from '../policy/sources.js';

export const blast: StrategyDefinition = {
  name: 'blast',
  description: 'Sends every campaign recipient at the campaign start; retries a failed send immediately',
  source: `${SEED_000} (the anti-pattern it describes)`,
  params: {
    retries: { type: 'integer', default: 2, min: 0, max: 100, description: 'Immediate retries of a synchronously failed send' },
  },
  create(params) {
    const retries = Number(params.retries);
    return {
      onCampaignStart(api, campaign) {
        for (let r = campaign.first; r < campaign.first + campaign.count; r++) {
          for (let attempt = 0; attempt <= retries; attempt++) {
            if (api.sendTemplate(campaign.number, r, campaign.template).ok) break;
          }
        }
      },
    };
  },
};
