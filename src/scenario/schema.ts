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

/** A numeric parameter: a number or a distribution sampled once per run. */
const distribution = {
  oneOf: [
    {
      type: 'object',
      additionalProperties: false,
      required: ['uniform'],
      properties: { uniform: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['triangular'],
      properties: { triangular: { type: 'array', items: { type: 'number' }, minItems: 3, maxItems: 3 } },
    },
    {
      type: 'object',
      additionalProperties: false,
      required: ['normal'],
      properties: {
        normal: {
          type: 'object',
          additionalProperties: false,
          required: ['mean', 'sd', 'min', 'max'],
          properties: {
            mean: { type: 'number' },
            sd: { type: 'number', minimum: 0 },
            min: { type: 'number' },
            max: { type: 'number' },
          },
        },
      },
    },
  ],
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
          properties: { mean: { type: 'number', minimum: 0, maximum: 366 * 86400 } },
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
          properties: {
            median: { type: 'number', minimum: 0, maximum: 366 * 86400 },
            sigma: { type: 'number', minimum: 0, maximum: 10 },
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
  properties: {
    id,
    channel: { enum: CHANNELS, default: 'cloud-api', description: "How the number connects: 'cloud-api' (Meta's Cloud API), 'coexistence' (the WhatsApp Business app with the Cloud API) or 'web-session' (an unofficial WhatsApp Web-session integration, seed 003); decides which enforcement paths act on it (MODEL.md §6b)" },
    country: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166 country of the number' },
    ageDays: { type: 'number', minimum: 0, maximum: 36500, description: 'Days since registration at the start' },
    registered: { type: 'boolean', default: true, description: 'Registered with the Cloud API (a WABA with none has a 200 requests/hour Graph API budget)' },
    messagingLimitTier: {
      type: 'string',
      description: "Messaging-limit tier the number brings when it joins the portfolio (a tier name of the policy profile, e.g. 'TIER_10K'): a portfolio starts at the highest of its start tier and its numbers' tiers (Meta \"Messaging limits\": an existing portfolio took the highest limit of any of its numbers, documented); in number scope (legacy) the number's own limit starts here",
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
            everyDays: { type: 'number', exclusiveMinimum: 0, maximum: 366 },
            jitterHours: { type: 'number', minimum: 0, maximum: 240, default: 0 },
          },
        },
      ],
      default: { everyDays: 7, jitterHours: 12 },
    },
    connection: {
      type: 'object',
      additionalProperties: false,
      description: 'How the number connects (trust layer 1, seed 003)',
      properties: {
        ipCountry: { type: 'string', pattern: '^[A-Z]{2}$', description: 'Country of the connection IP (default: the number country)' },
        voip: { type: 'boolean', default: false },
        sharedIp: { type: 'boolean', default: false, description: 'Shares an IP block with other numbers' },
      },
      default: {},
    },
  },
} as const;

const template = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'category'],
  properties: {
    id,
    category: { enum: ['marketing', 'utility', 'authentication'] },
    quality: { enum: ['PENDING', 'HIGH', 'MEDIUM', 'LOW'], default: 'PENDING' },
    personalized: { type: 'boolean', default: false, description: 'Uses the recipient\'s name or order details (lowers blocks)' },
    branded: { type: 'boolean', default: false, description: 'Names the brand clearly in the first sentence (lowers blocks)' },
    sameLink: { type: 'boolean', default: false, description: 'The same external link in every message (trust layer 4)' },
    sameMedia: { type: 'boolean', default: false, description: 'The same media file in every message (trust layer 4)' },
  },
} as const;

