/**
 * "Parameters and their sources": every resolved policy parameter with its value per variant,
 * unit, label (documented / reported / estimate / forecast, visually distinct) and source; and
 * the note on which conclusions rest on estimates.
 */
import type { ResolvedParam } from '../../run/results.js';
import { escapeHtml, formatValue } from '../format.js';
import { paramGroupLabel } from '../labels.js';
import type { ReportData } from '../report-data.js';
import { linkCitations, splitSources } from './sources.js';

/** Labels that mark a number as not documented by Meta. */
export const UNCERTAIN_LABELS = ['estimate', 'forecast'] as const;

const groupOf = (path: string): string => path.split('.')[0];

/**
 * A label badge: the label's word in a box styled by its class.
 * @example labelBadge('estimate') // '<span class="lbl lbl-estimate">estimate</span>'
 */
export function labelBadge(label: string): string {
  const cls = /^[a-z]+$/.test(label) ? ` lbl-${label}` : '';
  return `<span class="lbl${cls}">${escapeHtml(label)}</span>`;
}

/**
 * Parameters across variants labelled `label`, by path (first variant that has it wins).
 * @example uncertainParams(data, 'estimate').length // 80
 */
export function paramsLabelled(data: ReportData, label: string): ResolvedParam[] {
  const byPath = new Map<string, ResolvedParam>();
  for (const v of data.results.variants) for (const p of v.parameters) if (p.label === label && !byPath.has(p.path)) byPath.set(p.path, p);
  return [...byPath.values()];
}

/**
 * Parameter groups (first path segment) that hold an estimate or forecast among `groups`, in order.
 * Why: a chart is marked when its mechanism rests on such numbers.
 * @example uncertainGroups(data, ['pacing', 'limits']) // ['pacing']
 */
export function uncertainGroups(data: ReportData, groups: readonly string[]): string[] {
  const uncertain = new Set(UNCERTAIN_LABELS.flatMap((l) => paramsLabelled(data, l).map((p) => groupOf(p.path))));
  return groups.filter((g) => uncertain.has(g));
}

/**
 * The callout near the top: which conclusions rest on estimated (or forecast) parameters.
 * @example estimatesNote(data) // '<aside class="note">…</aside>' or '' when every parameter is documented
 */
export function estimatesNote(data: ReportData): string {
  const total = new Set(data.results.variants.flatMap((v) => v.parameters.map((p) => p.path))).size;
  const parts: string[] = [];
  for (const label of UNCERTAIN_LABELS) {
    const params = paramsLabelled(data, label);
    if (params.length === 0) continue;
    const groups = new Map<string, string[]>();
    for (const p of params) groups.set(groupOf(p.path), [...(groups.get(groupOf(p.path)) ?? []), p.path]);
    const items = [...groups].map(([g, paths]) => `<li><strong>${escapeHtml(paramGroupLabel(g))}</strong> (${paths.length})</li>`);
    const what = label === 'estimate' ? 'community estimates or modelling assumptions, not documented by Meta' : 'forecasts of announced changes, not yet in force';
    parts.push(`<p>${params.length} of the ${total} policy parameters are ${labelBadge(label)} ${what}. Conclusions about these mechanisms rest on them — read those numbers as the direction and rough size of an effect, not as Meta's exact behaviour:</p><ul class="groups${items.length > 4 ? ' wide' : ''}">${items.join('')}</ul>`);
  }
  if (parts.length === 0) return '';
  return `<aside class="note" id="estimates"><h2>What rests on estimates</h2>${parts.join('')}<p>Charts below say which of these they rest on. Every parameter, its value and its source are listed in <a href="#parameters">Parameters and their sources</a>, estimates highlighted.</p></aside>`;
}

