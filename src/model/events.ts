/**
 * The model's tagged events: readonly data with only the fields needed to replay them. The events
 * about one message (deliver, read, reply, block, report, stop) are compact engine events instead,
 * `(kind, slot)` into the in-flight message table — see messages.ts.
 */

export type ModelEvent =
  | { readonly type: 'campaign-start'; readonly campaign: number }
  | { readonly type: 'strategy-wake'; readonly tag: string }
  | { readonly type: 'inbound-arrival'; readonly segment: number }
  | { readonly type: 'tier-upgrade'; readonly pool: number }
  | { readonly type: 'flag-review'; readonly number: number; readonly since: number }
  | { readonly type: 'pacing-verdict'; readonly template: number; readonly cycle: number }
  | { readonly type: 'pacing-release'; readonly template: number; readonly cycle: number; readonly batch: number }
  | { readonly type: 'template-reinstate'; readonly template: number; readonly pause: number }
  | { readonly type: 'throughput-upgrade'; readonly number: number }
  | { readonly type: 'app-open'; readonly number: number }
  | { readonly type: 'coexistence-check'; readonly number: number; readonly since: number }
  | { readonly type: 'reconnect'; readonly number: number; readonly openedAt: number }
  | { readonly type: 'enforcement-end'; readonly enforcement: number }
  | { readonly type: 'appeal-review'; readonly enforcement: number }
  | { readonly type: 'metadata-change'; readonly change: number }
  | { readonly type: 'ai-policy'; readonly stage: 'warning' | 'restriction' }
  | { readonly type: 'hour-end'; readonly hour: number };

export type ModelEventType = ModelEvent['type'];

/** Priorities among events at the same time: bookkeeping last, so an hour's sample sees all of it. */
export const PRIORITY = { normal: 0, bookkeeping: 10 } as const;
