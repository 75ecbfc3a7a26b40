export * from './schema.js';
export * from './limits.js';
export * from './load.js';
export * from './validate.js';
export { semanticIssues, resolvePointer } from './semantic.js';
