/**
 * What `wabasim calibrate` counts while it streams a team's webhooks: per group (segment ×
 * template) and per hour of delivery, the template messages delivered, read, replied to and
 * STOPped, and the delivery, read and reply delays as sufficient statistics; per segment the
 * spontaneous inbound messages and the distinct recipients; error codes. Counting by hour of
 * delivery lets the estimates leave out the last hours of the log, where reads and replies have
 * not arrived yet (right-censoring), after the stream, with memory by hours, not messages.
 *
 * Memory: one record per distinct recipient (hashed id, segment, STOP flag, last template
 * message), one slot per message in flight (in-flight.ts; deleted at its reply or STOP, or
 * `windowSeconds` after its delivery), per-hour buckets per group; with `--sends`, one entry per
 * sent message until its first status. Never per line.
 */
import { isObj, type Obj } from './json-shape.js';
import { payloadFacts, type FactSink, type MessageFact, type StatusFact } from './facts.js';
import { EvidenceTally } from './evidence.js';
import { addDelay, emptyDelayStats, type DelayStats } from './estimate.js';
import { CLASSIFIED, FAILED, InFlight, NO_RECIPIENT, READ, REPLIED, STOP_ELIGIBLE, TEMPLATE } from './in-flight.js';


export { STOP_PATTERN } from './facts.js';

/** Counts per hour of delivery of one group. */
export interface HourBucket {
  /** Template messages delivered (pricing category not `service`). */
  delivered: number;
  /** Of those, read (a read status arrived). */
  read: number;
  /** Of those, replied to (an inbound message with `context.id` naming it, not a STOP). */
  replied: number;
  /** Replied messages that had a read status (read among the not-replied = read − readReplied). */
  readReplied: number;
  /** Marketing template messages delivered to a recipient who had not sent STOP (STOP can follow only those). */
  stopEligible: number;
  /** Of the STOP-eligible, replied to (not STOP). */
  stopEligibleReplied: number;
  /** STOP replies to them. */
  stops: number;
  readDelay: DelayStats;
  replyDelay: DelayStats;
  deliveryDelay: DelayStats;
}

function emptyBucket(): HourBucket {
  return { delivered: 0, read: 0, replied: 0, readReplied: 0, stopEligible: 0, stopEligibleReplied: 0, stops: 0, readDelay: emptyDelayStats(), replyDelay: emptyDelayStats(), deliveryDelay: emptyDelayStats() };
}

/** One segment × template key. */
export interface Group {
  readonly segment: number;
  /** Template name (from the send log), else `category:<pricing category>`. */
  readonly template: string;
  readonly hours: Map<number, HourBucket>;
  /** Messages sent (send log), failed (status) and refused (send log error) by code. */
  sent: number;
  /** Pricing category of its delivered messages (the first seen). */
  category?: string;
  /** Messages with a status (the error rates' denominator without a send log). */
  withStatus: number;
  failed: Map<string, number>;
  refused: Map<string, number>;
  /** Delay histograms (all delays, not censored), bins of HISTOGRAM_BINS_PER_DECADE per decade of seconds from 1 s. */
  readonly histograms: { readonly read: Uint32Array; readonly reply: Uint32Array; readonly delivery: Uint32Array };
}

/** Histogram bins: 5 per decade from 1 s to 10^8 s (about three years); shorter delays go in the first, longer in the last. */
export const HISTOGRAM_BINS_PER_DECADE = 5;
export const HISTOGRAM_BINS = 8 * HISTOGRAM_BINS_PER_DECADE;

function histogramAdd(h: Uint32Array, seconds: number): void {
  const i = Math.floor(Math.log10(Math.max(1, seconds)) * HISTOGRAM_BINS_PER_DECADE);
  h[Math.min(HISTOGRAM_BINS - 1, Math.max(0, i))]++;
}

/** One recipient, by hashed id. */
interface RecipientRecord {
  /** Its place in the accumulator's list (what a message in flight keeps). */
  readonly index: number;
  segment: number;
  stopped: boolean;
  /** Their last template message's id (a STOP without `context` goes to it). */
  last?: string;
}

/** A send of the send log, kept until its first status. */
export interface SendInfo {
  readonly segment: string;
  readonly template: string;
  readonly templateMessage: boolean;
  /** Unix seconds. */
  readonly sentAt: number;
}

