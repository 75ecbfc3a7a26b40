/** Comparing two results files (`wabasim diff`) and the metrics it and `--csv` share. */
export { diffResults, type DiffRow, type ResultsDiff } from './diff-results.js';
export { headlineMetrics, HEADLINE_SCALARS } from './headline-metrics.js';
export { welchDifference, type SampleSummary, type WelchDifference } from './welch-difference.js';
export { resultsCsv } from './results-csv.js';
