/**
 * The scenario JSON Schema. Direction: the TypeScript types are derived from this schema
 * (json-schema-to-ts `FromSchema`), and `schema/scenario.schema.json` is generated from it
 * (`npm run schema`; a test checks the committed copy is current).
 */
import type { FromSchema } from 'json-schema-to-ts';
import { LIMITS } from './limits.js';
import { CHANNELS } from '../policy/types.js';

const id = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' } as const;
const text = { type: 'string', maxLength: 10_000 } as const;
/** A number of the scenario's own: what it names and its unit, and an example (editors show both). */
const doc = <E extends readonly unknown[]>(description: string, examples: E) => ({ description, examples }) as const;

/** A numeric parameter: a number or a distribution sampled once per run. */
const distribution = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['uniform'],
      description: 'Uniform between two values',
      properties: { uniform: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2, ...doc('[min, max], in the unit of the parameter it stands for', [[0.01, 0.03]]) } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['triangular'],
      description: 'Triangular: lowest, most likely, highest',
      properties: { triangular: { type: 'array', items: { type: 'number' }, minItems: 3, maxItems: 3, ...doc('[min, mode, max], in the unit of the parameter it stands for', [[0.04, 0.08, 0.12]]) } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['normal'],
      description: 'Normal, clipped to [min, max]',
      properties: {
        normal: {
          type: 'object',
          additionalProperties: false,
          required: ['mean', 'sd', 'min', 'max'],
          ...doc('A normal distribution clipped to [min, max], in the unit of the parameter it stands for', [{ mean: 0.1, sd: 0.02, min: 0, max: 1 }]),
          properties: {
            mean: { type: 'number', ...doc('Mean, in the unit of the parameter', [0.1]) },
            sd: { type: 'number', minimum: 0, ...doc('Standard deviation, in the unit of the parameter (0 or more)', [0.02]) },
            min: { type: 'number', ...doc('Smallest value drawn, in the unit of the parameter', [0]) },
            max: { type: 'number', ...doc('Largest value drawn, in the unit of the parameter', [1]) },
          },
        },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['beta'],
      description: 'A Beta(alpha, beta) distribution on [0, 1] (for probabilities; `wabasim calibrate` writes a proportion\'s posterior in this form: alpha = successes + 0.5, beta = failures + 0.5)',
      examples: [{ beta: { alpha: 80.5, beta: 20.5 } }],
      properties: {
        beta: {
          type: 'object',
          additionalProperties: false,
          required: ['alpha', 'beta'],
          description: 'A Beta distribution of a probability on [0, 1], by its two shape parameters (mean alpha / (alpha + beta))',
          examples: [{ alpha: 80.5, beta: 20.5 }],
          properties: {
            alpha: { type: 'number', exclusiveMinimum: 0, maximum: 1e9, description: 'First shape parameter (successes + prior weight; unitless)', examples: [80.5] },
            beta: { type: 'number', exclusiveMinimum: 0, maximum: 1e9, description: 'Second shape parameter (failures + prior weight; unitless)', examples: [20.5] },
          },
        },
      },
    },
  ],
  description: 'A numeric parameter drawn once per run: {"uniform":[min,max]}, {"triangular":[min,mode,max]} or {"normal":{"mean","sd","min","max"}}',
} as const;

const probability = {
  description: 'a probability in [0, 1]: a number, or a distribution whose range lies in [0, 1]',
  anyOf: [{ type: 'number', minimum: 0, maximum: 1 }, { $ref: '#/$defs/distribution' }],
} as const;
const delay = {
  description: 'a per-message delay distribution in seconds: {"exponential":{"mean":s}} or {"lognormal":{"median":s,"sigma":x}}',
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['exponential'],
      properties: {
        exponential: {
          type: 'object',
          additionalProperties: false,
          required: ['mean'],
          ...doc('Exponentially distributed delay (memoryless: most short, a long tail)', [{ mean: 1800 }]),
          properties: { mean: { type: 'number', minimum: 0, maximum: 366 * 86400, ...doc('Mean delay in seconds', [1800]) } },
        },
      },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['lognormal'],
      properties: {
        lognormal: {
          type: 'object',
          additionalProperties: false,
          required: ['median', 'sigma'],
          ...doc('Log-normally distributed delay (a typical delay and a spread)', [{ median: 600, sigma: 1.2 }]),
          properties: {
            median: { type: 'number', minimum: 0, maximum: 366 * 86400, ...doc('Median delay in seconds', [600]) },
            sigma: { type: 'number', minimum: 0, maximum: 10, ...doc('Spread: standard deviation of the natural log of the delay (unitless; 1 ≈ a factor of 2.7)', [1.2]) },
          },
        },
      },
    },
  ],
} as const;

