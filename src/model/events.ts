/**
 * The model's events: readonly tagged data with only the fields needed to replay them.
 * `template` is the template index, or -1 for a free-form message.
 */
export type ModelEvent =
  | { readonly type: 'campaign-start'; readonly campaign: number }
  | { readonly type: 'strategy-wake'; readonly tag: string }
  /** `counted`: business-initiated (sent outside a service window, counted toward the limit). */
  | { readonly type: 'deliver'; readonly id: number; readonly number: number; readonly recipient: number; readonly template: number; readonly counted: boolean }
  | { readonly type: 'read'; readonly id: number; readonly number: number; readonly recipient: number }
  | { readonly type: 'reply'; readonly id: number; readonly number: number; readonly recipient: number }
  | { readonly type: 'block'; readonly id: number; readonly number: number; readonly recipient: number; readonly reason: string }
  | { readonly type: 'report'; readonly id: number; readonly number: number; readonly recipient: number }
  | { readonly type: 'stop'; readonly id: number; readonly number: number; readonly recipient: number }
  | { readonly type: 'inbound-arrival'; readonly segment: number }
  | { readonly type: 'tier-upgrade'; readonly pool: number }
  | { readonly type: 'flag-review'; readonly number: number; readonly since: number }
  | { readonly type: 'hour-end'; readonly hour: number };

export type ModelEventType = ModelEvent['type'];

/** Priorities among events at the same time: bookkeeping last, so an hour's sample sees all of it. */
export const PRIORITY = { normal: 0, bookkeeping: 10 } as const;
