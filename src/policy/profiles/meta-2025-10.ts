/**
 * Profile `meta-2025-10` (default): Meta's documented rules from 2025-10-07 — portfolio-level
 * limits, 250 → 2K → 10K → 100K → unlimited (MODEL.md §1; seeds 000, 002).
 */
import type { PolicyProfile } from '../types.js';
import { META_ERROR_CODES, META_MESSAGING_LIMITS, META_SERVICE_WINDOW, SEED_000, SEED_002 } from '../sources.js';

export const meta202510: PolicyProfile = {
  id: 'meta-2025-10',
  version: '2025-10-07.1',
  title: "Meta's documented rules from 2025-10-07",
  description: 'Portfolio-level messaging limits 250 → 2K → 10K → 100K → unlimited, shared by all numbers',
  params: {
    limits: {
      scope: {
        value: 'portfolio',
        choices: ['portfolio', 'number'],
        unit: '',
        source: `${META_MESSAGING_LIMITS}; ${SEED_002}`,
        label: 'documented',
        description: 'Where the messaging limit lives: the business portfolio (shared by its numbers) or each number',
      },
      windowHours: {
        value: 24,
        min: 1,
        max: 24 * 30,
        unit: 'hours',
        source: `${META_MESSAGING_LIMITS}; ${SEED_000}`,
        label: 'documented',
        description: 'Length of the moving window in which unique business-initiated users are counted',
      },
      tiers: {
        value: [
          { name: 'TIER_250', limit: 250 },
          { name: 'TIER_2K', limit: 2000 },
          { name: 'TIER_10K', limit: 10000 },
          { name: 'TIER_100K', limit: 100000 },
          { name: 'TIER_UNLIMITED', limit: null },
        ],
        unit: 'unique users per window',
        source: `${META_MESSAGING_LIMITS}; ${SEED_002}`,
        label: 'documented',
        description: 'The messaging-limit ladder, lowest first (null = no cap)',
      },
      startTier: {
        value: 'TIER_250',
        unit: '',
        source: META_MESSAGING_LIMITS,
        label: 'documented',
        description: 'Tier of a new portfolio when the scenario does not set one',
      },
    },
    serviceWindow: {
      hours: {
        value: 24,
        min: 0,
        max: 24 * 7,
        unit: 'hours',
        source: META_SERVICE_WINDOW,
        label: 'documented',
        description: "Customer-service window opened by a user's inbound message; messages inside it are not counted",
      },
    },
    delivery: {
      latencyMeanSeconds: {
        value: 2,
        min: 0,
        max: 3600,
        unit: 'seconds',
        source: 'wabasim assumption (no published figure)',
        label: 'estimate',
        description: 'Mean of the exponential delay between an accepted send and delivery to the handset',
      },
      blockedRecipientCode: {
        value: 131026,
        unit: 'error code',
        source: META_ERROR_CODES,
        label: 'reported',
        description: 'Failure code for a message to a user who has blocked the number (131026 message undeliverable)',
      },
    },
  },
};
