/**
 * What a sender can observe, and the only door a strategy has into the model (MODEL.md §9).
 * Strategies import types from here and nothing else from src/model: they see API responses,
 * status updates and inbound messages, never hidden state (trust score, feedback windows,
 * other recipients' latent traits).
 */
import type { Rng } from '../engine/index.js';
import type { ErrorCode } from './codes.js';

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
  readonly kind: 'reply' | 'text';
  /** The message replied to, for a reply. */
  readonly context?: number;
  readonly at: number;
}

export interface NumberView {
  readonly id: string;
  readonly channel: 'cloud-api' | 'coexistence';
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
}

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
  /** The strategy's own random stream (for jitter), independent of the model's. */
  readonly rng: Rng;
}

/** The business's sending code. Every callback is optional except `onCampaignStart`. */
export interface Strategy {
  onCampaignStart(api: SenderApi, campaign: CampaignView): void;
  onWake?(api: SenderApi, tag: string): void;
  onStatus?(api: SenderApi, update: StatusUpdate): void;
  onInbound?(api: SenderApi, message: InboundMessage): void;
}
