/**
 * What a sender can observe, and the only door a strategy has into the model (MODEL.md §9).
 * Strategies import types from here and nothing else from src/model: they see API responses,
 * status updates and inbound messages, never hidden state (trust score, feedback windows,
 * other recipients' latent traits).
 */
import type { Rng } from '../engine/index.js';
import type { ErrorCode } from './codes.js';
import type { Channel } from '../policy/types.js';

/** Send-response `message_status` values (Meta Cloud API v24, documented). */
export type MessageStatus = 'accepted' | 'held_for_quality_assessment' | 'paused';

/** The synchronous answer to a send request. */
export type SendResponse =
  | { readonly ok: true; readonly messageId: number; readonly messageStatus: MessageStatus }
  | { readonly ok: false; readonly code: ErrorCode };

/** A message status webhook, reduced to its fields (the event log carries Meta's full shape). */
export interface StatusUpdate {
  readonly messageId: number;
  readonly status: 'delivered' | 'read' | 'failed';
  /** Error code when `status` is 'failed'. */
  readonly code?: ErrorCode;
  readonly from: string;
  readonly to: number;
  readonly at: number;
}

/** An inbound message from a user: a reply to one of ours, or a spontaneous message. */
export interface InboundMessage {
  readonly from: number;
  readonly to: string;
  /** 'stop' is an opt-out request ("STOP"): the business must not message the user again. */
  readonly kind: 'reply' | 'text' | 'stop';
  /** The message replied to, for a reply. */
  readonly context?: number;
  readonly at: number;
}

export interface NumberView {
  readonly id: string;
  readonly channel: Channel;
}

export interface TemplateView {
  readonly id: string;
  readonly category: 'marketing' | 'utility' | 'authentication';
}

/** A campaign as the business planned it: recipients are the index range [first, first + count). */
export interface CampaignView {
  readonly id: string;
  readonly template: string;
  readonly number: string;
  readonly first: number;
  readonly count: number;
  readonly startAt: number;
  /** Recipients to reach per day, or `count` when the scenario gives no daily target. */
  readonly dailyTarget: number;
  /** Numbers the campaign may send from (scenario `numbers`; `number` is the first); the built-ins spread its recipients over them. */
  readonly numbers: readonly string[];
  /** The scenario campaign this is an occurrence of, and which one (1-based; 1 for a one-off campaign, whose `id` is `series`; else `id` is "SERIES#k"). */
  readonly series: string;
  readonly occurrence: number;
  /** The recipients' local sending window [from, to) in local hours (campaign's, else its segment's `localWindow`), if any: see SenderApi.inLocalWindow. */
  readonly localWindow?: { readonly from: number; readonly to: number };
}

/** Number quality rating as Meta reports it (UNKNOWN before enough data). */
export const QUALITY_RATINGS = ['UNKNOWN', 'GREEN', 'YELLOW', 'RED'] as const;
export type QualityRating = (typeof QUALITY_RATINGS)[number];

/**
 * A management webhook, reduced to its fields (the event log carries Meta's full payload shape).
 * `phone_number_quality_update` and `business_capability_update` follow seed 002's examples.
 */
