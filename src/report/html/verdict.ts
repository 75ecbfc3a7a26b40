/**
 * The verdict box that opens the report (issue 19): per variant, the recommended strategy in plain
 * words, its paired difference to every other strategy (mean and 95% interval over common seeds),
 * each one's restriction and ban risk as "k of N runs", and what would change the verdict; then,
 * with more than one variant, what each variant does to each strategy. The same words as the CLI
 * (src/verdict/words.ts).
 */
import { formatNumberRounded } from '../../format/index.js';
import { describeObjective, differenceWords, metricWords, objectiveOf, ofRuns, variantEffects, verdictLines, verdicts, type Verdict } from '../../verdict/index.js';
import { escapeHtml } from '../format.js';
import type { ReportData } from '../report-data.js';

/** Styles of the verdict box (appended to the page's stylesheet). */
export const VERDICT_CSS = `
.verdict { border: 2px solid var(--accent); border-radius: 8px; padding: 0.9em 1.2em; margin: 1.5em 0; break-inside: avoid; }
.verdict h2 { margin: 0.1em 0 0.3em; border: none; }
.verdict .objective { color: var(--muted); margin: 0 0 0.8em; }
.verdict h3 { margin: 0.9em 0 0.3em; font-size: 1.05rem; }
.verdict .headline { font-size: 1.1rem; font-weight: 600; margin: 0.3em 0; }
.verdict ul { margin: 0.3em 0; padding-left: 1.2em; }
.verdict table { margin: 0.4em 0; }
.verdict td.diff { white-space: nowrap; }
.verdict .best td { font-weight: 600; }
.verdict .out { color: #a4262c; }
`;

/** A sentence from sensitivity analysis for one variant, when one was run (e.g. the robustness of the recommendation). */
export type VariantNote = (variant: string) => string | undefined;

function comparisonTable(v: Verdict): string {
  const o = v.objective;
  const rows = v.standings.map((s) => {
    const c = v.comparisons.find((x) => x.strategy === s.strategy);
    const diff = s.strategy === v.recommended ? 'recommended' : c?.difference ? escapeHtml(differenceWords(c.difference, formatNumberRounded)) : '—';
    const risk = `${ofRuns(s.restricted, s.runs)}${s.banned ? ` (banned in ${s.banned})` : ''}`;
    const cls = s.strategy === v.recommended ? ' class="best"' : '';
    return `<tr${cls}><td>${escapeHtml(s.strategy)}</td><td class="num">${formatNumberRounded(s.mean)}</td><td class="diff">${diff}</td><td${s.admissible ? '' : ' class="out"'}>${risk}${s.admissible ? '' : ' — over the risk limit'}</td></tr>`;
  });
  return `<table><thead><tr><th>Strategy</th><th>${escapeHtml(metricWords(o.metric))} (mean)</th><th>Recommended minus this one</th><th>Restricted</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function variantBlock(v: Verdict, many: boolean, note: VariantNote | undefined): string {
  const w = verdictLines(v, formatNumberRounded);
  const extra = note?.(v.variant);
  const changes = [...w.changes, ...(extra ? [extra] : [])];
  return `${many ? `<h3>${escapeHtml(v.variant)}</h3>` : ''}<p class="headline">${escapeHtml(w.headline)}</p>${comparisonTable(v)}${changes.length ? `<p>What would change it:</p><ul>${changes.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>` : ''}`;
}

function variantsTable(data: ReportData): string {
  const effects = variantEffects(data.results);
  if (effects.length === 0) return '';
  const o = objectiveOf(data.results.scenario);
  const rows = effects.map(
    (e) => `<tr><td>${escapeHtml(e.strategy)}</td><td>${escapeHtml(e.variant)}</td><td class="num">${formatNumberRounded(e.mean)}</td><td class="diff">${e.difference ? escapeHtml(differenceWords(e.difference, formatNumberRounded)) : '—'}</td><td>${ofRuns(e.restricted, e.runs)}</td></tr>`,
  );
  return `<h3>What the variants change</h3><p>Each strategy on each variant against “${escapeHtml(effects[0].base)}”, paired over common seeds.</p><table><thead><tr><th>Strategy</th><th>Variant</th><th>${escapeHtml(metricWords(o.metric))} (mean)</th><th>Variant minus “${escapeHtml(effects[0].base)}”</th><th>Restricted</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/**
 * The verdict section, first on the page.
 * @example verdictSection(data) // '<section id="verdict" class="verdict">…'
 */
export function verdictSection(data: ReportData, note?: VariantNote): string {
  const all = verdicts(data.results);
  if (all.length === 0) return '';
  const objective = objectiveOf(data.results.scenario);
  const stated = data.results.scenario && typeof data.results.scenario === 'object' && 'objective' in data.results.scenario;
  return `<section id="verdict" class="verdict"><h2>Verdict</h2><p class="objective">Objective${stated ? '' : ' (the default; set <code>objective</code> in the scenario to change it)'}: ${escapeHtml(describeObjective(objective))}. Differences are paired: every strategy runs on the same seeds, which give it the same audience and the same reactions of each user to their k-th message.</p>${all.map((v) => variantBlock(v, all.length > 1, note)).join('')}${variantsTable(data)}</section>`;
}
