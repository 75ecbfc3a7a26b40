export { aggregateValues, aggregationLabel, holds, parseCondition, NAMED_AGGREGATIONS, OPERATORS, type Aggregation, type Condition, type Operator } from './condition.js';
export { parseThresholdKey, scopeText, SCOPE_KEYS, type Scope, type ScopeKey, type ThresholdKey } from './key.js';
export { CONDITIONAL_GROUPS, isConditionalMetric, isMetricName, METRIC_GROUPS, metricNames, RATIO_METRICS, SCALAR_METRICS, type MetricGroup } from './metric-names.js';
export { checkThresholdScopes, parseThresholds, scopeNames, thresholdIssues, type ScopeNames, type Threshold } from './check.js';
export { evaluateThresholds, thresholdsOf, type SkippedThreshold, type ThresholdCheck, type ThresholdOutcome } from './evaluate.js';
export { observedText, thresholdLines } from './text.js';
export { thresholdJunit } from './junit.js';