const phoneNumber = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  description: 'A business phone number of the portfolio',
  properties: {
    id: { ...id, ...doc('Your name for the number (letters, digits, _ . -), used by campaigns and in the report', ['sales-1']) },
    channel: { enum: CHANNELS, default: 'cloud-api', description: "How the number connects: 'cloud-api' (Meta's Cloud API), 'coexistence' (the WhatsApp Business app with the Cloud API) or 'web-session' (an unofficial WhatsApp Web-session integration, seed 003); decides which enforcement paths act on it (MODEL.md §6b)", examples: ['cloud-api'] },
    country: { type: 'string', pattern: '^[A-Z]{2}$', ...doc('ISO 3166-1 alpha-2 country of the number', ['BR']) },
    ageDays: { type: 'number', minimum: 0, maximum: 36500, ...doc('Age of the number at the start, in days since registration', [0, 90]) },
    registered: { type: 'boolean', default: true, ...doc('Registered with the Cloud API (a WABA with none has a 200 requests/hour Graph API budget)', [true]) },
    messagingLimitTier: {
      type: 'string',
      description: "Messaging-limit tier the number brings when it joins the portfolio (a tier name of the policy profile, e.g. 'TIER_10K'): a portfolio starts at the highest of its start tier and its numbers' tiers (Meta \"Messaging limits\": an existing portfolio took the highest limit of any of its numbers, documented); in number scope (legacy) the number's own limit starts here",
      examples: ['TIER_10K'],
    },
    appOpen: {
      description: 'Coexistence: how often the WhatsApp Business app is opened on the phone ("never", or every N days with jitter)',
      anyOf: [
        { const: 'never' },
        {
          type: 'object',
          additionalProperties: false,
          required: ['everyDays'],
          properties: {
            everyDays: { type: 'number', exclusiveMinimum: 0, maximum: 366, ...doc('Days between openings of the app', [7]) },
            jitterHours: { type: 'number', minimum: 0, maximum: 240, default: 0, ...doc('Random shift of each opening, in hours either way', [12]) },
          },
        },
      ],
      default: { everyDays: 7, jitterHours: 12 },
      examples: ['never', { everyDays: 3, jitterHours: 6 }],
    },
    connection: {
      type: 'object',
      additionalProperties: false,
      description: 'How the number connects (trust layer 1, seed 003)',
      properties: {
        ipCountry: { type: 'string', pattern: '^[A-Z]{2}$', ...doc('ISO 3166-1 alpha-2 country of the connection IP (default: the number country)', ['BR']) },
        voip: { type: 'boolean', default: false, ...doc('The number is a VoIP (virtual) number (trust layer 1, seed 003)', [false]) },
        sharedIp: { type: 'boolean', default: false, ...doc('Shares an IP block with other numbers', [false]) },
      },
      default: {},
      examples: [{ ipCountry: 'BR', voip: false, sharedIp: false }],
    },
  },
} as const;

