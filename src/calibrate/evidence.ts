/**
 * What a business can see of the rates it cannot see. Blocks and reports never reach a business's
 * webhooks; their consequences do: quality-rating changes of a number, template pauses and
 * quality changes, 131026 failures to users who blocked, account restrictions. `EvidenceTally`
 * reads Meta webhook payloads (as Meta posts them: one `whatsapp_business_account` object) and
 * keeps the counts that the hidden-rate inference (src/calibrate/hidden/) compares with the same
 * counts taken from simulated runs' payloads — the observed and the simulated side go through
 * this one reader, so they mean the same thing.
 * Shapes: https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/status
 * and the phone_number_quality_update, message_template_status_update,
 * message_template_quality_update and account_update pages, documented.
 */

import { isObj, type Obj } from './json-shape.js';
import { payloadFacts, type FactSink, type StatusFact } from './facts.js';

/** Quality ratings from worst-known to worst, for "is this a downgrade". */
const RATING_RANK: Readonly<Record<string, number>> = { UNKNOWN: 0, GREEN: 1, YELLOW: 2, RED: 3 };

/** The counts, over the whole log. Days are counted from the first delivered template message. */
export interface HiddenEvidence {
  /** Template messages delivered: `delivered` statuses whose pricing category is not `service` (a webhook Meta delivers twice counts twice). */
  readonly delivered: number;
  /** Delivered template messages per day (index 0: the 24 hours from the hour of the first one). */
  readonly deliveredPerDay: readonly number[];
  /** Distinct recipients (`recipient_id`) with a delivered template message. */
  readonly recipients: number;
  /** Failed statuses with error code 131026 (the recipient cannot receive it: among others, they blocked the number). */
  readonly undeliverable: number;
  /** Failed statuses, any code. */
  readonly failed: number;
  /** phone_number_quality_update events whose current rating is worse than the previous one. */
  readonly qualityDowngrades: number;
  /** Days from the first delivered template message to the first downgrade; null when none. */
  readonly firstDowngradeDay: number | null;
  /** The worst quality rating any number reported (UNKNOWN when none was reported). */
  readonly worstRating: 'UNKNOWN' | 'GREEN' | 'YELLOW' | 'RED';
  /** message_template_status_update events PAUSED. */
  readonly templatePauses: number;
  /** message_template_status_update events DISABLED. */
  readonly templateDisables: number;
  /** message_template_quality_update events to a worse score (GREEN → YELLOW → RED). */
  readonly templateQualityDrops: number;
  /** account_update events that restrict or disable: ACCOUNT_RESTRICTION, ACCOUNT_VIOLATION, DISABLED_UPDATE (not REINSTATE). */
  readonly restrictions: number;
  /** Distinct phone_number_id values seen. */
  readonly numbers: number;
}


/**
 * Accumulates `HiddenEvidence` from webhook payloads in any order of arrival (timestamps, not
 * arrival order, decide days). Memory: one entry per distinct recipient and per hour with
 * deliveries, never per message — pass recipient ids already hashed if they must not be kept.
 * @example const t = new EvidenceTally(); t.add(payload); t.evidence().undeliverable
 */
export class EvidenceTally implements FactSink {
  private readonly recipientIds = new Set<string>();
  private readonly numberIds = new Set<string>();
  /** Delivered template messages by absolute hour (unix seconds / 3,600): memory by hours, not messages. */
  private readonly deliveredByHour = new Map<number, number>();
  private delivered = 0;
  private firstDelivered = Infinity;
  private readonly downgradeAt: number[] = [];
  private undeliverable = 0;
  private failed = 0;
  private worst = 0;
  private templatePauses = 0;
  private templateDisables = 0;
  private templateQualityDrops = 0;
  private restrictions = 0;
  /** Payloads that were not a `whatsapp_business_account` object. */
  ignored = 0;

