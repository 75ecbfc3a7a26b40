/**
 * Reading a messaging limit as Meta reports it: tier names in GET phone-number fields
 * (`whatsapp_business_manager_messaging_limit`, legacy `messaging_limit_tier`) and
 * `phone_number_quality_update.current_limit` — TIER_250, TIER_1K, TIER_2K, TIER_10K, TIER_100K,
 * TIER_UNLIMITED — and numbers (or "UNLIMITED") in `business_capability_update`.
 * Source: seed 002 (tier table, limit fields); Meta "Messaging limits", documented.
 */

/**
 * Unique users per moving 24 hours for a tier name or a webhook value; Infinity for unlimited;
 * undefined for anything it cannot read.
 * @example tierLimit('TIER_2K') // 2000
 * @example tierLimit('TIER_UNLIMITED') // Infinity
 * @example tierLimit(10000) // 10000
 */
export function tierLimit(value: string | number | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (value === undefined) return undefined;
  if (/UNLIMITED$/i.test(value)) return Infinity;
  const m = /^(?:TIER_)?(\d+)(K?)$/i.exec(value.trim());
  return m ? Number(m[1]) * (m[2] ? 1000 : 1) : undefined;
}