function valueCell(p: ResolvedParam | undefined, showLabel: boolean, span = 1): string {
  if (!p) return '<td class="na">—</td>';
  const set = p.overridden ? ' <span class="set">set by the scenario</span>' : '';
  return `<td${span > 1 ? ` colspan="${span}" class="all"` : ''}><code>${escapeHtml(formatValue(p.value)).replace(/,/g, ',<wbr>')}</code>${p.unit ? ` <span class="unit">${escapeHtml(p.unit)}</span>` : ''}${showLabel ? ` ${labelBadge(p.label)}` : ''}${set}</td>`;
}

/**
 * The parameters section: one row per parameter path grouped by mechanism; one value column for
 * all variants when they agree, one per variant otherwise (a row whose value every variant shares
 * spans them).
 * Why: every number the model used, where it comes from and how sure we are of it.
 * @example parametersSection(data) // '<section id="parameters">…</section>'
 */
export function parametersSection(data: ReportData): string {
  const variants = data.results.variants;
  const paths = [...new Set(variants.flatMap((v) => v.parameters.map((p) => p.path)))];
  const lookup = variants.map((v) => new Map(v.parameters.map((p) => [p.path, p])));
  const same = variants.length <= 1 || paths.every((path) => {
    const first = JSON.stringify(lookup[0].get(path) ?? null);
    return lookup.every((m) => JSON.stringify(m.get(path) ?? null) === first);
  });
  const columns = same ? ['Value'] : variants.map((v) => v.name);
  const rows: string[] = [];
  let group = '';
  for (const path of paths) {
    const params = lookup.map((m) => m.get(path));
    const first = params.find((p) => p !== undefined);
    if (!first) continue;
    if (groupOf(path) !== group) {
      group = groupOf(path);
      rows.push(`<tr class="group"><th colspan="${columns.length + 3}" scope="rowgroup">${escapeHtml(group)} — ${escapeHtml(paramGroupLabel(group))}</th></tr>`);
    }
    const labels = [...new Set(params.flatMap((p) => (p ? [p.label] : [])))];
    const sources = [...new Set(params.flatMap((p) => (p ? splitSources(p.source) : [])))];
    // a value every variant shares spans their columns, so only the values that differ stand apart
    const agree = params.every((p) => JSON.stringify(p ?? null) === JSON.stringify(first));
    const values = same ? valueCell(first, false) : agree ? valueCell(first, false, columns.length) : params.map((p) => valueCell(p, labels.length > 1)).join('');
    const cls = labels.some((l) => (UNCERTAIN_LABELS as readonly string[]).includes(l)) ? ' class="uncertain"' : '';
    rows.push(`<tr${cls}><th scope="row"><code>${escapeHtml(path).replace(/\./g, '.<wbr>')}</code></th>${values}<td>${labels.map(labelBadge).join(' ')}</td><td class="source">${sources.map(linkCitations).join('<br>')}</td></tr>`);
  }
  const legend = ['documented', 'reported', 'estimate', 'forecast'].map((l) => `${labelBadge(l)} ${escapeHtml(LABEL_MEANINGS[l])}`).join(' · ');
  const head = `<tr><th scope="col">Parameter</th>${columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}<th scope="col">Label</th><th scope="col">Source</th></tr>`;
  const policies = variants.map((v) => `${escapeHtml(v.name)}: <code>${escapeHtml(v.policy)}</code>`).join(' · ');
  return `<section id="parameters"><h2>Parameters and their sources</h2><p>The policy parameters as each variant resolved them (${policies}). ${same && variants.length > 1 ? 'All variants use the same values. ' : ''}Labels: ${legend}. Each source links to its entry under <a href="#sources">Sources</a>.</p><table class="params${columns.length > 2 ? ' many' : ''}"><colgroup><col class="c-path">${columns.map(() => '<col>').join('')}<col class="c-label"><col class="c-source"></colgroup><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`;
}

const LABEL_MEANINGS: Readonly<Record<string, string>> = {
  documented: 'stated in Meta\'s documentation',
  reported: 'reported by BSPs or developers, consistent across sources',
  estimate: 'a community estimate or a modelling assumption',
  forecast: 'an announced change, not yet in force',
};