  /** @param recipientKey what to keep of a recipient's wa_id (e.g. a salted hash; default: as is). */
  constructor(private readonly recipientKey: (waId: string) => string = (id) => id) {}

  /** Reads one payload; returns false (and counts it ignored) when it is not a WhatsApp Business Account webhook. */
  add(payload: unknown): boolean {
    if (!isObj(payload) || payload.object !== 'whatsapp_business_account') {
      this.ignored++;
      return false;
    }
    payloadFacts(payload, undefined, this.recipientKey, this);
    return true;
  }

  number(id: string): void {
    this.numberIds.add(id);
  }

  change(field: string, value: Obj, entryTime: number | undefined): void {
    if (field === 'phone_number_quality_update') {
      if (typeof value.phone_number_id === 'string' || typeof value.phone_number_id === 'number') this.numberIds.add(String(value.phone_number_id));
      const current = RATING_RANK[String(value.current_quality_rating)];
      const previous = RATING_RANK[String(value.previous_quality_rating)];
      if (current !== undefined) this.worst = Math.max(this.worst, current);
      if (current !== undefined && previous !== undefined && previous > 0 && current > previous && entryTime !== undefined) this.downgradeAt.push(entryTime);
      return;
    }
    if (field === 'message_template_status_update') {
      if (value.event === 'PAUSED') this.templatePauses++;
      else if (value.event === 'DISABLED') this.templateDisables++;
      return;
    }
    if (field === 'message_template_quality_update') {
      const next = RATING_RANK[String(value.new_quality_score)];
      const previous = RATING_RANK[String(value.previous_quality_score)];
      if (next !== undefined && previous !== undefined && previous > 0 && next > previous) this.templateQualityDrops++;
      return;
    }
    if (field === 'account_update') {
      const event = String(value.event);
      const reinstate = isObj(value.ban_info) && value.ban_info.waba_ban_state === 'REINSTATE';
      if (event === 'ACCOUNT_RESTRICTION' || event === 'ACCOUNT_VIOLATION' || (event === 'DISABLED_UPDATE' && !reinstate)) this.restrictions++;
    }
  }

  status(s: StatusFact): void {
    if (s.status === 'failed') {
      this.failed++;
      if (s.undeliverable) this.undeliverable++;
    } else if (s.status === 'delivered') {
      if (s.category === 'service' || s.at === undefined) return;
      this.delivered++;
      if (s.at < this.firstDelivered) this.firstDelivered = s.at;
      const hour = Math.floor(s.at / 3_600);
      this.deliveredByHour.set(hour, (this.deliveredByHour.get(hour) ?? 0) + 1);
      if (s.recipient !== undefined) this.recipientIds.add(s.recipient);
    }
  }

  /** Inbound messages say nothing of blocks. */
  message(): void {}

  end(): void {}

  /** The counts so far. */
  evidence(): HiddenEvidence {
    const first = this.firstDelivered;
    const firstHour = Math.floor(first / 3_600);
    const perDay: number[] = [];
    for (const [hour, count] of this.deliveredByHour) {
      const day = Math.floor((hour - firstHour) / 24);
      while (perDay.length <= day) perDay.push(0);
      perDay[day] += count;
    }
    const firstDowngrade = this.downgradeAt.length === 0 || first === Infinity ? null : Math.max(0, (Math.min(...this.downgradeAt) - first) / 86_400);
    return {
      delivered: this.delivered,
      deliveredPerDay: perDay,
      recipients: this.recipientIds.size,
      undeliverable: this.undeliverable,
      failed: this.failed,
      qualityDowngrades: this.downgradeAt.length,
      firstDowngradeDay: firstDowngrade,
      worstRating: (['UNKNOWN', 'GREEN', 'YELLOW', 'RED'] as const)[this.worst],
      templatePauses: this.templatePauses,
      templateDisables: this.templateDisables,
      templateQualityDrops: this.templateQualityDrops,
      restrictions: this.restrictions,
      numbers: this.numberIds.size,
    };
  }
}