const template = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'category'],
  description: 'An approved message template',
  properties: {
    id: { ...id, ...doc('Your name for the template, used by campaigns', ['spring-sale']) },
    category: { enum: ['marketing', 'utility', 'authentication'], ...doc("Meta's template category: decides pacing, the per-user marketing cap and the price", ['marketing']) },
    quality: { enum: ['PENDING', 'HIGH', 'MEDIUM', 'LOW'], default: 'PENDING', ...doc("The template's quality rating at the start (a new template is PENDING)", ['PENDING']) },
    personalized: { type: 'boolean', default: false, ...doc('Uses the recipient\'s name or order details (lowers blocks)', [true]) },
    branded: { type: 'boolean', default: false, ...doc('Names the brand clearly in the first sentence (lowers blocks)', [true]) },
    sameLink: { type: 'boolean', default: false, ...doc('The same external link in every message (trust layer 4)', [false]) },
    sameMedia: { type: 'boolean', default: false, ...doc('The same media file in every message (trust layer 4)', [false]) },
  },
} as const;

const blockReasons = {
  type: 'object',
  additionalProperties: false,
  description: 'Relative weights of the reasons users give when blocking (any scale; they are normalised)',
  properties: {
    spam: { type: 'number', minimum: 0, ...doc('Weight of "spam" (relative, unitless)', [0.4]) },
    didnt_sign_up: { type: 'number', minimum: 0, ...doc('Weight of "I didn\'t sign up" (relative, unitless)', [0.3]) },
    no_longer_needed: { type: 'number', minimum: 0, ...doc('Weight of "no longer needed" (relative, unitless)', [0.2]) },
    offensive: { type: 'number', minimum: 0, ...doc('Weight of "offensive" (relative, unitless)', [0.05]) },
    other: { type: 'number', minimum: 0, ...doc('Weight of any other reason (relative, unitless)', [0.05]) },
  },
  examples: [{ spam: 0.4, didnt_sign_up: 0.3, no_longer_needed: 0.2, offensive: 0.05, other: 0.05 }],
} as const;

/** Local hours of a sending window (scenario realism, issue 22). */
const localWindow = {
  type: 'object',
  additionalProperties: false,
  required: ['from', 'to'],
  description: "Local sending hours [from, to) in the recipient's own time zone (segment `timeZones`), e.g. 9 to 21; a window with from > to wraps past midnight. Strategies see it through api.inLocalWindow; the built-in paced strategies hold a recipient until it opens",
  examples: [{ from: 9, to: 21 }],
  properties: {
    from: { type: 'number', minimum: 0, maximum: 24, description: 'Local hour the window opens (hours, 0 to 24)', examples: [9] },
    to: { type: 'number', minimum: 0, maximum: 24, description: 'Local hour the window closes (hours, 0 to 24; exclusive)', examples: [21] },
  },
} as const;

const zoneName = { type: 'string', pattern: '^(UTC|[A-Za-z_]+(/[A-Za-z0-9_+-]+)+)$', maxLength: 64 } as const;