/** What the reader saw that calibration cannot use, for the report. */
export interface Unused {
  /** Statuses whose message was delivered more than the window before, or never seen delivered. */
  orphanStatuses: number;
  /** Replies (with context) to a message no longer or never in flight. */
  orphanReplies: number;
  /** Duplicate statuses (Meta may post a webhook twice). */
  duplicates: number;
}

export interface AccumulatorOptions {
  /** Hashes a phone number (wa_id, recipient_id, from). */
  readonly hash: (phone: string) => string;
  /** How long a delivered message stays in flight, seconds (reads and replies later than that are not attributed). */
  readonly windowSeconds: number;
  /** Segment of messages without a send-log entry and of recipients never sent to. */
  readonly defaultSegment: string;
}

/**
 * Consumes webhook payloads (and, first, the send log) and keeps the counts above.
 * @example const a = new Accumulator({ hash, windowSeconds: 7 * 86400, defaultSegment: 'all' }); a.add(payload); a.groups
 */
export class Accumulator implements FactSink {
  readonly evidence: EvidenceTally;
  readonly segments: string[] = [];
  readonly groups: Group[] = [];
  /** Per segment: distinct recipients seen (sent to, delivered to or writing in). */
  readonly recipientsBySegment: number[] = [];
  /** Per segment: spontaneous inbound messages (no `context`, not STOP). */
  readonly inbound: number[] = [];
  /** Phone-number ids seen (not phone numbers). */
  readonly numberIds = new Set<string>();
  /** Earliest and latest timestamp of any status or message, unix seconds. */
  first = Infinity;
  last = -Infinity;
  readonly unused: Unused = { orphanStatuses: 0, orphanReplies: 0, duplicates: 0 };
  private readonly groupIndex = new Map<number, Map<string, number>>();
  private readonly segmentIndex = new Map<string, number>();
  private readonly messages = new InFlight();
  private readonly recipients = new Map<string, RecipientRecord>();
  private readonly recipientList: RecipientRecord[] = [];
  private readonly sends = new Map<string, SendInfo>();
  private sinceSweep = 0;

  constructor(private readonly opts: AccumulatorOptions) {
    this.evidence = new EvidenceTally(opts.hash);
    this.segmentOf(opts.defaultSegment);
  }

  /** Messages in flight now (for the bench's memory check). */
  get inFlight(): number {
    return this.messages.size + this.sends.size;
  }

  /** Distinct recipients seen. */
  get recipientCount(): number {
    return this.recipients.size;
  }

  segmentOf(name: string): number {
    let i = this.segmentIndex.get(name);
    if (i === undefined) {
      i = this.segments.length;
      this.segments.push(name);
      this.segmentIndex.set(name, i);
      this.recipientsBySegment.push(0);
      this.inbound.push(0);
    }
    return i;
  }

  groupOf(segment: number, template: string): number {
    let bySegment = this.groupIndex.get(segment);
    if (!bySegment) {
      bySegment = new Map();
      this.groupIndex.set(segment, bySegment);
    }
    let i = bySegment.get(template);
    if (i === undefined) {
      i = this.groups.length;
      this.groups.push({ segment, template, hours: new Map(), sent: 0, withStatus: 0, failed: new Map(), refused: new Map(), histograms: { read: new Uint32Array(HISTOGRAM_BINS), reply: new Uint32Array(HISTOGRAM_BINS), delivery: new Uint32Array(HISTOGRAM_BINS) } });
      bySegment.set(template, i);
    }
    return i;
  }

  private recipient(hashed: string, segment: number | undefined): RecipientRecord {
    let r = this.recipients.get(hashed);
    if (!r) {
      r = { index: this.recipientList.length, segment: segment ?? 0, stopped: false };
      this.recipients.set(hashed, r);
      this.recipientList.push(r);
      this.recipientsBySegment[r.segment]++;
    } else if (segment !== undefined && segment !== r.segment && r.segment === 0 && segment !== 0) {
      // first seen writing in (default segment), now sent to in a named segment: move them
      this.recipientsBySegment[0]--;
      this.recipientsBySegment[segment]++;
      r.segment = segment;
    }
    return r;
  }

