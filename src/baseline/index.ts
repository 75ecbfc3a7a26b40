export * from './types.js';
export { baselineFromResults } from './record.js';
export { checkBaseline, toleranceFor, withinTolerance } from './check.js';
export { baselineCollisions, baselinePath, baselineIssues, DEFAULT_BASELINE_DIR, dirForHint, readBaseline, scenarioRef, serializeBaseline } from './file.js';
export { HEADLINE_METRICS, metricRank, orderDrift } from './headline.js';
export { baselineJunit, type CheckedScenario } from './junit.js';