const blockReasons = {
  type: 'object',
  additionalProperties: false,
  description: 'Relative weights of the reasons users give when blocking',
  properties: {
    spam: { type: 'number', minimum: 0 },
    didnt_sign_up: { type: 'number', minimum: 0 },
    no_longer_needed: { type: 'number', minimum: 0 },
    offensive: { type: 'number', minimum: 0 },
    other: { type: 'number', minimum: 0 },
  },
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
  properties: {
    id,
    description: text,
    size: { type: 'integer', minimum: 1, maximum: LIMITS.maxRecipients },
    optIn: { enum: ['explicit', 'implied', 'none'], default: 'explicit' },
    readProbability: { ...probability, default: 0.8 },
    readDelay: { ...delay, default: { exponential: { mean: 1800 } } },
    replyProbability: { ...probability, default: 0.1 },
    replyDelay: { ...delay, default: { exponential: { mean: 3600 } } },
    blockProbability: { ...probability, default: 0.005 },
    blockDelay: { ...delay, default: { exponential: { mean: 900 } } },
    reportProbability: { ...probability, default: 0.0005, description: 'Probability a delivered template is reported as spam (the user also blocks)' },
    stopProbability: { ...probability, default: 0.002, description: 'Probability a delivered marketing template gets a STOP reply' },
    brandRecognition: { ...probability, default: 0.8, description: 'How well the segment knows the brand, 0 (not at all) to 1' },
    fatigue: {
      description: 'Block probability rises by this fraction for each recent message beyond the first',
      anyOf: [{ type: 'number', minimum: 0, maximum: 10 }, { $ref: '#/$defs/distribution' }],
      default: 0.2,
    },
    marketingFromOthersPerDay: {
      description: 'Marketing messages a user receives per day from other businesses (cross-brand saturation, MODEL.md §4)',
      anyOf: [{ type: 'number', minimum: 0, maximum: 100 }, { $ref: '#/$defs/distribution' }],
      default: 1,
    },
    consent: {
      type: 'array',
      items: { enum: ['marketing', 'utility', 'authentication'] },
      uniqueItems: true,
      default: ['marketing', 'utility', 'authentication'],
      description: 'Template categories the users agreed to receive (opt-in scope)',
    },
    blockReasons: { ...blockReasons, default: { spam: 0.4, didnt_sign_up: 0.3, no_longer_needed: 0.2, offensive: 0.05, other: 0.05 } },
    inboundPerDay: {
      description: 'Expected spontaneous inbound messages per user per day (opens a service window)',
      anyOf: [{ type: 'number', minimum: 0, maximum: 100 }, { $ref: '#/$defs/distribution' }],
      default: 0.01,
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
  },
} as const;

const campaign = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'template', 'segment'],
  properties: {
    id,
    template: id,
    segment: id,
    number: { ...id, description: 'Sending number id (default: the first number)' },
    numbers: {
      description: 'Numbers the campaign may send from: a list of number ids, or "all" (default: `number`, else the first number). The built-in strategies spread the recipients round-robin over them',
      examples: ['all', ['promo-1', 'promo-2']],
      anyOf: [{ const: 'all' }, { type: 'array', items: id, minItems: 1, maxItems: LIMITS.maxListItems, uniqueItems: true }],
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
        times: { type: 'integer', minimum: 1, maximum: LIMITS.maxListItems, description: 'How many occurrences at most', examples: [8] },
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
    startHour: { type: 'number', minimum: 0, default: 0, description: 'Hours after the start of the run' },
    recipients: { type: 'integer', minimum: 1, maximum: LIMITS.maxRecipients, description: 'How many of the segment (default: all)' },
    dailyTarget: { type: 'integer', minimum: 1, maximum: LIMITS.maxRecipients, description: 'Recipients to reach per day (default: all at once)' },
  },
} as const;

const strategyRef = {
  anyOf: [
    { type: 'string', minLength: 1, maxLength: 4096 },
    {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string', minLength: 1, maxLength: 4096 },
        label: { type: 'string', maxLength: 200 },
        params: { type: 'object' },
      },
    },
  ],
} as const;

const overrides = {
  type: 'object',
  description: 'Policy parameter overrides by dotted path (see `wabasim list policies --params`)',
  propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9.]*$' },
} as const;

const variant = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    description: text,
    policy: { type: 'string' },
    overrides,
    patch: {
      type: 'object',
      description: 'Scenario values to replace, keyed by JSON pointer (e.g. "/audience/segments/0/blockProbability")',
      propertyNames: { pattern: '^(/[^/]*)+$' },
    },
  },
} as const;