  /** One send of the send log: a message id with its segment and template, or a refused send. */
  addSend(wamid: string | undefined, info: SendInfo, toPhone: string | undefined, errorCode: string | undefined): void {
    const segment = this.segmentOf(info.segment);
    const g = this.groups[this.groupOf(segment, info.template)];
    g.sent++;
    if (toPhone !== undefined) this.recipient(this.opts.hash(toPhone), segment);
    if (errorCode !== undefined) g.refused.set(errorCode, (g.refused.get(errorCode) ?? 0) + 1);
    else if (wamid !== undefined) this.sends.set(wamid, info);
  }

  /** Reads one payload; false when it is not a WhatsApp Business Account webhook. `receivedAt` (unix seconds) stands in for a missing `entry[].time`. */
  add(payload: unknown, receivedAt?: number): boolean {
    if (!isObj(payload) || payload.object !== 'whatsapp_business_account') return false;
    payloadFacts(payload, receivedAt, this.opts.hash, this);
    return true;
  }

  number(id: string): void {
    this.numberIds.add(id);
    this.evidence.number(id);
  }

  change(field: string, value: Obj, entryTime: number | undefined): void {
    this.evidence.change(field, value, entryTime);
  }

  /** The end of a payload: every 65,536 payloads, messages past the window are dropped. */
  end(): void {
    if (++this.sinceSweep >= 65_536) this.sweep();
  }

  private seen(t: number): void {
    if (t < this.first) this.first = t;
    if (t > this.last) this.last = t;
  }

  private bucket(group: number, at: number): HourBucket {
    const hours = this.groups[group].hours;
    const hour = Math.floor(at / 3_600);
    let b = hours.get(hour);
    if (!b) {
      b = emptyBucket();
      hours.set(hour, b);
    }
    return b;
  }

  status(s: StatusFact): void {
    this.evidence.status(s);
    const id = s.id;
    const at = s.at;
    if (id === undefined || at === undefined) return;
    this.seen(at);
    const f = this.messages;
    let k = f.slot(id);
    if (k === undefined) {
      // a read may arrive before its delivered status (webhooks are not ordered): keep it for the delivered one
      if (s.status !== 'delivered' && s.status !== 'failed' && s.status !== 'sent' && s.status !== 'read') {
        this.unused.orphanStatuses++;
        return;
      }
      const send = this.sends.get(id);
      if (send) this.sends.delete(id);
      const segment = send ? this.segmentOf(send.segment) : undefined;
      const r = s.recipient === undefined ? undefined : this.recipient(s.recipient, segment);
      const seg = segment ?? r?.segment ?? 0;
      const category = s.category;
      const templateMessage = send ? send.templateMessage : category !== undefined && category !== 'service';
      const template = send ? send.template : `category:${category ?? 'unknown'}`;
      const flags = (templateMessage ? TEMPLATE : 0) | (send !== undefined || category !== undefined ? CLASSIFIED : 0);
      k = f.add(id, this.groupOf(seg, template), send ? send.sentAt : NaN, flags, r ? r.index : NO_RECIPIENT);
      this.groups[f.group[k]].withStatus++;
    }
    switch (s.status) {
      case 'sent':
        if (Number.isNaN(f.sentAt[k])) f.sentAt[k] = at;
        return;
      case 'delivered': {
        if (!Number.isNaN(f.deliveredAt[k])) return void this.unused.duplicates++;
        f.deliveredAt[k] = at;
        if (!(f.flags[k] & CLASSIFIED) && s.category !== undefined) {
          // first seen by a read status (no pricing): the delivered status says what it was
          const category = s.category;
          const old = this.groups[f.group[k]];
          old.withStatus--;
          f.group[k] = this.groupOf(old.segment, `category:${category}`);
          this.groups[f.group[k]].withStatus++;
          f.flags[k] = (f.flags[k] & ~TEMPLATE) | (category !== 'service' ? TEMPLATE : 0) | CLASSIFIED;
        }
        if (!(f.flags[k] & TEMPLATE)) {
          // a service message: only its recipient matters (the category may only now be known)
          return;
        }
        const g = this.groups[f.group[k]];
        const b = this.bucket(f.group[k], at);
        b.delivered++;
        const sentAt = f.sentAt[k];
        if (!Number.isNaN(sentAt)) {
          addDelay(b.deliveryDelay, at - sentAt);
          histogramAdd(g.histograms.delivery, at - sentAt);
        }
        if (g.category === undefined && s.category !== undefined) g.category = s.category;
        const marketing = g.template === 'category:marketing' || s.category === 'marketing';
        const ri = f.recipient[k];
        if (ri !== NO_RECIPIENT) {
          const r = this.recipientList[ri];
          r.last = id;
          if (marketing && !r.stopped) f.flags[k] |= STOP_ELIGIBLE;
          else f.flags[k] &= ~STOP_ELIGIBLE;
        }
        if (f.flags[k] & STOP_ELIGIBLE) b.stopEligible++;
        if (f.flags[k] & READ) this.countRead(k); // a read status that arrived before its delivered status
        return;
      }
      case 'read':
        if (f.flags[k] & READ) return void this.unused.duplicates++;
        f.flags[k] |= READ;
        f.readAt[k] = at;
        if (!Number.isNaN(f.deliveredAt[k])) this.countRead(k);
        return;
      case 'failed': {
        if (f.flags[k] & FAILED) return void this.unused.duplicates++;
        f.flags[k] |= FAILED;
        const g = this.groups[f.group[k]];
        g.failed.set(s.firstError, (g.failed.get(s.firstError) ?? 0) + 1);
        return;
      }
      default:
        return;
    }
  }

