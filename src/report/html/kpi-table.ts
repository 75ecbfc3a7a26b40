/**
 * The KPI tables: headline metrics as rows, variant × strategy as columns (one table when that
 * fits a laptop screen, else one table per variant); each cell the mean ± standard deviation
 * across seeds over the 5th–95th percentile range, the 95% confidence interval of the mean in its
 * tooltip.
 */
import { formatNumberRounded } from '../../format/index.js';
import type { RunResult, Spread } from '../../run/results.js';
import { escapeHtml } from '../format.js';
import { blockReasonLabel, codeLabel, compareCodes, enforcementBasis } from '../labels.js';
import type { Group, ReportData } from '../report-data.js';
import { PERMANENT_KINDS, RESTRICTING_KINDS, type PacingVerdicts } from '../../model/state/index.js';

/** Most columns drawn in one table; beyond it each variant gets its own. */
export const MAX_KPI_COLUMNS = 8;

interface Row {
  readonly label: string;
  readonly sub?: boolean;
  readonly cell: (g: Group) => string;
}

/** A count absent from a group's aggregate never happened in its runs: 0 in each. */
const ZERO: Spread = { mean: 0, sd: 0, ci95: [0, 0], p5: 0, p50: 0, p95: 0, min: 0, max: 0 };

const spreadRow = (key: string, label: string, sub = false): Row => ({ label, sub, cell: (g) => cell(g.aggregate ? (g.aggregate.metrics[key] ?? ZERO) : undefined) });

/** Rows of the table, in order: headline metrics, breakdowns by code and reason, extras, tiers. */
function rowsFor(groups: readonly Group[]): Row[] {
  const keys = new Set(groups.flatMap((g) => Object.keys(g.aggregate?.metrics ?? {})));
  const under = (prefix: string): string[] => [...keys].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  const nonZero = (key: string): boolean => groups.some((g) => (g.aggregate?.metrics[key]?.max ?? 0) !== 0);
  const present = (key: string): boolean => keys.has(key) && nonZero(key);
  const extras: Row[] = [
    ...(present('held') ? [spreadRow('held', 'Held by template pacing')] : []),
    ...VERDICTS.filter(([field]) => present(`pacingVerdicts.${field}`)).map(([field, label]): Row => ({ label, sub: true, cell: (g) => verdictCell(g, field) })),
    ...[
      ['released', 'Released by pacing'],
      ['dropped', 'Dropped by pacing (132015)'],
      ['reports', 'Spam reports'],
      ['stops', 'STOP replies'],
    ].filter(([key]) => present(key)).map(([key, label]) => spreadRow(key, label)),
  ];
  const tiers = [...keys].filter((k) => k.startsWith('daysToTier.'));
  const risk: Row[] = keys.has('perThousandDelivered.blocks')
    ? [
        ...PER_THOUSAND.map(([key, label]) => spreadRow(`perThousandDelivered.${key}`, label)),
        { label: 'Runs with a number restricted', cell: (g: Group) => shareCell(g, 'restricted', RESTRICTING_KINDS) },
        { label: 'Runs with a number banned or disabled', cell: (g: Group) => shareCell(g, 'banned', PERMANENT_KINDS) },
      ]
    : [];
  return [
    spreadRow('attempted', 'Send attempts'),
    spreadRow('accepted', 'Accepted by the API'),
    spreadRow('delivered', 'Delivered'),
    spreadRow('uniqueUsersReached', 'Unique users reached'),
    spreadRow('failed', 'Failed sends (all codes)'),
    ...under('failedByCode.').sort(compareCodes).map((c) => spreadRow(`failedByCode.${c}`, codeLabel(c), true)),
    spreadRow('blocks', 'Blocks'),
    ...under('blocksByReason.').sort().map((r) => spreadRow(`blocksByReason.${r}`, `reason: ${blockReasonLabel(r)}`, true)),
    spreadRow('replies', 'Replies'),
    ...costRows(groups, keys, present),
    ...risk,
    spreadRow('pendingAtHorizon', 'Pending at the horizon'),
    ...extras,
    ...(groups.some((g) => g.runs.some((r) => typeof r.summary.finalTier === 'string')) ? [{ label: 'Final messaging tier (most common)', cell: finalTierCell }] : []),
    ...tiers.map((key) => ({ label: `days to reach ${key.slice('daysToTier.'.length)}`, sub: true, cell: (g: Group) => daysCell(g, key) })),
  ];
}

