/**
 * The model's events: readonly tagged data with only the fields needed to replay them.
 * `template` is the template index, or -1 for a free-form message.
 */
export type ModelEvent =
  | { readonly type: 'campaign-start'; readonly campaign: number }
  | { readonly type: 'strategy-wake'; readonly tag: string }
  | { readonly type: 'deliver'; readonly id: number; readonly number: number; readonly recipient: number; readonly template: number }
  | { readonly type: 'read'; readonly id: number; readonly number: number; readonly recipient: number }
  | { readonly type: 'reply'; readonly id: number; readonly number: number; readonly recipient: number }
  | { readonly type: 'block'; readonly id: number; readonly number: number; readonly recipient: number; readonly reason: string }
  | { readonly type: 'inbound-arrival'; readonly segment: number }
  | { readonly type: 'hour-end'; readonly hour: number };

export type ModelEventType = ModelEvent['type'];

/** Priorities among events at the same time: bookkeeping last, so an hour's sample sees all of it. */
export const PRIORITY = { normal: 0, bookkeeping: 10 } as const;
