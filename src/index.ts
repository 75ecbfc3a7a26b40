/**
 * The wabasim library: everything the CLI does, callable from TypeScript or JavaScript.
 * @example
 * import { runScenario } from 'wabasim';
 * const results = runScenario('scenarios/default.json', { seeds: 3 });
 */
export { runScenario, runValidatedScenario, type RunScenarioOptions, type Results, type RunResult, type RunSummary, type Aggregate, type Spread } from './run/index.js';
export { loadScenario, validateScenarioData, planVariants, scenarioSchema, type Scenario } from './scenario/index.js';
export { UserInputError, formatIssue, type Issue } from './errors/index.js';
export { PROFILES, PROFILE_IDS, listParams, type PolicyProfile, type Policy } from './policy/index.js';
export { BUILTIN_STRATEGIES, type StrategyDefinition } from './strategies/index.js';
export type { Strategy, SenderApi, SendResponse, StatusUpdate, InboundMessage, CampaignView } from './model/index.js';
export { VERSION } from './version.js';
