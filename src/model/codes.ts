/**
 * Outcome codes a sender sees. Numeric codes are Meta's (error-codes page, MODEL.md §3–§4);
 * `limit_reached` is wabasim's name for the undocumented messaging-limit failure (MODEL.md §1).
 */
export const ERROR_CODES = {
  /** Invalid parameter (unknown number, template or recipient). Meta error-codes page, documented. */
  invalidParameter: 100,
  /** Free-form message outside the customer-service window. Meta error-codes page, documented. */
  reEngagement: 131047,
  /** Message undeliverable (used for a recipient who blocked the number). Meta error-codes page, reported. */
  undeliverable: 131026,
  /** Throughput (messages per second per number) exceeded. Meta error codes, documented (MODEL.md §4). */
  throughput: 130429,
  /** Pair rate (one number → one user) exceeded. Meta error codes, documented; seed 002. */
  pairRate: 131056,
  /** Per-user marketing cap reached ("healthy ecosystem"). Meta error codes, documented; seed 000. */
  marketingCap: 131049,
  /** Throughput upgrade in progress. Meta throughput page (mirror), documented. */
  throughputUpgrading: 131057,
  /** Template paused (or a paced message dropped). Meta template pausing/pacing, documented. */
  templatePaused: 132015,
  /** Template disabled. Meta template pausing, documented. */
  templateDisabled: 132016,
  /** Graph API app-level request budget exceeded (HTTP 429). seeds/002, documented by a BSP. */
  apiRateLimit: 429,
  /** Graph API overloaded (HTTP 503). seeds/002, reported. */
  apiOverloaded: 503,
  /** Account locked: restricted, banned or under review. Meta error codes 131031, documented. */
  accountLocked: 131031,
  /** Phone number not registered (a disconnected coexistence number). Meta error codes 133010, documented. */
  notRegistered: 133010,
  /** Business-initiated send at the messaging limit. MODEL.md §1: no documented code. */
  limitReached: 'limit_reached',
} as const;

export type ErrorCode = number | string;
