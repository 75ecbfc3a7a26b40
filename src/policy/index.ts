export * from './types.js';
export * from './distribution.js';
export * from './registry.js';
export * from './params.js';
export { deriveProfile } from './derive.js';
export * from './sources.js';
export * from './source-catalogue.js';
export * from './ranges.js';
export * from './markets.js';
