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
  /** Business-initiated send at the messaging limit. MODEL.md §1: no documented code. */
  limitReached: 'limit_reached',
} as const;

export type ErrorCode = number | string;
