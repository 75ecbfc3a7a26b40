/** The state of one run, slice by slice: each slice's fields are written only by the module its doc names (test/architecture checks it). */
export * from './world.js';
export * from './audience.js';
export * from './enforcement.js';
export * from './graph-api.js';
export * from './limits.js';
export * from './pacing.js';
export * from './quality.js';
export * from './throughput.js';
export * from './trust.js';
export * from './pricing.js';
