/**
 * The enforcement table: for each variant × strategy, every action taken against a number
 * (Meta's policy ladder: warning, timed blocks, disabled account; seed 003's trust score and block
 * cascade: soft and permanent bans; reviews, disconnects, account restrictions) with the path that
 * acted and how that path is known (documented, reported, community estimate — MODEL.md §6b),
 * why, in how many runs, when it first came, and — for trust-score actions — which of the four
 * layers drove it (their mean contribution at the moment of the action, MODEL.md §6). Where the
 * trust score only reports (it does not act on a channel), a risk-indicator row says how long it
 * stood over its restriction line.
 */
import { median } from 'simple-statistics';
import { formatNumberRounded } from '../../format/index.js';
import type { EnforcementSummary, RunResult } from '../../run/results.js';
import { escapeHtml } from '../format.js';
import { enforcementBasis, enforcementKindLabel, enforcementPathLabel, enforcementReasonLabel, isTimedKind, knownAsLabel } from '../labels.js';
import type { Group, ReportData } from '../report-data.js';
import { channelList, indicatorExposure } from '../trust-standing.js';
import { labelBadge } from './parameters.js';

/** The four trust layers in words (seed 003). */
const LAYER_LABELS: Readonly<Record<string, string>> = {
  registration: 'registration',
  behaviour: 'behaviour',
  blockCascade: 'block cascade',
  content: 'content pattern',
};

/** Rows in this order of how their path is known: Meta's own documentation first, estimates last. */
const LABEL_ORDER: readonly string[] = ['documented', 'reported', 'estimate', 'forecast'];

/** One action (path, kind, reason and, for timed blocks, length) of one variant × strategy, gathered over its runs. */
interface Row {
  readonly path: string;
  readonly label: string;
  readonly kind: string;
  readonly reason: string;
  /** Whole days, for the timed blocks of Meta's ladder. */
  readonly days: number | undefined;
  /** Runs with this action at least once. */
  runs: number;
  /** Day of the first such action, per run that had it. */
  readonly firstDays: number[];
  /** Layer contributions at every such action, for the mean. */
  readonly layers: Readonly<Record<string, number>>[];
  appealed: number;
  count: number;
}

/** Length of a timed block in whole days (at least 1), or undefined for other kinds and open ones. */
function daysOf(e: EnforcementSummary): number | undefined {
  if (!isTimedKind(e.kind) || e.endDay === null || e.endDay === undefined) return undefined;
  return Math.max(1, Math.round(e.endDay - e.startDay));
}

function rowsOf(runs: readonly RunResult[]): Row[] {
  const rows = new Map<string, Row>();
  for (const run of runs) {
    const seen = new Set<string>();
    for (const e of run.summary.enforcements ?? []) {
      const { path, label } = enforcementBasis(e);
      const days = daysOf(e);
      const key = JSON.stringify([path, e.kind, e.reason, days ?? null]);
      const row = rows.get(key) ?? { path, label, kind: e.kind, reason: e.reason, days, runs: 0, firstDays: [], layers: [], appealed: 0, count: 0 };
      rows.set(key, row);
      row.count++;
      if (e.appealed) row.appealed++;
      if (e.layers) row.layers.push(e.layers);
      if (seen.has(key)) continue;
      seen.add(key);
      row.runs++;
      row.firstDays.push(e.startDay);
    }
  }
  const rank = (l: string): number => (LABEL_ORDER.includes(l) ? LABEL_ORDER.indexOf(l) : LABEL_ORDER.length);
  return [...rows.values()].sort((a, b) => rank(a.label) - rank(b.label) || median(a.firstDays) - median(b.firstDays));
}

/** "behaviour 1.6 · block cascade 0.45": the layers' mean contributions, largest first, zeros left out. */
function layerText(layers: readonly Readonly<Record<string, number>>[]): string {
  if (layers.length === 0) return '';
  const names = Object.keys(LAYER_LABELS);
  const mean = names.map((name) => [name, layers.reduce((s, l) => s + (l[name] ?? 0), 0) / layers.length] as const).filter(([, v]) => v > 0);
  mean.sort((a, b) => b[1] - a[1]);
  return mean.map(([name, v], i) => (i === 0 ? `<strong>${escapeHtml(LAYER_LABELS[name])} ${formatNumberRounded(v)}</strong>` : `${escapeHtml(LAYER_LABELS[name])} ${formatNumberRounded(v)}`)).join(' · ');
}

/** "day 2", or the median with its range across runs when they differ. */
function daysText(days: readonly number[]): string {
  if (Math.min(...days) === Math.max(...days)) return `day ${formatNumberRounded(days[0])}`;
  return `day ${formatNumberRounded(median(days))}<br><span class="range">${formatNumberRounded(Math.min(...days))} – ${formatNumberRounded(Math.max(...days))}</span>`;
}

/** The path cell: which rule acted, and a badge for how it is known. */
function pathCell(path: string, label: string): string {
  const cls = /^[a-z]+$/.test(label) ? ` lbl-${label}` : '';
  return `<td class="path">${escapeHtml(enforcementPathLabel(path))}<br><span class="lbl${cls}">${escapeHtml(knownAsLabel(label))}</span></td>`;
}

function groupCells(g: Group, several: boolean): string {
  return `${several ? `<td>${escapeHtml(g.variant)}</td>` : ''}<td>${escapeHtml(g.strategy)}</td>`;
}

