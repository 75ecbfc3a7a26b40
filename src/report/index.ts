export { renderReport, chartSpecs, type BuiltChart } from './render-report.js';
export { renderSvg, scopeSvg, widenSvg, type RenderedSvg } from './render-svg.js';
export { reportData, pointStep, MAX_POINTS, type ReportData, type Group } from './report-data.js';
export { CHART_IDS, CHARTS, type ChartId } from './charts/registry.js';
export type { ChartDefinition, ChartOutcome } from './chart-types.js';
export { readResultsFile, resultsIssues } from './load-results.js';
export { sourcesMarkdown } from './sources-doc.js';
