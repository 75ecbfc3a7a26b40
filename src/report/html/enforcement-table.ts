/**
 * The enforcement table: for each variant × strategy, every action Meta took against a number
 * (disconnect, review, soft ban, permanent ban, account restriction) with why, in how many runs,
 * when it first came, and — for trust-score actions — which of the four layers drove it (their
 * mean contribution at the moment of the action, MODEL.md §6).
 */
import { median } from 'simple-statistics';
import type { RunResult } from '../../run/results.js';
import { escapeHtml, formatNumber } from '../format.js';
import type { Group, ReportData } from '../report-data.js';

/** What each enforcement kind means to the sender. */
const KIND_LABELS: Readonly<Record<string, string>> = {
  disconnect: 'API disconnected',
  review: '48-hour review (no sends)',
  'soft-ban': 'soft ban (countdown)',
  'permanent-ban': 'permanent ban',
  'account-restriction': 'account restriction',
};

/** Why, in words (reasons come from the model: src/model/restrictions.ts, coexistence.ts, trust-score.ts). */
const REASON_LABELS: Readonly<Record<string, string>> = {
  TRUST_SCORE: 'trust score over the restriction threshold, with enough layers contributing',
  BLOCK_CASCADE: 'quality RED without improvement for trust.redDaysToRestrict days (block cascade)',
  COEXISTENCE_APP_NOT_OPENED: 'the WhatsApp Business app was not opened for coexistence.appOpenIntervalDays days',
  AI_POLICY: 'flagged as a general-purpose AI chatbot after the warning',
  NEW_CARD_OTHER_REGION: 'account metadata change: a new card from another region',
  IP_LINKED_TO_BANS: 'account metadata change: an IP linked to earlier bans',
  NEW_DEVICE: 'account metadata change: a new device',
};

/** The four trust layers in words (seed 003). */
const LAYER_LABELS: Readonly<Record<string, string>> = {
  registration: 'registration',
  behaviour: 'behaviour',
  blockCascade: 'block cascade',
  content: 'content pattern',
};

/** One action (kind and reason) of one variant × strategy, gathered over its runs. */
interface Row {
  readonly kind: string;
  readonly reason: string;
  /** Runs with this action at least once. */
  runs: number;
  /** Day of the first such action, per run that had it. */
  readonly firstDays: number[];
  /** Layer contributions at every such action, for the mean. */
  readonly layers: Readonly<Record<string, number>>[];
}

function rowsOf(runs: readonly RunResult[]): Row[] {
  const rows = new Map<string, Row>();
  for (const run of runs) {
    const seen = new Set<string>();
    for (const e of run.summary.enforcements ?? []) {
      const key = `${e.kind}\u0000${e.reason}`;
      const row = rows.get(key) ?? { kind: e.kind, reason: e.reason, runs: 0, firstDays: [], layers: [] };
      rows.set(key, row);
      if (e.layers) row.layers.push(e.layers);
      if (seen.has(key)) continue;
      seen.add(key);
      row.runs++;
      row.firstDays.push(e.startDay);
    }
  }
  return [...rows.values()];
}

/** "behaviour 1.6 · block cascade 0.45": the layers' mean contributions, largest first, zeros left out. */
function layerText(layers: readonly Readonly<Record<string, number>>[]): string {
  if (layers.length === 0) return '';
  const names = Object.keys(LAYER_LABELS);
  const mean = names.map((name) => [name, layers.reduce((s, l) => s + (l[name] ?? 0), 0) / layers.length] as const).filter(([, v]) => v > 0);
  mean.sort((a, b) => b[1] - a[1]);
  return mean.map(([name, v], i) => (i === 0 ? `<strong>${escapeHtml(LAYER_LABELS[name])} ${formatNumber(v)}</strong>` : `${escapeHtml(LAYER_LABELS[name])} ${formatNumber(v)}`)).join(' · ');
}

function groupRows(g: Group, several: boolean): string[] {
  return rowsOf(g.runs).map((r) => {
    const first = r.firstDays.length > 1 ? `day ${formatNumber(median(r.firstDays))}<br><span class="range">${formatNumber(Math.min(...r.firstDays))} – ${formatNumber(Math.max(...r.firstDays))}</span>` : `day ${formatNumber(r.firstDays[0])}`;
    const why = escapeHtml(REASON_LABELS[r.reason] ?? r.reason);
    const driven = layerText(r.layers);
    return `<tr>${several ? `<td>${escapeHtml(g.variant)}</td>` : ''}<td>${escapeHtml(g.strategy)}</td><td>${escapeHtml(KIND_LABELS[r.kind] ?? r.kind)}</td><td>${why}${driven ? `<br><span class="range">layers: ${driven}</span>` : ''}</td><td class="num"><strong>${r.runs}</strong> of ${g.runs.length}</td><td class="num">${first}</td></tr>`;
  });
}

/**
 * The enforcement section as HTML, or '' when no run had any enforcement.
 * Why: a sender must see not only that a number was restricted but why, and what drove it.
 * @example enforcementSection(data) // '<section id="enforcement">…'
 */
export function enforcementSection(data: ReportData): string {
  const several = data.variants.length > 1;
  const rows = data.groups.flatMap((g) => groupRows(g, several));
  if (rows.length === 0) return '';
  const head = `<tr>${several ? '<th>Variant</th>' : ''}<th>Strategy</th><th>Action</th><th>Why</th><th class="num">Runs</th><th class="num">First at (median, range)</th></tr>`;
  return `<section id="enforcement"><h2>Enforcement: when and why</h2><p>Every action taken against a phone number, in how many runs it happened and when it first came. For trust-score actions, the layers of the (estimated) trust score at that moment, the largest in bold: registration (IP country, VoIP, shared IPs), behaviour (reply ratio, velocity, volume on a young number, sending around the clock, mechanical intervals, retry loops, the unanswered counter), block cascade (blocks per 1,000 delivered) and content pattern (identical messages, same link or media). The event log (<code>wabasim events</code>) has each action with its exact time and layers.</p><table class="enforcement"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table></section>`;
}
