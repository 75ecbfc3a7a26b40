/**
 * The report page: header (question, description, facts), the estimates note, KPI tables per
 * variant, the enforcement table, the charts, and the parameters. Plain HTML with inline CSS and SVG; no script, no
 * fetched resource.
 */
import { escapeHtml } from '../format.js';
import { paramGroupLabel } from '../labels.js';
import type { ReportData } from '../report-data.js';
import { enforcementSection, hasEnforcementSection } from './enforcement-table.js';
import { kpiTables } from './kpi-table.js';
import { estimatesNote, labelBadge, parametersSection, uncertainGroups } from './parameters.js';
import { sourcesSection } from './sources.js';
import { REPORT_CSS } from './style.js';
import { VERDICT_CSS, verdictSection, type VariantNote } from './verdict.js';
import { thresholdsSection } from './thresholds.js';

/** A rendered chart ready for the page, or a chart left out with its reason. */
export type PageChart =
  | { readonly kind: 'chart'; readonly id: string; readonly svg: string; readonly caption: string; readonly dependsOn: readonly string[] }
  | { readonly kind: 'skipped'; readonly name: string; readonly reason: string };

function header(data: ReportData, hasNote: boolean): string {
  const s = data.scenario;
  const strategies = data.strategies.map((x) => escapeHtml(x)).join(', ');
  const seeds = s.seeds !== undefined ? `${s.seeds}${s.firstSeed !== undefined ? ` (seeds ${s.firstSeed}–${s.firstSeed + s.seeds - 1})` : ''}` : String(Math.max(0, ...data.groups.map((g) => g.runs.length)));
  const variants = data.results.variants
    .map((v) => `<li><strong>${escapeHtml(v.name)}</strong> — policy <code>${escapeHtml(v.policy)}</code>${v.description ? `: ${escapeHtml(v.description)}` : ''}</li>`)
    .join('');
  const facts: [string, string][] = [
    ['Horizon', s.horizonDays !== undefined ? `${s.horizonDays} days` : `${data.hours} hours`],
    ['Seeds per strategy', seeds],
    ['Strategies', strategies],
    ['Variants', data.results.variants.length > 1 ? `${data.results.variants.length} (what-if comparison)` : '1'],
    ['Runs', String(data.results.runs.length)],
  ];
  return `<header>
<p class="kicker">wabasim ${escapeHtml(data.results.wabasim)} report · scenario “${escapeHtml(s.name)}”</p>
<h1>${escapeHtml(s.name)}</h1>
${s.question ? `<p class="question">${escapeHtml(s.question)}</p>` : ''}
${s.description ? `<p>${escapeHtml(s.description)}</p>` : ''}
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
<ul>${variants}</ul>
<nav class="toc"><a href="#verdict">Verdict</a><a href="#kpis">Key numbers</a>${hasEnforcementSection(data) ? '<a href="#enforcement">Enforcement</a>' : ''}<a href="#charts">Charts</a>${hasNote ? '<a href="#estimates">What rests on estimates</a>' : ''}<a href="#parameters">Parameters and sources</a><a href="#sources">Sources</a></nav>
</header>`;
}

function kpiSection(data: ReportData): string {
  return `<section id="kpis"><h2>Key numbers</h2><p>Per run, across seeds: <strong>mean</strong> ± standard deviation, and below it the range from the 5th to the 95th percentile of the runs. A value without a spread was the same in every run. Hover a cell for the 95% confidence interval of the mean. Risk is also given per 1,000 delivered messages, so a strategy that delivers little (one stopped at its messaging limit) does not look safe for it; the share of runs with a number restricted or banned says which kind of rule did it (documented, reported or community estimate).</p>${kpiTables(data)}</section>`;
}

function chartsSection(data: ReportData, charts: readonly PageChart[]): string {
  const figures = charts.flatMap((c) => {
    if (c.kind !== 'chart') return [];
    const groups = uncertainGroups(data, c.dependsOn);
    const rests = groups.length ? `<span class="rests">${labelBadge('estimate')} Rests on estimated parameters: ${groups.map((g) => escapeHtml(paramGroupLabel(g))).join('; ')}.</span>` : '';
    return [`<figure id="${c.id}">${c.svg}<figcaption>${escapeHtml(c.caption)}${rests}</figcaption></figure>`];
  });
  const skipped = charts.flatMap((c) => (c.kind === 'skipped' ? [`<li>${escapeHtml(c.name)}: ${escapeHtml(c.reason)}</li>`] : []));
  const note = skipped.length ? `<p class="skipped">Not charted:</p><ul class="skipped">${skipped.join('')}</ul>` : '';
  const compare = data.variants.length > 1 ? ' Variants are drawn side by side on the same scale.' : '';
  return `<section id="charts"><h2>Charts</h2><p>Colours are strategies.${compare} Times are from the start of the simulation.</p>${figures.join('\n')}${note}</section>`;
}

/**
 * The whole report page as one HTML string.
 * Why: one self-contained file to open offline, mail or print.
 * @example reportPage(data, charts) // '<!doctype html>…'
 */
export function reportPage(data: ReportData, charts: readonly PageChart[], sections: { readonly sensitivity?: string; readonly verdictNote?: VariantNote } = {}): string {
  const note = estimatesNote(data);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wabasim report: ${escapeHtml(data.scenario.name)}</title>
<style>${REPORT_CSS}${VERDICT_CSS}</style>
</head>
<body>
<main>
${header(data, note !== '')}
${verdictSection(data, sections.verdictNote)}
${note}
${kpiSection(data)}
${thresholdsSection(data)}
${enforcementSection(data)}
${chartsSection(data, charts)}
${sections.sensitivity ?? ''}
${parametersSection(data)}
${sourcesSection(data, charts, enforcementSection(data))}
<footer>Generated by wabasim ${escapeHtml(data.results.wabasim)} from results.json. Every policy parameter is labelled documented, reported, estimate or forecast; its sources are listed above and, for every profile, in docs/sources.md of the wabasim repository.</footer>
</main>
</body>
</html>
`;
}