const segment = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'size'],
  description: 'A group of recipients who behave alike',
  properties: {
    id: { ...id, ...doc('Your name for the segment, used by campaigns', ['subscribers']) },
    description: { ...text, ...doc('Who these users are, in words (shown in the report)', ['Newsletter subscribers who opted in on the website']) },
    size: { type: 'integer', minimum: 1, maximum: LIMITS.maxRecipients, ...doc('Number of users in the segment', [40000]) },
    optIn: { enum: ['explicit', 'implied', 'none'], default: 'explicit', ...doc('How the users agreed to hear from you: explicit opt-in, implied (e.g. a past customer) or none (a bought or scraped list)', ['explicit']) },
    readProbability: { ...probability, default: 0.8, description: 'Probability a delivered message is read (a probability in [0, 1], or a distribution)', examples: [0.75, { triangular: [0.6, 0.75, 0.85] }] },
    readDelay: { ...delay, default: { exponential: { mean: 1800 } }, description: 'Delay from delivery to read, in seconds (a distribution)', examples: [{ exponential: { mean: 1800 } }] },
    replyProbability: { ...probability, default: 0.1, description: 'Probability a read template gets a reply (a probability in [0, 1], or a distribution)', examples: [0.08, { triangular: [0.04, 0.08, 0.12] }] },
    replyDelay: { ...delay, default: { exponential: { mean: 3600 } }, description: 'Delay from read to reply, in seconds (a distribution)', examples: [{ lognormal: { median: 900, sigma: 1.5 } }] },
    blockProbability: { ...probability, default: 0.005, description: 'Probability a delivered template makes the user block the number (a probability in [0, 1], or a distribution; hidden from the business)', examples: [0.005, { uniform: [0.002, 0.01] }] },
    blockDelay: { ...delay, default: { exponential: { mean: 900 } }, description: 'Delay from delivery to a block, in seconds (a distribution)', examples: [{ exponential: { mean: 900 } }] },
    reportProbability: { ...probability, default: 0.0005, description: 'Probability a delivered template is reported as spam (the user also blocks; a probability in [0, 1])', examples: [0.0005] },
    stopProbability: { ...probability, default: 0.002, description: 'Probability a delivered marketing template gets a STOP reply (a probability in [0, 1])', examples: [0.002] },
    brandRecognition: { ...probability, default: 0.8, description: 'How well the segment knows the brand, 0 (not at all) to 1 (a share, unitless)', examples: [0.8] },
    fatigue: {
      description: 'Block probability rises by this fraction (unitless; 0.2 = +20%) for each recent message beyond the first',
      anyOf: [{ type: 'number', minimum: 0, maximum: 10 }, { $ref: '#/$defs/distribution' }],
      default: 0.2,
      examples: [0.2],
    },
    marketingFromOthersPerDay: {
      description: 'Marketing messages a user receives per day from other businesses (messages per user per day; cross-brand saturation, MODEL.md §4)',
      anyOf: [{ type: 'number', minimum: 0, maximum: 100 }, { $ref: '#/$defs/distribution' }],
      default: 1,
      examples: [1, { uniform: [0.5, 3] }],
    },
    consent: {
      type: 'array',
      items: { enum: ['marketing', 'utility', 'authentication'] },
      uniqueItems: true,
      default: ['marketing', 'utility', 'authentication'],
      description: 'Template categories the users agreed to receive (opt-in scope)',
      examples: [['utility', 'authentication']],
    },
    blockReasons: { ...blockReasons, default: { spam: 0.4, didnt_sign_up: 0.3, no_longer_needed: 0.2, offensive: 0.05, other: 0.05 } },
    inboundPerDay: {
      description: 'Expected spontaneous inbound messages per user per day (messages per user per day; each opens a 24-hour service window)',
      anyOf: [{ type: 'number', minimum: 0, maximum: 100 }, { $ref: '#/$defs/distribution' }],
      default: 0.01,
      examples: [0.01],
    },
    timeZones: {
      type: 'object',
      description: "Recipients' time zones: relative weights over IANA zone names; each recipient draws one zone (seeded). Offsets come from the zone's rules, fixed per simulated day (taken at 12:00 UTC). Default: every recipient in UTC",
      examples: [{ 'America/Sao_Paulo': 0.7, 'America/Manaus': 0.3 }],
      propertyNames: zoneName,
      minProperties: 1,
      maxProperties: 64,
      additionalProperties: { type: 'number', minimum: 0, description: 'Relative weight of the zone (any unit; weights are normalised)', examples: [0.7] },
    },
    localWindow: { ...localWindow, description: `${localWindow.description}. Applies to this segment's campaigns that set no localWindow of their own` },
    attributes: {
      type: 'object',
      description: 'Per-recipient attributes a strategy may read (api.attributes): each a number or a distribution drawn once per recipient (seeded), e.g. engagement in [0, 1] or days since the last purchase',
      examples: [{ engagement: { triangular: [0, 0.3, 1] }, daysSinceLastPurchase: { uniform: [0, 365] } }],
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_]{0,31}$' },
      maxProperties: 16,
      additionalProperties: { description: "The attribute's value for every recipient of the segment (a number), or a distribution each recipient draws from (the attribute's own unit)", examples: [{ uniform: [0, 365] }], anyOf: [{ type: 'number' }, { $ref: '#/$defs/distribution' }] },
    },
    countries: {
      type: 'object',
      description: "Where the segment's recipients live, for pricing (Meta charges by the recipient's country calling code): relative weights (unitless, need not sum to 1) keyed by ISO 3166 alpha-2 country code; each recipient draws one country, seeded. Default: the sending number's `country` (else the profile's pricing.defaultCountry)",
      minProperties: 1,
      maxProperties: 250,
      propertyNames: { pattern: '^[A-Z]{2}$' },
      additionalProperties: { type: 'number', minimum: 0 },
      examples: [{ BR: 0.7, MX: 0.2, US: 0.1 }, { IN: 1 }],
    },
  },
} as const;