export type Webhook =
  | {
      readonly kind: 'phone_number_quality_update';
      readonly number: string;
      /** e.g. QUALITY_UPDATED, UPGRADE, DOWNGRADE, FLAGGED, UNFLAGGED, THROUGHPUT_UPGRADE */
      readonly event: string;
      readonly currentLimit: string;
      /** The tier before an UPGRADE or DOWNGRADE (Meta's `old_limit`, sent only for messaging-limit changes). */
      readonly previousLimit?: string;
      readonly currentQualityRating?: QualityRating;
      readonly previousQualityRating?: QualityRating;
      readonly at: number;
    }
  | {
      readonly kind: 'business_capability_update';
      /** The portfolio's limit (2025-10 rules) or a number's (legacy), as Meta names it. */
      readonly maxDailyConversationsPerBusiness?: number | 'UNLIMITED';
      readonly maxDailyConversationPerPhone?: number | 'UNLIMITED';
      readonly number?: string;
      readonly event?: string;
      readonly at: number;
    }
  | {
      readonly kind: 'message_template_status_update';
      readonly template: string;
      /** PAUSED, REINSTATED, DISABLED, … */
      readonly event: string;
      readonly reason?: string;
      readonly at: number;
    }
  | {
      readonly kind: 'message_template_quality_update';
      readonly template: string;
      readonly previousQualityScore: string;
      readonly newQualityScore: string;
      readonly at: number;
    }
  | {
      readonly kind: 'account_update';
      readonly number?: string;
      /** e.g. ACCOUNT_RESTRICTION, ACCOUNT_VIOLATION, DISABLED_UPDATE, REINSTATED, DISCONNECTED */
      readonly event: string;
      readonly reason?: string;
      readonly until?: number;
      /**
       * What an ACCOUNT_RESTRICTION takes away: 'business-initiated' (no business-initiated messages,
       * no new phone numbers) or 'all' (customer-initiated replies too). Default 'business-initiated'.
       */
      readonly restriction?: 'business-initiated' | 'all';
      /** The violation type of an ACCOUNT_VIOLATION (Meta's `violation_info.violation_type`); default `reason`. */
      readonly violation?: string;
      readonly at: number;
    };

/** What a GET on the phone number returns (seed 002 shows the shape). */
export interface PhoneNumberFields {
  readonly id: string;
  readonly health_status: { readonly can_send_message: 'AVAILABLE' | 'LIMITED' | 'BLOCKED' };
  readonly quality_rating: QualityRating;
  /** Portfolio-level limit tier (2025-10 rules). */
  readonly whatsapp_business_manager_messaging_limit: string;
  /** Legacy per-number tier field. */
  readonly messaging_limit_tier?: string;
  readonly status: string;
}

/** A Graph API answer: the fields, or an error code (429 over budget, 503 overloaded). */
export type GraphResponse<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly code: number };

/** The sender's side of the platform: what a strategy may read and do. Times in simulated ms. */
export interface SenderApi {
  /** Current simulated time (ms since the start of the run). */
  now(): number;
  numbers(): readonly NumberView[];
  templates(): readonly TemplateView[];
  campaigns(): readonly CampaignView[];
  /** Sends a template message from number `from` to recipient `to`. */
  sendTemplate(from: string, to: number, template: string): SendResponse;
  /** Sends a free-form message (only inside a customer-service window). */
  sendText(from: string, to: number): SendResponse;
  /** Asks for `onWake(tag)` at time `at` (≥ now). */
  wakeAt(at: number, tag: string): void;
  /** GET on a phone number; spends one request of the Graph API app-level budget. */
  getPhoneNumber(id: string): GraphResponse<PhoneNumberFields>;
  /** Opens the WhatsApp Business app on a coexistence number's phone (resets its 14-day clock). */
  openApp(id: string): void;
  /**
   * Recipient `recipient`'s local hour now, in [0, 24): UTC plus the offset of the zone it drew
   * from its segment's `timeZones` (UTC when none), the offset fixed per simulated day.
   */
  localHour(recipient: number): number;
  /**
   * Whether `recipient`'s local hour now is inside the campaign's local window (by view or id;
   * true when the campaign has none).
   */
  inLocalWindow(campaign: CampaignView | string, recipient: number): boolean;
  /** The recipient's attributes (segment `attributes`), a frozen record of numbers; empty when none are declared. */
  attributes(recipient: number): Readonly<Record<string, number>>;
  /** One attribute of the recipient, NaN when its segment does not declare it (no allocation: for sorting a list). */
  attribute(recipient: number, name: string): number;
  /** The strategy's own random stream (for jitter), independent of the model's. */
  readonly rng: Rng;
}

/**
 * The business's sending code. Every callback is optional except `onCampaignStart`. The object
 * `create` returns is the strategy for the whole run: a run without `onStatus` and `onInbound`
 * does not keep message ids for webhooks nobody receives (model/messages.ts).
 */
export interface Strategy {
  onCampaignStart(api: SenderApi, campaign: CampaignView): void;
  onWake?(api: SenderApi, tag: string): void;
  onStatus?(api: SenderApi, update: StatusUpdate): void;
  onInbound?(api: SenderApi, message: InboundMessage): void;
  onWebhook?(api: SenderApi, webhook: Webhook): void;
}