/**
 * The cost rows (README "Cost"): what Meta charged for delivered templates, by category, and per
 * delivered message, reached user and reply, in the rate card's currency. None for results written
 * before pricing. A ratio whose denominator was 0 in some runs is over the runs that have it.
 */
function costRows(groups: readonly Group[], keys: ReadonlySet<string>, present: (key: string) => boolean): Row[] {
  if (!keys.has('cost')) return [];
  const card = groups.flatMap((g) => g.runs).find((r) => r.summary.rateCard)?.summary.rateCard;
  const unit = card ? `${card.currency}, rate card ${card.effectiveDate}` : 'rate card';
  const ratio = (key: string, label: string): Row => ({ label, sub: true, cell: (g) => ratioCell(g, key) });
  return [
    spreadRow('cost', `Cost (${unit})`),
    ...(['marketing', 'utility', 'authentication'] as const).filter((c) => present(`costByCategory.${c}`)).map((c) => spreadRow(`costByCategory.${c}`, `${c} templates`, true)),
    ratio('costPerDelivered', 'per delivered message'),
    ratio('costPerReachedUser', 'per unique user reached'),
    ratio('costPerReply', 'per reply'),
  ];
}

/** A cost ratio: its spread over the runs that have one; "—" when no run had a denominator. */
function ratioCell(g: Group, key: string): string {
  const s = g.aggregate?.metrics[key];
  if (!s) return '<td class="na">—</td>';
  const n = s.n ?? g.runs.length;
  return cell(s, n === g.runs.length ? '' : `in ${n} of ${g.runs.length} runs`);
}

function cell(s: Spread | undefined, note = ''): string {
  if (!s) return '<td class="na">—</td>';
  const mean = `<span class="mean">${formatNumberRounded(s.mean)}</span>`;
  if (s.p5 === s.p95 && s.sd === 0) return `<td>${mean}${note ? `<br><span class="range">${note}</span>` : ''}</td>`;
  // results written before the interval existed have no ci95
  const ci = s.ci95 ? ` title="95% confidence interval of the mean: ${formatNumberRounded(s.ci95[0])} – ${formatNumberRounded(s.ci95[1])}"` : '';
  return `<td${ci}>${mean} <span class="sd">± ${formatNumberRounded(s.sd)}</span><br><span class="range">${formatNumberRounded(s.p5)} – ${formatNumberRounded(s.p95)}${note ? `<br>${note}` : ''}</span></td>`;
}

/** Risk figures per 1,000 delivered messages (summary.perThousandDelivered), in table order. */
const PER_THOUSAND: readonly [string, string][] = [
  ['blocks', 'Blocks per 1,000 delivered'],
  ['reports', 'Spam reports per 1,000 delivered'],
  ['restrictions', 'Restrictions per 1,000 delivered'],
];