const campaign = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'template', 'segment'],
  description: 'A send of one template to (part of) one segment; the strategies decide how and when',
  properties: {
    id: { ...id, ...doc('Your name for the campaign (shown in the report)', ['spring']) },
    template: { ...id, ...doc('Id of the template it sends (one of `templates[].id`)', ['spring-sale']) },
    segment: { ...id, ...doc('Id of the segment it sends to (one of `audience.segments[].id`)', ['subscribers']) },
    number: { ...id, description: 'Sending number id (default: the first number)', examples: ['sales-1'] },
    numbers: {
      description: 'Numbers the campaign may send from: a list of number ids, or "all" (default: `number`, else the first number). The built-in strategies spread the recipients round-robin over them',
      examples: ['all', ['promo-1', 'promo-2']],
      anyOf: [{ const: 'all' }, { type: 'array', items: { ...id, description: 'Id of a number of the portfolio (one of `portfolio.numbers[].id`)', examples: ['shop-1'] }, minItems: 1, maxItems: LIMITS.maxListItems, uniqueItems: true }],
    },
    every: {
      type: 'object',
      additionalProperties: false,
      required: ['days'],
      description: 'Repeats the campaign: one occurrence every `days` days from `startHour`, each a campaign of its own (id "ID#k", k from 1) the strategies see; on a weekday and at a local hour of `timeZone` when given. Ends at `times` occurrences or the day `until.day`, else at the horizon',
      examples: [{ days: 7, weekday: 'tue', localHour: 10, times: 8 }, { days: 1, localHour: 9, until: { day: 14 } }],
      properties: {
        days: { type: 'integer', minimum: 1, maximum: 366, description: 'Days between occurrences (1 daily, 7 weekly; with `weekday`, a multiple of 7)', examples: [7] },
        weekday: { enum: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], description: 'Weekday of every occurrence, in `timeZone` (the first one is the first such day at or after `startHour`)', examples: ['tue'] },
        localHour: { type: 'number', minimum: 0, exclusiveMaximum: 24, description: 'Local hour of each occurrence in `timeZone` (hours, e.g. 10.5 for 10:30; default: the hour of `startHour`)', examples: [10] },
        times: { type: 'integer', minimum: 1, maximum: LIMITS.maxListItems, description: 'Most occurrences (runs of the campaign, unitless count), e.g. 8 for eight weeks', examples: [8] },
        until: {
          type: 'object',
          additionalProperties: false,
          required: ['day'],
          description: 'No occurrence starts at or after this day of the run',
          examples: [{ day: 56 }],
          properties: { day: { type: 'number', minimum: 0, description: 'Days after the start of the run', examples: [56] } },
        },
      },
    },
    timeZone: { ...zoneName, description: 'IANA time zone of `every.weekday` and `every.localHour` (the business\'s calendar; default UTC)', examples: ['America/Sao_Paulo'] },
    localWindow: { ...localWindow, description: `${localWindow.description}. Overrides the segment's` },
    startHour: { type: 'number', minimum: 0, default: 0, ...doc('When it starts, in hours after the start of the run', [9]) },
    recipients: { type: 'integer', minimum: 1, maximum: LIMITS.maxRecipients, ...doc('How many users of the segment it sends to (default: all)', [20000]) },
    dailyTarget: { type: 'integer', minimum: 1, maximum: LIMITS.maxRecipients, ...doc('Users to send to per day (default: all at once)', [2000]) },
  },
} as const;

const strategyName = {
  type: 'string',
  minLength: 1,
  maxLength: 4096,
  description: 'A built-in strategy name (`wabasim list strategies`) or the path of a strategy module (.mjs, .js or .ts) relative to the scenario file',
  examples: ['tier-aware', './strategies/polite-sender.mjs'],
} as const;

