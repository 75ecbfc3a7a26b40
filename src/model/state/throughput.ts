/** A number's throughput (MODEL.md §4); written by throughput.ts. */

export interface ThroughputState {
  /** Current limit in messages per second. */
  mps: number;
  /** The integer second being counted and the messages in it. */
  second: number;
  used: number;
  /** Sends fail with 131057 until this time (ms). */
  upgradingUntil: number;
  upgradeScheduled: boolean;
  /** Last time the upgrade criteria were checked and not met (ms): the qualifying moment is later. */
  checkedAt: number;
}