  /** Counts the read of the delivered template message in slot `k`. */
  private countRead(k: number): void {
    const f = this.messages;
    if (!(f.flags[k] & TEMPLATE)) return;
    const delay = f.readAt[k] - f.deliveredAt[k];
    const b = this.bucket(f.group[k], f.deliveredAt[k]);
    b.read++;
    addDelay(b.readDelay, delay);
    histogramAdd(this.groups[f.group[k]].histograms.read, delay);
  }

  message(msg: MessageFact): void {
    const at = msg.at;
    if (at === undefined || msg.from === undefined) return;
    this.seen(at);
    const f = this.messages;
    const r = this.recipient(msg.from, undefined);
    const contextId = msg.contextId;
    if (msg.stop) {
      const id = contextId ?? r.last;
      const k = id === undefined ? undefined : f.slot(id);
      if (!r.stopped && k !== undefined && f.flags[k] & TEMPLATE && f.flags[k] & STOP_ELIGIBLE && !Number.isNaN(f.deliveredAt[k])) this.bucket(f.group[k], f.deliveredAt[k]).stops++;
      r.stopped = true;
      if (id !== undefined && k !== undefined) f.delete(id);
      return;
    }
    if (contextId !== undefined) {
      const k = f.slot(contextId);
      if (k === undefined || !(f.flags[k] & TEMPLATE) || Number.isNaN(f.deliveredAt[k])) return void this.unused.orphanReplies++;
      if (f.flags[k] & REPLIED) return void this.unused.duplicates++;
      f.flags[k] |= REPLIED;
      const b = this.bucket(f.group[k], f.deliveredAt[k]);
      b.replied++;
      if (f.flags[k] & READ) {
        b.readReplied++;
        addDelay(b.replyDelay, at - f.readAt[k]);
        histogramAdd(this.groups[f.group[k]].histograms.reply, at - f.readAt[k]);
      }
      if (f.flags[k] & STOP_ELIGIBLE) b.stopEligibleReplied++;
      f.delete(contextId);
      return;
    }
    this.inbound[r.segment]++;
  }

  /**
   * Drops messages delivered (or first seen) more than the window before the latest timestamp:
   * the map is in insertion order, so the oldest come first.
   */
  sweep(): void {
    this.sinceSweep = 0;
    const horizon = this.last - this.opts.windowSeconds;
    const f = this.messages;
    for (const [id, k] of f.entries()) {
      const t = Number.isNaN(f.deliveredAt[k]) ? (Number.isNaN(f.sentAt[k]) ? f.readAt[k] : f.sentAt[k]) : f.deliveredAt[k];
      if (!(t < horizon) && !Number.isNaN(t)) break;
      f.delete(id);
    }
    for (const [id, s] of this.sends) {
      if (!(s.sentAt < horizon)) break;
      this.sends.delete(id);
    }
  }
}
