/**
 * What one run charges (issue 22: cost per delivered message, per reached user, per reply): the
 * resolved rate card as a flat price table and the cost accumulated so far. Written only by
 * src/model/pricing.ts.
 */

/** The resolved rate card of a run and its running cost. */
export interface PricingState {
  /** Price of a delivered template per (price row, category): row × 3 + category (marketing, utility, authentication). */
  readonly prices: Float64Array;
  /** Per recipient: its price row (its country's), or NUMBER_ROW for "the sending number's country"; null when no segment names countries. */
  readonly rowOf: Uint16Array | null;
  /** Per phone number: the price row of its country (a recipient's default). */
  readonly numberRow: Uint16Array;
  /** A utility template delivered inside an open customer-service window is free (Meta "Pricing", from 2025-07-01). */
  readonly freeUtilityInWindow: boolean;
  /** Cost charged so far, per category (marketing, utility, authentication), in `currency`. */
  readonly cost: Float64Array;
  /** The rate card as results state it: currency, effective date and where it comes from. */
  readonly card: RateCardInfo;
}

/** Where a run's prices come from. */
export interface RateCardInfo {
  readonly currency: string;
  readonly effectiveDate: string;
  readonly source: string;
}
