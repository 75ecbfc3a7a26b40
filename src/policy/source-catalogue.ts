/**
 * What each source the policy profiles and the model cite is: title, publisher, date, address
 * and what wabasim takes from it. Parameters cite a source by its seed file (`seeds/003_….txt`,
 * a copy of a web page kept beside the project), by a Meta URL, or by MODEL.md; a reader has
 * none of the seed files, so the report and docs/sources.md (written from this list by
 * `npm run docs:sources`) name them here. Facts about a page (title, date, URL) are as the copy
 * or the page shows them; where one is not known the entry says so.
 */
import { META_ERROR_CODES, META_LIMIT_CHANGES, META_MESSAGING_LIMITS, META_POLICY_ENFORCEMENT, META_PRICING, META_SEND_RESPONSE, META_SERVICE_WINDOW, META_TEMPLATE_PACING, META_TEMPLATE_PAUSING, META_TEMPLATE_QUALITY, META_THROUGHPUT, SEED_000, SEED_001, SEED_002, SEED_003, SEED_004 } from './sources.js';

/** Kinds of source, in the order docs/sources.md lists them. */
export const SOURCE_KINDS = ['seed', 'meta', 'other'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** One cited source. */
export interface SourceDoc {
  /** Anchor id in the report and docs/sources.md: `seed-003`, `meta-messaging-limits`. */
  readonly id: string;
  readonly kind: SourceKind;
  /** How the report's text names it ("seed 003", "Meta: Messaging limits"). */
  readonly cite: string;
  /** The publisher in a word or two, beside a seed's number in a citation ("Whapi.Cloud"). */
  readonly by: string;
  readonly title: string;
  readonly publisher: string;
  /** Publication date as the page gives it (ISO), or what is known instead. */
  readonly date: string;
  /** The page's address, when known. */
  readonly url?: string;
  /** Further pages the entry covers (one reference page per webhook field). */
  readonly moreUrls?: readonly string[];
  /** The seed file parameters cite (`seeds/….txt`), for seed entries. */
  readonly file?: string;
  /** How sure wabasim takes it to be: Meta's documentation, a BSP's report, a community estimate. */
  readonly standing: string;
  /** What wabasim takes from it. */
  readonly takes: string;
}

/** Strips a source constant's trailing note: `…/error-codes (131056 pair rate limit)` → the URL. */
const urlOf = (tag: string): string => tag.split(' ')[0];

const WEBHOOKS = 'https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/';

/** Every source, seeds first (by number), then Meta's pages, then the rest. */
export const SOURCE_DOCS: readonly SourceDoc[] = [
  {
    id: 'seed-000',
    kind: 'seed',
    by: 'Whats91',
    cite: 'seed 000',
    file: SEED_000,
    title: 'WhatsApp Cloud API Restrictions & Coexistence Framework: Complete 2026 Guide',
    publisher: 'Whats91 (a WhatsApp Cloud API provider); written by Devendar Singh Gohil, its lead developer',
    date: '2026-03-20',
    url: 'https://whats91.com/blog/whatsapp-cloud-api-restrictions-coexistence-framework-2026',
    standing: 'reported (a BSP’s guide)',
    takes:
      'Portfolio-level messaging limits (a poor number “poisons the well” for the portfolio; a new number inherits the portfolio’s limit); the 24- and 48-hour restrictions and the identity-review triggers (a new card from another region, an IP linked to bans, a new device); the AI policy from 2026-01-15 (a 24-hour block on new templates as a warning, then a permanent restriction); coexistence (open the Business app every 14 days or the API disconnects; broadcasts through coexistence raise 131056 and suspicious-signal flags); the template-pacing lifecycle (held, released in batches over the following hour, paused on negative feedback); the per-user marketing cap (131049) and retry loops on it or on 130429/131056 as aggressive; the announced 2026 changes (the forecast profile); branding in the first sentence and opt-in scope as block factors.',
  },
  {
    id: 'seed-001',
    kind: 'seed',
    by: 'NXC Controls',
    cite: 'seed 001',
    file: SEED_001,
    title: 'WhatsApp API Rate Limits: What They Are & How to Avoid Blocking',
    publisher: 'NXC Controls (waba.nxccontrols.in, a WhatsApp Business API provider); author given as “Admin”',
    date: '2026-02-20',
    url: 'https://waba.nxccontrols.in/blog/whatsapp-api-rate-limits-what-they-are-how-to-avoid-blocking',
    standing: 'reported (a BSP’s guide)',
    takes: 'The legacy tier ladder (1K → 10K → 100K → unlimited unique users in a rolling 24 hours) for the legacy profile; appeals of a restriction reviewed in 24–72 hours.',
  },
  {
    id: 'seed-002',
    kind: 'seed',
    by: 'Dualhook',
    cite: 'seed 002',
    file: SEED_002,
    title: 'Capacity, Quality & Limits',
    publisher: 'Dualhook (documentation of a WhatsApp API product)',
    date: 'not dated; it describes Meta’s change of 2025-10-07 as past',
    url: 'https://dualhook.com/docs/capacity-quality-limits',
    standing: 'reported (a BSP’s documentation, restating Meta’s pages)',
    takes:
      'Throughput of 80 messages per second per number; the Graph API app budgets (200 requests an hour for a WABA with no registered number, 5,000 with one) and 429/503 under load; the pair rate (one message per 6 seconds to a user, bursts of up to 45, about 2 minutes’ wait after a burst of 20); the portfolio-level tiers; quality signals (blocks, reports, reads) weighted by recency; the shapes of the quality and capability webhooks and of health_status.',
  },
  {
    id: 'seed-003',
    kind: 'seed',
    by: 'Whapi.Cloud',
    cite: 'seed 003',
    file: SEED_003,
    title: 'How to avoid a WhatsApp ban (title from its address: the stored copy has no headline)',
    publisher: 'Whapi.Cloud (a WhatsApp API provider working through web sessions)',
    date: 'not dated; the address says 2026 and the text cites the first half of 2025 as past',
    url: 'https://whapi.cloud/blog/how-to-avoid-whatsapp-ban-2026',
    standing: 'community estimates (“community-tested”, “WhatsApp does not publish its enforcement cutoffs”), written about WhatsApp Web sessions and the app',
    takes:
      'The four-layer trust score and every threshold of it: registration (IP country, VoIP, shared IPs, device), behaviour (reply ratio safe above 30%, danger below 15%; under 30 sends an hour safe, over 60 danger; 20–50 a day on a new number, 200+ a day before week 3 high risk; sending around the clock; fixed intervals), block cascade (block rate under 1% safe, above 2% low quality; RED for 7 days → restriction) and content (more than 15 identical messages an hour, the same link or media); soft bans with a 24–72-hour countdown, permanent bans with under 20% of appeals succeeding; the warm-up schedule; the 2026 unanswered-message counter (30 days, replies within 48 hours). wabasim applies it to coexistence and web-session numbers, and to cloud-api numbers only as a risk indicator unless a scenario turns it on (MODEL.md §6b).',
  },
  {
    id: 'seed-004',
    kind: 'seed',
    by: 'Weni',
    cite: 'seed 004',
    file: SEED_004,
    title: 'Whatsapp Bussiness API: WhatsApp message triggering limitation',
    publisher: 'Weni (a chatbot platform and BSP), its help centre',
    date: '2025-10-03 (first published; written 2025-09-15)',
    standing: 'reported (a BSP’s help article)',
    takes: 'The legacy start at 250 business-initiated conversations in 24 hours and the “double the limit within 7 days” upgrade rule with its worked examples (the option upgradeRule: "double-in-7-days"); the advice to spread sends to more than 1,000 users over a week. The address of the article is not recorded with the copy (Weni’s help centre is at docs.weni.ai).',
  },
  {
    id: 'meta-messaging-limits',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Messaging limits',
    title: 'Messaging limits',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page, not dated; wabasim follows the regime in force from 2025-10-07',
    url: META_MESSAGING_LIMITS,
    standing: 'documented',
    takes: 'The tiers (250, 2K, 10K, 100K, unlimited unique users in a rolling 24 hours), held per business portfolio since 2025-10-07; what counts toward the limit (business-initiated conversations); the upgrade criteria; the per-number regime before 2025-10-07 for the legacy profile.',
  },
  {
    id: 'meta-limit-changes',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Upcoming changes to messaging limits',
    title: 'Messaging limits — “Upcoming changes to messaging limits”',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page, not dated',
    url: META_LIMIT_CHANGES,
    standing: 'documented (announced changes: forecast)',
    takes: 'The announced changes to limits and scaling (Meta analyses quality before an upgrade; portfolio-wide effects), used by the current and forecast profiles.',
  },
  {
    id: 'meta-service-window',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Customer service windows',
    title: 'Send messages — “Customer service windows”',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page, not dated',
    url: META_SERVICE_WINDOW,
    standing: 'documented',
    takes: 'The 24-hour customer-service window a user’s message opens: free-form messages only inside it, templates outside it (131047).',
  },
  {
    id: 'meta-error-codes',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Error codes',
    title: 'Error codes',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page, not dated',
    url: urlOf(META_ERROR_CODES),
    standing: 'documented',
    takes: 'The error codes a send can fail with and what each means: 130429 throughput, 131026 undeliverable, 131031 account locked, 131047 outside the window, 131049 the per-user marketing cap (“healthy ecosystem”), 131056 the pair rate, 131057 throughput upgrade, 132015/132016 paused or disabled template, 133010 number not registered.',
  },
  {
    id: 'meta-template-pacing',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Template pacing',
    title: 'Template pacing',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page, not dated',
    url: META_TEMPLATE_PACING,
    standing: 'documented (the threshold is “unspecified”)',
    takes: 'How a new marketing template is paced: a first batch, the rest held while feedback is assessed, then released (or released when there is too little feedback) or dropped with 132015; 99% of paced messages delivered within an hour; business-portfolio pacing (2026).',
  },
  {
    id: 'meta-template-pausing',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Template pausing',
    title: 'Template pausing',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page, not dated',
    url: META_TEMPLATE_PAUSING,
    standing: 'documented (pause durations, from BSPs, are not on every current page)',
    takes: 'A template rated low is paused for 3 hours, then 6; the third time it is disabled. Sends of a paused template fail with 132015, of a disabled one with 132016.',
  },
  {
    id: 'meta-template-quality',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Template quality',
    title: 'Template quality',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page, not dated',
    url: META_TEMPLATE_QUALITY,
    standing: 'documented',
    takes: 'The template quality rating (high, medium, low; pending until there is enough data) from recipients’ feedback.',
  },
  {
    id: 'meta-throughput',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Throughput',
    title: 'Throughput',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page, not dated',
    url: META_THROUGHPUT,
    standing: 'documented',
    takes: '80 messages per second per number by default, an automatic upgrade to 1,000 (131057 while it runs), 20 for coexistence numbers; 130429 over it.',
  },
  {
    id: 'meta-messages-reference',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Messages API reference',
    title: 'Messages API reference',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page (wabasim follows v24), not dated',
    url: urlOf(META_SEND_RESPONSE),
    standing: 'documented',
    takes: 'The synchronous answer to a send (message_status, e.g. accepted or held_for_quality_assessment under pacing).',
  },
  {
    id: 'meta-policy-enforcement',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Policy enforcement',
    title: 'Policy enforcement',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page, not dated',
    url: META_POLICY_ENFORCEMENT,
    standing: 'documented (its rate thresholds and windows are not published)',
    takes: 'The enforcement ladder for policy violations (excessive negative feedback, user reports): a warning, then a 1- or 3-day block on business-initiated messages, then a 5- or 7-day block on those and replies, then a disabled account; a violation may be appealed within 90 days.',
  },
  {
    id: 'meta-webhooks',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Webhooks reference',
    title: 'Webhooks reference (one page per field)',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'living pages, not dated',
    url: WEBHOOKS,
    moreUrls: ['account_update', 'business_capability_update', 'message_template_quality_update', 'message_template_status_update', 'messages/status', 'messages/text', 'phone_number_quality_update'].map((field) => `${WEBHOOKS}${field}`),
    standing: 'documented',
    takes: 'The payload shape of every webhook `wabasim events` writes: message statuses and inbound text, quality and template updates, capability and account updates.',
  },
  {
    id: 'meta-graph-api',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Graph API',
    title: 'Graph API (overview, errors and versions)',
    publisher: 'Meta for Developers',
    date: 'living pages, not dated',
    url: 'https://developers.facebook.com/docs/graph-api',
    standing: 'documented',
    takes: "The shape of a Graph API error (message, type, code, error_subcode, fbtrace_id) and the wording of its error for an unknown object, which `wabasim serve` answers with.",
  },
  {
    id: 'meta-pricing',
    kind: 'meta',
    by: 'Meta',
    cite: 'Meta: Pricing',
    title: 'Pricing on the WhatsApp Business Platform (with its rate card by market)',
    publisher: 'Meta, WhatsApp Business Platform developer documentation',
    date: 'a living page; per-message pricing from 2025-07-01; wabasim uses the rate card effective 2026-01-01 (USD)',
    url: META_PRICING,
    standing: 'documented (the per-market figures were transcribed from two public copies of Meta’s card, not read from Meta’s CSV here)',
    takes: 'What is charged: each delivered template message, by its category (marketing, utility, authentication) and the market of the recipient’s country calling code; non-template messages free; utility templates delivered inside an open customer-service window free (from 2025-07-01). The price of each category in each market (rate card effective 2026-01-01, USD) and which countries make up the grouped markets (“Rest of …”, “Other”). Not modelled: volume tiers for utility and authentication, authentication-international rates, free entry-point windows, the changes announced for 2026-10-01.',
  },
  {
    id: 'model-md',
    kind: 'other',
    by: 'wabasim',
    cite: 'MODEL.md',
    title: 'MODEL.md, wabasim’s model specification',
    publisher: 'the wabasim project (kept beside the repository, not in it; docs/model.md in the repository says how each section is built)',
    date: 'maintained with the code',
    standing: 'the specification: it weighs the sources above, and labels what it adds as an estimate',
    takes: '§6b: which enforcement path acts on which channel (appliesTo), and the minimum volume before a rate is judged; §10: where sources disagree, both values kept as parameters (e.g. quality recovery after a low rating, the 4–5% block rate for RED).',
  },
  {
    id: 'bsp-reports',
    kind: 'other',
    by: 'BSPs',
    cite: 'BSPs',
    title: 'Reports of Business Solution Providers, not named one by one',
    publisher: 'various BSPs (360dialog is named for the 90-day memory of violations)',
    date: 'not dated',
    standing: 'reported: consistent across providers, not Meta’s documentation',
    takes: 'Values Meta does not publish on its current pages: template pause durations, the pacing hold before release (about 15 minutes without feedback), the per-user marketing caps (2 a day from one business without a reply, 4 from all), the coexistence throughput one BSP gives as 5, ≥ 48 hours at a level before an upgrade, the legacy path to 1K.',
  },
  {
    id: 'wabasim-assumption',
    kind: 'other',
    by: 'wabasim',
    cite: 'wabasim assumption',
    title: 'wabasim assumption (no published figure)',
    publisher: 'the wabasim project',
    date: '—',
    standing: 'an estimate: a modelling choice where no source gives a number',
    takes: 'A value chosen so the mechanism its source describes can run (a weight, a duration, a delay). Each is labelled estimate; give it a distribution in a scenario to see how much a conclusion depends on it.',
  },
];

/** Every URL an entry stands for. */
export function sourceUrls(doc: SourceDoc): string[] {
  return [...(doc.url ? [doc.url] : []), ...(doc.moreUrls ?? [])];
}

/**
 * The entry a citation names: a seed file, a URL (the longest entry URL it starts with, so a
 * section's own entry wins over its page's), "MODEL.md", "BSP"/"BSPs", or "wabasim assumption".
 * Why: the report turns citations into links to its list of sources.
 * @example sourceDocOf('seeds/003_bb4d35adda67ac79.txt')?.cite // 'seed 003'
 * @example sourceDocOf('https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput')?.id // 'meta-throughput'
 */
export function sourceDocOf(citation: string): SourceDoc | undefined {
  const text = citation.trim();
  if (/^https?:\/\//.test(text)) {
    let best: SourceDoc | undefined;
    let length = 0;
    for (const doc of SOURCE_DOCS) {
      for (const url of sourceUrls(doc)) if (text.startsWith(url) && url.length > length) [best, length] = [doc, url.length];
    }
    return best;
  }
  return SOURCE_DOCS.find((d) => (d.file && text.startsWith(d.file)) || text.startsWith(d.cite) || (d.id === 'bsp-reports' && /^(other )?BSPs?\b/.test(text)));
}