function actionRow(g: Group, r: Row, several: boolean): string {
  const why = escapeHtml(enforcementReasonLabel(r.reason));
  const driven = layerText(r.layers);
  const appealed = r.appealed > 0 ? `<br><span class="range">appealed ${r.appealed === r.count ? 'every time' : `${r.appealed} of ${r.count} times`}</span>` : '';
  const cls = r.label === 'estimate' ? ' class="estimate"' : '';
  return `<tr${cls}>${groupCells(g, several)}<td>${escapeHtml(enforcementKindLabel(r.kind, r.days))}${appealed}</td>${pathCell(r.path, r.label)}<td>${why}${driven ? `<br><span class="range">layers: ${driven}</span>` : ''}</td><td class="num"><strong>${r.runs}</strong> of ${g.runs.length}</td><td class="num">${daysText(r.firstDays)}</td></tr>`;
}

/**
 * The risk-indicator sentence for one variant × strategy, or '' when the trust score never stood
 * over its restriction line on a number it does not act on.
 * Why: on cloud-api numbers the trust score restricts nothing (MODEL.md §6b) but still says something about risk.
 * @example indicatorText(group) // 'trust score (community estimate) over its restriction line for 41 h on cloud-api numbers in 3 of 4 runs — …'
 */
export function indicatorText(g: Group): string {
  const exposures = g.runs.map(indicatorExposure).filter((x) => x.hours > 0);
  if (exposures.length === 0) return '';
  const hours = exposures.map((x) => x.hours);
  const channels = channelList([...new Set(exposures.flatMap((x) => x.channels))]);
  const spread = hours.length > 1 && Math.min(...hours) !== Math.max(...hours) ? ` (median; ${formatNumberRounded(Math.min(...hours))}–${formatNumberRounded(Math.max(...hours))} h)` : '';
  return `trust score (community estimate) over its restriction line for ${formatNumberRounded(median(hours))} h${spread} on ${channels} numbers in ${exposures.length} of ${g.runs.length} runs — reported as a risk indicator; it does not act on ${channels} (MODEL.md §6b)`;
}

function indicatorRow(g: Group, several: boolean): string {
  const text = indicatorText(g);
  if (!text) return '';
  const runs = g.runs.filter((r) => indicatorExposure(r).hours > 0).length;
  return `<tr class="estimate indicator">${groupCells(g, several)}<td>no action: risk indicator</td>${pathCell('trust-score', 'estimate')}<td>${escapeHtml(text)}</td><td class="num"><strong>${runs}</strong> of ${g.runs.length}</td><td class="num">—</td></tr>`;
}

function groupRows(g: Group, several: boolean): string[] {
  const rows = rowsOf(g.runs).map((r) => actionRow(g, r, several));
  const indicator = indicatorRow(g, several);
  return indicator ? [...rows, indicator] : rows;
}

/**
 * Whether the enforcement section has anything to show: an action in some run, or a trust score
 * over its line where it only reports.
 * @example hasEnforcementSection(data) // true
 */
export function hasEnforcementSection(data: ReportData): boolean {
  return data.groups.some((g) => g.runs.some((r) => (r.summary.enforcements ?? []).length > 0 || indicatorExposure(r).hours > 0));
}

/**
 * The enforcement section as HTML, or '' when no run had any enforcement or risk indicator.
 * Why: a sender must see not only that a number was restricted but why, by which rule, and how
 * well that rule is known.
 * @example enforcementSection(data) // '<section id="enforcement">…'
 */
export function enforcementSection(data: ReportData): string {
  const several = data.variants.length > 1;
  const rows = data.groups.flatMap((g) => groupRows(g, several));
  if (rows.length === 0) return '';
  const head = `<tr>${several ? '<th class="c-variant">Variant</th>' : ''}<th class="c-strategy">Strategy</th><th class="c-action">Action</th><th class="c-path">Path (how it is known)</th><th class="c-why">Why</th><th class="num c-runs">Runs</th><th class="num c-first">First at (median, range)</th></tr>`;
  const intro = `<p>Every action taken against a phone number, the rule (path) that took it, in how many runs it happened and when it first came. Each rule acts only on the channels its source speaks of (MODEL.md §6b). How a path is known: ${labelBadge('documented')} Meta's own documentation (the policy-enforcement ladder: a warning, then blocks of growing length, then a disabled account); ${labelBadge('reported')} reported by BSPs and seed 000 (identity review, AI policy, coexistence); ${labelBadge('estimate')} a community estimate (seed 003's trust score and block cascade, written about WhatsApp Web sessions and the app). <strong>Rows resting on an estimate are shaded</strong>: read them as the direction of a risk, not as Meta's behaviour.</p><p>For trust-score actions, the layers of the (estimated) trust score at that moment, the largest in bold: registration (IP country, VoIP, shared IPs), behaviour (reply ratio, velocity, volume on a young number, sending around the clock, mechanical intervals, retry loops, the unanswered counter), block cascade (blocks per 1,000 delivered) and content pattern (identical messages, same link or media). The event log (<code>wabasim events</code>) has each action with its exact time and layers.</p>`;
  return `<section id="enforcement"><h2>Enforcement: when, why and by which rule</h2>${intro}<table class="enforcement"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`;
}
