/** The shipped policy profiles, by id. */
import type { PolicyProfile } from './types.js';
import { meta202510 } from './profiles/meta-2025-10.js';
import { metaLegacy2025 } from './profiles/meta-legacy-2025.js';
import { meta2026Q2Forecast } from './profiles/meta-2026-q2-forecast.js';

export const PROFILE_IDS = ['meta-2025-10', 'meta-legacy-2025', 'meta-2026-q2-forecast'] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/** A total registry: adding an id without its profile fails to compile. */
export const PROFILES: Readonly<Record<ProfileId, PolicyProfile>> = {
  'meta-2025-10': meta202510,
  'meta-legacy-2025': metaLegacy2025,
  'meta-2026-q2-forecast': meta2026Q2Forecast,
};

export const DEFAULT_PROFILE: ProfileId = 'meta-2025-10';

/** True if `id` names a shipped profile. */
export function isProfileId(id: string): id is ProfileId {
  return (PROFILE_IDS as readonly string[]).includes(id);
}
