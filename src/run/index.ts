export * from './results.js';
export * from './run-scenario.js';
export { runInWorkers } from './parallel.js';
export { runOnce, type RunOptions } from './run-once.js';
export { resolveStrategies, type ResolvedStrategy } from './strategies.js';
export { aggregate, spread, numericMetrics } from './aggregate.js';
export { writeFileAtomic } from './write.js';
export { writeEventLog, type EventLogOptions } from './event-log.js';
export { mergeShards } from './merge.js';
