/** Documented resource limits on scenarios (README "Limits"); enforced by the schema and semantic checks. */
export const LIMITS = {
  /** Recipients across all segments. */
  maxRecipients: 5_000_000,
  /** Horizon of one run. */
  maxHorizonDays: 366,
  /** Seeds per scenario run. */
  maxSeeds: 10_000,
  /** Variants × strategies × seeds in one run. */
  maxRuns: 100_000,
  /** Entries in any list (numbers, templates, segments, campaigns, strategies, variants). */
  maxListItems: 1_000,
  /**
   * Memory for a sweep's results and its simulation (estimated from the plan before it runs,
   * src/run/memory-estimate.ts): 1 GiB, so the process stays within about 1.5 GB with the runtime.
   */
  maxResultsBytes: 1024 * 1024 * 1024,
  /** Scenario file size. */
  maxFileBytes: 16 * 1024 * 1024,
} as const;
