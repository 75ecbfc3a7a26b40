/** Source tags used by profiles: seed files under ../shared/seeds and Meta's documentation pages. */
export const SEED_000 = 'seeds/000_ac09f1fd974468da.txt';
export const SEED_001 = 'seeds/001_81f71e3cebd9ea96.txt';
export const SEED_002 = 'seeds/002_283dc3874d8ce749.txt';
export const SEED_003 = 'seeds/003_bb4d35adda67ac79.txt';
export const SEED_004 = 'seeds/004_b00e79ff5cb9d8a4.txt';
const META = 'https://developers.facebook.com/documentation/business-messaging/whatsapp';
export const META_MESSAGING_LIMITS = `${META}/messaging-limits`;
export const META_LIMIT_CHANGES = `${META}/messaging-limits#upcoming-changes-to-messaging-limits`;
export const META_SERVICE_WINDOW = `${META}/messages/send-messages#customer-service-windows`;
export const META_ERROR_CODES = `${META}/support/error-codes`;
export const META_TEMPLATE_PACING = `${META}/templates/template-pacing`;
export const META_TEMPLATE_PAUSING = `${META}/templates/template-pausing`;
export const META_TEMPLATE_QUALITY = `${META}/templates/template-quality`;
export const META_THROUGHPUT = `${META}/throughput`;
export const META_PAIR_RATE = `${META}/support/error-codes (131056 pair rate limit)`;
export const META_MARKETING_CAP = `${META}/support/error-codes (131049 healthy ecosystem)`;
export const META_SEND_RESPONSE = `${META}/reference/messages (message_status, v24)`;
export const META_POLICY_ENFORCEMENT = 'https://developers.facebook.com/docs/whatsapp/overview/policy-enforcement';
/** Meta's pricing page (per-message pricing from 2025-07-01; rates by template category and the recipient's country calling code, grouped into markets). */
export const META_PRICING = 'https://developers.facebook.com/docs/whatsapp/pricing';
