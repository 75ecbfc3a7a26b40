/**
 * The wabasim library: everything the CLI does, callable from TypeScript or JavaScript.
 * @example
 * import { runScenario, renderReport } from 'wabasim';
 * const results = await runScenario('scenarios/default.json', { seeds: 3 });
 * const html = await renderReport(results);
 */
export { runScenario, runValidatedScenario, type RunScenarioOptions, type Results, type RunResult, type RunSummary, type Aggregate, type Spread } from './run/index.js';
export { loadScenario, validateScenarioData, planVariants, scenarioSchema, type Scenario } from './scenario/index.js';
export { UserInputError, formatIssue, type Issue } from './errors/index.js';
export { PROFILES, PROFILE_IDS, listParams, type PolicyProfile, type Policy } from './policy/index.js';
// a user module's definition (source and params optional, README "Writing a strategy"); the kit: wabasim/strategy-kit
export { BUILTIN_STRATEGIES, type UserStrategyDefinition as StrategyDefinition, type StrategyParamDoc, type StrategyParamValues } from './strategies/index.js';
export type { Strategy, SenderApi, SendResponse, StatusUpdate, InboundMessage, CampaignView, NumberView, TemplateView, Webhook, QualityRating, PhoneNumberFields, GraphResponse, MessageStatus } from './model/index.js';
export { ERROR_CODES } from './model/index.js';
export { renderReport, readResultsFile, chartSpecs, reportData, CHART_IDS, CHARTS, type ChartDefinition, type ChartOutcome, type ChartId } from './report/index.js';
export { baselineFromResults, checkBaseline, readBaseline, serializeBaseline, type Baseline, type CheckResult, type DriftRow, type ToleranceSection } from './baseline/index.js';
export { evaluateThresholds, type ThresholdCheck, type ThresholdOutcome } from './thresholds/index.js';
export { runSensitivity, robustnessLine, topParameters, readSensitivityFile, mergeSensitivityShards, type SensitivityOptions, type SensitivityResults } from './sensitivity/index.js';
export { startServer, type ServeOptions, type ServerHandle, type ServedNumber } from './serve/index.js';
export { VERSION } from './version.js';
