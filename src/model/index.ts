export * from './codes.js';
export * from './observable.js';
export type { TraceRecord, RunContext } from './context.js';
export type { ModelEvent } from './events.js';
export { COMPACT_HANDLERS, HANDLERS } from './handlers.js';
export { buildWorld } from './build.js';
export { createSenderApi } from './strategy-host.js';
export type { World } from './state/index.js';
