/** The verdict of a sweep: objective, paired differences, recommendation and its words. */
export * from './objective.js';
export * from './paired.js';
export * from './verdict.js';
export * from './words.js';
