/**
 * The building blocks the facts' scenarios share: a number, a neutral template (no
 * personalisation or branding discount, so a list's block probability is what the fact names) and
 * an opted-in list. Plain JSON data, validated as a scenario by `scenarioOf`.
 */

/** A phone number of `channel`, in Brazil, `ageDays` old. */
export function phone(channel: 'cloud-api' | 'coexistence' | 'web-session', ageDays: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'main', channel, country: 'BR', ageDays, ...extra };
}

/** A marketing (or other) template rated HIGH, neither personalised nor branded. */
export function template(id = 'offer', category: 'marketing' | 'utility' = 'marketing'): Record<string, unknown> {
  return { id, category, quality: 'HIGH', personalized: false, branded: false };
}

/**
 * An explicitly opted-in list that knows the brand: 80% read, `replyProbability` 10% and
 * `blockProbability` 0.4% unless overridden (public benchmarks: 8–15% replies is a healthy
 * marketing list; seed 003: under 1% blocks is safe).
 */
export function optedInList(size: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'list',
    size,
    optIn: 'explicit',
    brandRecognition: 1,
    readProbability: 0.8,
    replyProbability: 0.1,
    blockProbability: 0.004,
    reportProbability: 0.0002,
    marketingFromOthersPerDay: 0.5,
    inboundPerDay: 0.01,
    ...extra,
  };
}

/** One campaign of `template` to the whole list from `startHour`. */
export function campaign(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: 'c', template: 'offer', segment: 'list', startHour: 9, ...extra };
}
