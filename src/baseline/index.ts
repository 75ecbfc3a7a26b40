export * from './types.js';
export { baselineFromResults } from './record.js';
export { checkBaseline, toleranceFor, withinTolerance } from './check.js';
export { baselineCollisions, baselinePath, baselineIssues, readBaseline, scenarioRef, serializeBaseline } from './file.js';