const strategyRef = {
  description: 'A strategy to compare: its name, or {"name", "label", "params"}',
  anyOf: [
    strategyName,
    {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: strategyName,
        label: { type: 'string', maxLength: 200, ...doc('Name shown in the report and results (default: the strategy name); tells two parameter sets of one strategy apart', ['tier-aware 50%']) },
        params: { type: 'object', ...doc("The strategy's parameters by name (`wabasim list strategies --params`); unset ones take their defaults", [{ fraction: 0.5 }]) },
      },
    },
  ],
} as const;

const overrides = {
  type: 'object',
  description: 'Policy parameter overrides by dotted path (see `wabasim list policies --params`): a value, or a distribution for a numeric parameter',
  propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9.]*$' },
  examples: [{ 'quality.yellowThreshold': 0.02 }],
} as const;

const variant = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  description: 'A what-if: the scenario with some values changed; every strategy runs on every variant',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200, ...doc('Name shown in the report and results', ['cold list (2% blocks)']) },
    description: { ...text, ...doc('What the variant changes and why, in words', ['The same plan on a list bought last year']) },
    policy: { type: 'string', ...doc('Policy profile for this variant (`wabasim list policies`; default: the scenario\'s)', ['meta-2026-q2-forecast']) },
    overrides,
    patch: {
      type: 'object',
      description: 'Scenario values to replace, keyed by JSON pointer (e.g. "/audience/segments/0/blockProbability")',
      propertyNames: { pattern: '^(/[^/]*)+$' },
      examples: [{ '/audience/segments/0/blockProbability': 0.02 }],
    },
  },
} as const;

/** A partial price list: USD (or the card's currency) per delivered template, by category. */
const categoryPrices = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  description: 'Prices per delivered template by category, in the card\'s currency per message (a category left out keeps the profile\'s price)',
  properties: {
    marketing: { type: 'number', minimum: 0, maximum: 10, description: 'Price of a delivered marketing template (currency units per message)', examples: [0.0625] },
    utility: { type: 'number', minimum: 0, maximum: 10, description: 'Price of a delivered utility template (currency units per message)', examples: [0.0068] },
    authentication: { type: 'number', minimum: 0, maximum: 10, description: 'Price of a delivered authentication template (currency units per message)', examples: [0.0068] },
  },
  examples: [{ marketing: 0.0625, utility: 0.0068 }],
} as const;

