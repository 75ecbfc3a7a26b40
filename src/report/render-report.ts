/**
 * The report pipeline:
 *
 *   Results ──reportData──▶ groups by variant × strategy
 *      │                         │
 *      │                         ├──CHARTS (registry)──▶ vega-lite specs ──compile + vega──▶ SVG
 *      │                         └──KPI tables, parameters, estimates note──▶ HTML
 *      └──────────────────────────────────────────────▶ reportPage ──▶ report.html (string)
 *
 * Pure apart from vega's rendering; the same results give the same bytes.
 */
import type { Results } from '../run/results.js';
import { CHART_IDS, CHARTS } from './charts/registry.js';
import type { ChartOutcome } from './chart-types.js';
import { reportPage, type PageChart } from './html/page.js';
import { renderSvg } from './render-svg.js';
import { reportData, type ReportData } from './report-data.js';
import { CHART_WIDTH } from './spec.js';
import { echoDigest } from '../sensitivity/digest.js';
import { robustnessLine } from '../sensitivity/words.js';
import type { SensitivityResults } from '../sensitivity/types.js';
import { tornadoSpec } from './charts/tornado.js';
import { sensitivitySection, type TornadoFigure } from './html/sensitivity.js';

/** One registry chart built for `data`: its id, name and outcome. */
export interface BuiltChart {
  readonly id: string;
  readonly name: string;
  readonly dependsOn: readonly string[];
  readonly outcome: ChartOutcome;
}

/**
 * Builds every chart of the registry for `results` (specs only, nothing rendered).
 * Why: tests validate each spec against vega-lite's schema; the report renders them.
 * @example chartSpecs(reportData(results)).filter((c) => c.outcome.kind === 'chart').length
 */
export function chartSpecs(data: ReportData): BuiltChart[] {
  return CHART_IDS.map((id) => ({ id, name: CHARTS[id].name, dependsOn: CHARTS[id].dependsOn, outcome: CHARTS[id].build(data) }));
}

/**
 * Renders the HTML report for `results`: one self-contained page (inline SVG charts and CSS, no
 * script, nothing fetched) with the question, KPI tables with spread across seeds, the charts and
 * the parameters with their sources; with `sensitivity` (sensitivity.json of the same scenario
 * echo, else ignored) also the section "Sensitivity to the estimates" after the charts.
 * Why: `wabasim run` and `wabasim report` write it as report.html; a library user can too.
 * Cost: dominated by vega rendering, roughly proportional to charts × strategies × points.
 * @throws {Error} only for a bug in a chart function (vega rejecting a spec)
 * @example
 * import { runScenario, renderReport } from 'wabasim';
 * const html = await renderReport(await runScenario('scenarios/default.json'));
 */
export async function renderReport(results: Results, sensitivity?: SensitivityResults): Promise<string> {
  // 1. group the runs once
  const data = reportData(results);
  // 2. build each chart's spec; 3. render it to SVG, every chart CHART_WIDTH wide so the page
  // draws them at one scale (sequentially: vega's id counter is global)
  const charts: PageChart[] = [];
  for (const built of chartSpecs(data)) {
    if (built.outcome.kind === 'skipped') {
      charts.push({ kind: 'skipped', name: built.name, reason: built.outcome.reason });
      continue;
    }
    const { svg } = await renderSvg(built.outcome.spec, built.id, CHART_WIDTH);
    charts.push({ kind: 'chart', id: built.id, svg, caption: built.outcome.caption, dependsOn: built.dependsOn });
  }
  // 4. the sensitivity section, when its analysis belongs to these results (same scenario echo)
  const matching = sensitivity && sensitivity.scenarioDigest === echoDigest(results.scenario) ? sensitivity : undefined;
  const section = matching ? await renderSensitivity(matching, data) : undefined;
  // 5. assemble the page; the verdict box quotes the robustness of each variant's recommendation
  return reportPage(data, charts, { sensitivity: section, verdictNote: matching ? (variant) => robustnessLine(matching, variant) : undefined });
}

/** The sensitivity section with its tornado charts rendered (one per headline outcome). */
async function renderSensitivity(s: SensitivityResults, data: ReportData): Promise<string> {
  const figures: TornadoFigure[] = [];
  for (const [i, outcome] of s.outcomes.entries()) {
    const built = tornadoSpec(s, data, outcome);
    if (built.kind === 'skipped') figures.push({ kind: 'skipped', outcome, reason: built.reason });
    else figures.push({ kind: 'chart', outcome, svg: (await renderSvg(built.spec, `tornado-${i}`)).svg, caption: built.caption });
  }
  return sensitivitySection(s, figures);
}
