/** `wabasim sensitivity`: the headline outcomes and the verdict over the plausible ranges of the estimated parameters. */
export * from './types.js';
export { runSensitivity, DEFAULT_DRAWS, MIN_DRAWS, MAX_DRAWS, MAX_SEEDS_PER_DRAW, DEFAULT_RESAMPLES, type SensitivityOptions, type SensitivityRun } from './run-sensitivity.js';
export { analyse, designOf, TOP_FIRST_ORDER, TORNADO_BARS, FLIP_DRIVERS } from './analyse.js';
export { buildDesign, designSizes, drawSeeds, binsFor, MAX_TRAJECTORIES, type Design, type DesignSizes, type Trajectory } from './design.js';
export { elementaryEffects, type ElementaryEffects, type RadialPair } from './morris.js';
export { firstOrderIndex, thirdMeans, halfSamples, halfSampleInterval } from './given-data.js';
export { latinHypercube } from './latin-hypercube.js';
export { designParameters, drawOverrides, matchesOnly } from './parameters.js';
export { HEADLINE_OUTCOMES, candidateOutcomes } from './records.js';
export { robustnessLine, topParameters } from './words.js';
export { readSensitivityFile, sensitivityBeside, sensitivityIssues, SENSITIVITY_FILE } from './load.js';
export { isSensitivityShardFile, mergeSensitivityShards } from './merge.js';
export { echoDigest, framePlanDigest, shardContentDigest } from './digest.js';