const pricing = {
  type: 'object',
  additionalProperties: false,
  description: "Overrides of the policy profile's rate card (README \"Cost\"): prices per market or per country replace the profile's; a country's price wins over its market's",
  properties: {
    effectiveDate: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Date (YYYY-MM-DD) the overriding prices took effect, reported with the cost', examples: ['2026-07-01'] },
    currency: { type: 'string', pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency of the prices given here, reported with the cost (no conversion: give every price you use in it)', examples: ['USD'] },
    source: { type: 'string', maxLength: 1000, description: 'Where the overriding prices come from (a URL, an invoice), reported with the cost', examples: ['https://developers.facebook.com/docs/whatsapp/pricing'] },
    freeUtilityInServiceWindow: { type: 'boolean', description: 'Whether a utility template delivered inside an open customer-service window is free (default: the profile\'s, true)', examples: [false] },
    markets: {
      type: 'object',
      description: "Prices by Meta pricing market (ids as `wabasim list policies --params` shows them under priceMarketing, e.g. brazil, northAmerica, restOfAfrica, other)",
      propertyNames: { pattern: '^[A-Za-z]{1,64}$' },
      additionalProperties: categoryPrices,
      examples: [{ brazil: { marketing: 0.07 }, other: { marketing: 0.05, utility: 0.01 } }],
    },
    countries: {
      type: 'object',
      description: 'Prices by recipient country (ISO 3166 alpha-2), overriding its market',
      propertyNames: { pattern: '^[A-Z]{2}$' },
      additionalProperties: categoryPrices,
      examples: [{ BR: { marketing: 0.07 } }],
    },
  },
  examples: [{ currency: 'USD', effectiveDate: '2026-07-01', source: 'BSP invoice 2026-06', markets: { brazil: { marketing: 0.07 } } }],
} as const;

const riskShare = { type: 'number', minimum: 0, maximum: 1 } as const;

const objective = {
  type: 'object',
  additionalProperties: false,
  description: 'What "best" means for the verdict (default: maximise uniqueUsersReached, a number restricted in at most 5% of runs)',
  examples: [{ maximise: 'uniqueUsersReached', maxRestrictionRisk: 0.05 }],
  properties: {
    maximise: { type: 'string', minLength: 1, maxLength: 200, description: 'A run-summary metric to maximise, e.g. uniqueUsersReached', examples: ['uniqueUsersReached'] },
    minimise: { type: 'string', minLength: 1, maxLength: 200, description: 'A run-summary metric to minimise, e.g. failedByCode.limit_reached', examples: ['failedByCode.limit_reached'] },
    maxRestrictionRisk: { ...riskShare, description: 'Largest acceptable share of runs with a number restricted (a share in [0, 1]; default 0.05)', examples: [0.05] },
    maxBanRisk: { ...riskShare, description: 'Largest acceptable share of runs with a number banned or disabled (a share in [0, 1]; default: the restriction limit, at most 0.05)', examples: [0.01] },
  },
} as const;

export const scenarioSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://wabasim.dev/schema/scenario.schema.json',
  title: 'wabasim scenario',
  type: 'object',
  additionalProperties: false,
  required: ['name', 'horizonDays', 'portfolio', 'templates', 'audience', 'campaigns', 'strategies'],
  properties: {
    $schema: { type: 'string', ...doc("Path or URL of this JSON Schema, for editors (completion and checks as you type)", ['../schema/scenario.schema.json']) },
    name: { type: 'string', minLength: 1, maxLength: 200, ...doc('Name of the scenario (shown in the report and results)', ['spring-campaign']) },
    question: { ...text, ...doc('The question the scenario answers, in a sentence (the report opens with it)', ['How many users do we reach in two weeks from a new portfolio?']) },
    description: { ...text, ...doc('The plan in words, and what the runs show (shown in the report)', ['A new portfolio with two numbers sends a 40,000-user marketing campaign.']) },
    policy: { type: 'string', default: 'meta-2025-10', ...doc("Policy profile: Meta's rules as of a date (`wabasim list policies`)", ['meta-2025-10']) },
    overrides,
    horizonDays: { type: 'number', exclusiveMinimum: 0, maximum: LIMITS.maxHorizonDays, ...doc('How long each run simulates, in days', [14]) },
    start: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$',
      default: '2026-01-05T00:00:00Z',
      description: 'Calendar time of simulated time 0 (UTC, ISO 8601), used for webhook timestamps',
      examples: ['2026-01-05T00:00:00Z'],
    },
    seeds: { type: 'integer', minimum: 1, maximum: LIMITS.maxSeeds, default: 1, ...doc('Runs per strategy and variant, each with its own seed (more: narrower intervals)', [10]) },
    seed: { type: 'integer', minimum: 0, maximum: 2 ** 31 - 1, default: 1, ...doc('First seed; runs use seed, seed+1, … (the same seed gives byte-identical results)', [1]) },
    portfolio: {
      type: 'object',
      additionalProperties: false,
      required: ['numbers'],
      description: 'The business portfolio (WABA): its verification and its phone numbers',
      examples: [{ verified: false, numbers: [{ id: 'sales-1', channel: 'cloud-api', country: 'BR' }] }],
      properties: {
        verified: { type: 'boolean', default: false, description: 'Business (or partner-led) verification completed', examples: [true] },
        autoAppeal: { type: 'boolean', default: true, description: 'The business appeals restrictions and bans as soon as they happen', examples: [true] },
        generalPurposeAiBot: { type: 'boolean', default: false, description: 'Runs a general-purpose AI chatbot (Meta AI policy from 2026-01-15)', examples: [false] },
        aiDetectionHour: { type: 'number', minimum: 0, default: 24, description: 'When Meta detects the general-purpose AI chatbot, in hours after the start', examples: [24] },
        metadataChanges: {
          type: 'array',
          maxItems: LIMITS.maxListItems,
          description: 'Sudden account-metadata changes that trigger the 48-hour review',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['atHour', 'kind'],
            properties: {
              atHour: { type: 'number', minimum: 0, ...doc('When the change happens, in hours after the start', [48]) },
              kind: { enum: ['new-card-other-region', 'ip-linked-to-bans', 'new-device'], ...doc('What changed: a payment card from another region, an IP linked to banned accounts, or a new device', ['new-device']) },
            },
          },
          default: [],
          examples: [[{ atHour: 48, kind: 'new-device' }]],
        },
        startTier: { type: 'string', description: 'Messaging-limit tier at the start (default: the profile\'s)', examples: ['TIER_250'] },
        numbers: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: phoneNumber, ...doc('The phone numbers (at least one); campaigns name them by id', [[{ id: 'sales-1', channel: 'cloud-api', country: 'BR' }]]) },
      },
    },
    templates: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: template, ...doc('The approved templates campaigns send (at least one)', [[{ id: 'spring-sale', category: 'marketing', personalized: true }]]) },
    audience: {
      type: 'object',
      additionalProperties: false,
      required: ['segments'],
      description: 'Who receives the messages, and how they react (hidden from the strategies)',
      examples: [{ segments: [{ id: 'subscribers', size: 40000, optIn: 'explicit', blockProbability: 0.005 }] }],
      properties: { segments: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: segment, ...doc('Groups of users (at least one)', [[{ id: 'subscribers', size: 40000, optIn: 'explicit' }]]) } },
    },
    campaigns: { type: 'array', maxItems: LIMITS.maxListItems, items: campaign, ...doc('What to send to whom; the strategies decide the pacing', [[{ id: 'spring', template: 'spring-sale', segment: 'subscribers', startHour: 9, dailyTarget: 2000 }]]) },
    strategies: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: strategyRef, ...doc('The sending strategies to compare (built-in names or module paths)', [['blast', 'tier-aware']]) },
    variants: { type: 'array', maxItems: LIMITS.maxListItems, items: variant, ...doc('What-ifs to compare (default: the scenario as written)', [[{ name: 'cold list', patch: { '/audience/segments/0/blockProbability': 0.02 } }]]) },
    objective,
    pricing,
    thresholds: {
      type: 'object',
      description: 'CI gates, k6-style (README "Thresholds and CI"): key METRIC or METRIC{strategy:NAME,variant:NAME}, a metric of the run summary; value a list of conditions AGG OP NUMBER on its values across runs, AGG mean, min, max, p(N) or rate (the share of runs where it is not 0), OP <, <=, >, >=, == or !=; e.g. {"restricted{strategy:tier-aware}": ["rate==0"]}. A failed one makes `wabasim run` exit 1',
      maxProperties: LIMITS.maxListItems,
      propertyNames: { maxLength: 1000 },
      additionalProperties: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: { type: 'string', maxLength: 200 } },
      examples: [{ uniqueUsersReached: ['p(50)>=30000'], 'restricted{strategy:tier-aware}': ['rate==0'] }],
    },
  },
  $defs: { distribution },
} as const;

/** A scenario as written in a file, after schema validation. */
export type Scenario = FromSchema<typeof scenarioSchema>;
export type ScenarioSegment = Scenario['audience']['segments'][number];
export type ScenarioCampaign = Scenario['campaigns'][number];
export type ScenarioTemplate = Scenario['templates'][number];
export type ScenarioNumber = Scenario['portfolio']['numbers'][number];
export type StrategyRef = Scenario['strategies'][number];
export type ScenarioVariant = NonNullable<Scenario['variants']>[number];
export type DelaySpec = NonNullable<ScenarioSegment['readDelay']>;
export type ScenarioPricing = NonNullable<Scenario['pricing']>;
