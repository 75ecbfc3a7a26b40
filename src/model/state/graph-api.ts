/** The Graph API app-level request budget (MODEL.md §4); written by graph-api.ts. */

export interface GraphBudget {
  /** Request times in the rolling hour (FIFO). */
  readonly times: number[];
  head: number;
  readonly registered: boolean;
}