/** How the paths that restricted a run are known, e.g. "estimate path: 3 · documented path: 1" (short: the cells do not wrap). */
function byBasis(runs: readonly RunResult[], kinds: ReadonlySet<string>): string {
  const counts = new Map<string, number>();
  for (const run of runs) {
    const labels = new Set((run.summary.enforcements ?? []).filter((e) => kinds.has(e.kind)).map((e) => enforcementBasis(e).label));
    for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  return [...counts].map(([l, n]) => `${escapeHtml(l)} path: ${n}`).join(' · ');
}

/**
 * "k of N" runs with `field` (summary.restricted or .banned) set, and below it which kind of path
 * did it in how many runs.
 */
function shareCell(g: Group, field: 'restricted' | 'banned', kinds: ReadonlySet<string>): string {
  const k = g.runs.filter((r) => (r.summary[field] ?? 0) > 0).length;
  const how = k > 0 ? byBasis(g.runs, kinds) : '';
  return `<td><span class="mean">${k} of ${g.runs.length}</span> runs${how ? `<br><span class="range">${how}</span>` : ''}</td>`;
}

/** The pacing verdicts, in table order. */
const VERDICTS: readonly [keyof PacingVerdicts, string][] = [
  ['released', 'verdict: feedback good, held released'],
  ['paused', 'verdict: feedback poor, template paused'],
  ['noFeedback', 'verdict: too little feedback, released'],
];

/** In how many runs a pacing verdict came at least once, and how often on average when some had it more than once. */
function verdictCell(g: Group, field: keyof PacingVerdicts): string {
  const counts = g.runs.map((r) => r.summary.pacingVerdicts?.[field] ?? 0); // results written before verdicts were counted have none
  const runs = counts.filter((c) => c > 0).length;
  const several = counts.some((c) => c > 1) ? `<br><span class="range">${formatNumberRounded(counts.reduce((a, b) => a + b, 0) / counts.length)} a run on average</span>` : '';
  return `<td><span class="mean">${runs} of ${g.runs.length}</span> runs${several}</td>`;
}

function finalTierCell(g: Group): string {
  const counts = new Map<string, number>();
  for (const r of g.runs) counts.set(String(r.summary.finalTier), (counts.get(String(r.summary.finalTier)) ?? 0) + 1);
  let best = { value: '—', count: 0 };
  for (const [value, count] of counts) if (count > best.count) best = { value, count };
  return `<td><span class="mean">${escapeHtml(best.value)}</span><br><span class="range">in ${best.count} of ${g.runs.length} runs</span></td>`;
}

function daysCell(g: Group, key: string): string {
  const s = g.aggregate?.metrics[key];
  if (!s) return '<td class="na">not reached</td>';
  const n = s.n ?? g.runs.length;
  return cell(s, n === g.runs.length ? '' : `in ${n} of ${g.runs.length} runs`);
}

/** `td` (a `<td…>` string) with class `cls` added. */
function addClass(td: string, cls: string): string {
  return /^<td class="/.test(td) ? td.replace('<td class="', `<td class="${cls} `) : td.replace('<td', `<td class="${cls}"`);
}

function table(groups: readonly Group[], variantHeader: boolean): string {
  const starts = groups.map((g, i) => i === 0 || groups[i - 1].variant !== g.variant);
  const cls = (i: number): string => (variantHeader && starts[i] && i > 0 ? ' class="vstart"' : '');
  const spans: { variant: string; count: number }[] = [];
  for (const g of groups) {
    if (spans.length && spans[spans.length - 1].variant === g.variant) spans[spans.length - 1].count++;
    else spans.push({ variant: g.variant, count: 1 });
  }
  const variantRow = variantHeader ? `<tr class="variants"><th></th>${spans.map((s, i) => `<th scope="colgroup" colspan="${s.count}"${i > 0 ? ' class="vstart"' : ''}>${escapeHtml(s.variant)}</th>`).join('')}</tr>` : '';
  const head = groups.map((g, i) => `<th scope="col"${cls(i)}>${escapeHtml(g.strategy)}<br><span class="range">${g.runs.length} seed${g.runs.length === 1 ? '' : 's'}</span></th>`).join('');
  const body = rowsFor(groups).map((r) => `<tr><th scope="row"${r.sub ? ' class="sub"' : ''}>${escapeHtml(r.label)}</th>${groups.map((g, i) => (variantHeader && starts[i] && i > 0 ? addClass(r.cell(g), 'vstart') : r.cell(g))).join('')}</tr>`);
  return `<table class="kpi"><thead>${variantRow}<tr><th scope="col">Metric (per run)</th>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/**
 * The KPI tables as HTML: one table with a column per variant × strategy when there are at most
 * MAX_KPI_COLUMNS, else a table per variant under its name.
 * Why: the numbers behind the charts, with their spread, the alternatives side by side.
 * @example kpiTables(data) // '<table class="kpi">…</table>'
 */
export function kpiTables(data: ReportData): string {
  const several = data.variants.length > 1;
  if (data.groups.length <= MAX_KPI_COLUMNS) return table(data.groups, several);
  return data.variants
    .map((v) => {
      const desc = data.results.variants.find((x) => x.name === v)?.description;
      return `<h3>${escapeHtml(v)}</h3>${desc ? `<p class="variant-desc">${escapeHtml(desc)}</p>` : ''}${table(data.groups.filter((g) => g.variant === v), false)}`;
    })
    .join('');
}