const riskShare = { type: 'number', minimum: 0, maximum: 1 } as const;

const objective = {
  type: 'object',
  additionalProperties: false,
  description: 'What "best" means for the verdict (default: maximise uniqueUsersReached, a number restricted in at most 5% of runs)',
  properties: {
    maximise: { type: 'string', minLength: 1, maxLength: 200, description: 'A run-summary metric to maximise, e.g. uniqueUsersReached' },
    minimise: { type: 'string', minLength: 1, maxLength: 200, description: 'A run-summary metric to minimise, e.g. failedByCode.limit_reached' },
    maxRestrictionRisk: { ...riskShare, description: 'Largest acceptable share of runs with a number restricted (default 0.05)' },
    maxBanRisk: { ...riskShare, description: 'Largest acceptable share of runs with a number banned or disabled (default: the restriction limit, at most 0.05)' },
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
    $schema: { type: 'string' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    question: text,
    description: text,
    policy: { type: 'string', default: 'meta-2025-10' },
    overrides,
    horizonDays: { type: 'number', exclusiveMinimum: 0, maximum: LIMITS.maxHorizonDays },
    start: {
      type: 'string',
      pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$',
      default: '2026-01-05T00:00:00Z',
      description: 'Calendar time of simulated time 0 (UTC), used for webhook timestamps',
    },
    seeds: { type: 'integer', minimum: 1, maximum: LIMITS.maxSeeds, default: 1 },
    seed: { type: 'integer', minimum: 0, maximum: 2 ** 31 - 1, default: 1 },
    portfolio: {
      type: 'object',
      additionalProperties: false,
      required: ['numbers'],
      properties: {
        verified: { type: 'boolean', default: false, description: 'Business (or partner-led) verification completed' },
        autoAppeal: { type: 'boolean', default: true, description: 'The business appeals restrictions and bans as soon as they happen' },
        generalPurposeAiBot: { type: 'boolean', default: false, description: 'Runs a general-purpose AI chatbot (Meta AI policy from 2026-01-15)' },
        aiDetectionHour: { type: 'number', minimum: 0, default: 24, description: 'Hours after the start when Meta detects the general-purpose AI chatbot' },
        metadataChanges: {
          type: 'array',
          maxItems: LIMITS.maxListItems,
          description: 'Sudden account-metadata changes that trigger the 48-hour review',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['atHour', 'kind'],
            properties: {
              atHour: { type: 'number', minimum: 0 },
              kind: { enum: ['new-card-other-region', 'ip-linked-to-bans', 'new-device'] },
            },
          },
          default: [],
        },
        startTier: { type: 'string', description: 'Messaging-limit tier at the start (default: the profile\'s)' },
        numbers: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: phoneNumber },
      },
    },
    templates: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: template },
    audience: {
      type: 'object',
      additionalProperties: false,
      required: ['segments'],
      properties: { segments: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: segment } },
    },
    campaigns: { type: 'array', maxItems: LIMITS.maxListItems, items: campaign },
    strategies: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: strategyRef },
    variants: { type: 'array', maxItems: LIMITS.maxListItems, items: variant },
    objective,
    thresholds: {
      type: 'object',
      description: 'CI gates, k6-style (README "Thresholds and CI"): key METRIC or METRIC{strategy:NAME,variant:NAME}, a metric of the run summary; value a list of conditions AGG OP NUMBER on its values across runs, AGG mean, min, max, p(N) or rate (the share of runs where it is not 0), OP <, <=, >, >=, == or !=; e.g. {"restricted{strategy:tier-aware}": ["rate==0"]}. A failed one makes `wabasim run` exit 1',
      maxProperties: LIMITS.maxListItems,
      propertyNames: { maxLength: 1000 },
      additionalProperties: { type: 'array', minItems: 1, maxItems: LIMITS.maxListItems, items: { type: 'string', maxLength: 200 } },
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
