/**
 * Profile `meta-2026-q2-forecast`: as `meta-2025-10`, but verified businesses start at 100K (seed
 * 000's announced "100K baseline") with more aggressive pacing guardrails. NOT documented by Meta:
 * every changed parameter is labelled `forecast`, and reports say so.
 */
import { choice, num } from '../define.js';
import { deriveProfile } from '../derive.js';
import { META_TEMPLATE_PACING, SEED_000 } from '../sources.js';
import { meta202510 } from './meta-2025-10.js';

const FORECAST = `${SEED_000} (announced 2026 changes; not in Meta's documentation)`;

export const meta2026Q2Forecast = deriveProfile(
  meta202510,
  {
    id: 'meta-2026-q2-forecast',
    version: '2026-q2.forecast.1',
    title: 'Forecast: the announced 100K baseline (not documented by Meta)',
    description: 'As meta-2025-10, but verified portfolios start at TIER_100K, with tighter pacing (FORECAST)',
  },
  {
    limits: {
      verifiedStartTier: choice('TIER_100K', [], 'forecast', FORECAST, 'A verified portfolio starts at TIER_100K (the announced baseline)'),
    },
    pacing: {
      threshold: num(500, 'messages', 0, 1e7, 'forecast', `${FORECAST}; ${META_TEMPLATE_PACING}`, 'Smaller first batch before holding (more aggressive guardrails)'),
      windowMinutes: num(30, 'minutes', 1, 24 * 60, 'forecast', `${FORECAST}; BSP (feedback expected within 30–60 min)`, 'Longer feedback window'),
      failRate: num(0.015, 'rate', 0, 1, 'forecast', FORECAST, 'Stricter verdict'),
    },
  },
);
