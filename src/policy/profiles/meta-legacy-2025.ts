/**
 * Profile `meta-legacy-2025`: Meta's documented rules before 2025-10-07 — per-number limits,
 * 250 → 1K → 10K → 100K → unlimited, upgrades 24 h after the criteria, FLAGGED for 7 days → down
 * one tier (MODEL.md §1 table). Option `limits.upgradeRule: "double-in-7-days"` reproduces seed
 * 004's worked examples (2× the limit in unique users over 7 days, upgraded at the end of the day).
 */
import { choice, flag, num, tiers } from '../define.js';
import { deriveProfile } from '../derive.js';
import { META_MESSAGING_LIMITS, SEED_001, SEED_004 } from '../sources.js';
import { meta202510 } from './meta-2025-10.js';

const LEGACY = `${META_MESSAGING_LIMITS} (pre-2025-10-07 regime)`;

export const metaLegacy2025 = deriveProfile(
  meta202510,
  {
    id: 'meta-legacy-2025',
    version: '2025-10-06.1',
    title: "Meta's documented rules before 2025-10-07",
    description: 'Per-number limits 250 → 1K → 10K → 100K → unlimited; upgrades 24 h after criteria; FLAGGED 7 days → down one tier',
  },
  {
    limits: {
      scope: choice('number', ['portfolio', 'number'], 'documented', LEGACY, 'Where the messaging limit lives: each phone number'),
      tiers: tiers(
        [
          { name: 'TIER_250', limit: 250 },
          { name: 'TIER_1K', limit: 1000 },
          { name: 'TIER_10K', limit: 10000 },
          { name: 'TIER_100K', limit: 100000 },
          { name: 'TIER_UNLIMITED', limit: null },
        ],
        'documented',
        `${LEGACY}; ${SEED_004}; ${SEED_001}`,
        'The legacy per-number ladder, lowest first (null = no cap)',
      ),
      firstAutomaticTier: choice('TIER_1K', [], 'documented', LEGACY, 'First tier reached by automatic scaling'),
      upgradeDelayHours: num(24, 'hours', 0, 720, 'documented', LEGACY, 'Delay between meeting the criteria and the upgrade'),
      upgradeMinQuality: choice('YELLOW', ['GREEN', 'YELLOW', 'RED'], 'documented', LEGACY, 'Quality MEDIUM or HIGH allows scaling'),
      scalingPathUniqueUsers: num(1000, 'unique users', 0, 1e7, 'reported', `BSPs (1,000 high-quality conversations in 30 days → 1K)`, 'Delivered unique users in 30 days that open 250 → 1K'),
      flagOnLowQuality: flag(true, 'documented', LEGACY, 'A number whose quality is RED is FLAGGED'),
    },
  },
);
