/**
 * "Sensitivity to the estimates": the report section drawn from sensitivity.json when it sits
 * beside the results — per variant the verdict's robustness (the share of draws it survives and
 * what flips it), what moves each headline outcome most, the tornado charts, and the plausible
 * ranges with their sources.
 */
import { formatNumberRounded } from '../../format/index.js';
import type { FlipDriver, SensitivityResults, VariantSensitivity } from '../../sensitivity/types.js';
import { robustnessLine, topParameters } from '../../sensitivity/words.js';
import { outcomeWords } from '../charts/tornado.js';
import { escapeHtml } from '../format.js';

/** A rendered tornado, or why it was left out. */
export type TornadoFigure = { readonly kind: 'chart'; readonly outcome: string; readonly svg: string; readonly caption: string } | { readonly kind: 'skipped'; readonly outcome: string; readonly reason: string };

const pct = (k: number, n: number): string => (n ? `${Math.round((100 * k) / n)}%` : '—');
const num = (x: number): string => escapeHtml(formatNumberRounded(x));
const right = ' style="text-align:right"';

function driversTable(drivers: readonly FlipDriver[]): string {
  if (drivers.length === 0) return '';
  const rows = drivers.map((d) => {
    const [lo, mid, hi] = d.thirds;
    return `<tr><td><code>${escapeHtml(d.path)}</code></td><td${right}>${d.pairFlips} of ${d.pairs}</td><td${right}>${pct(lo.flips, lo.draws)} <span class="range">of ${lo.draws}</span></td><td${right}>${pct(mid.flips, mid.draws)} <span class="range">of ${mid.draws}</span></td><td${right}>${pct(hi.flips, hi.draws)} <span class="range">of ${hi.draws}</span></td></tr>`;
  });
  return `<table><thead><tr><th>Parameter</th><th${right}>Flips it alone</th><th${right}>Lost in low third</th><th${right}>middle third</th><th${right}>high third</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function outcomesTable(s: SensitivityResults, v: VariantSensitivity): string {
  const rows = s.outcomes.map((o) => {
    const top = topParameters(s, v.name, o, 3);
    const sums = v.strategies.map((st) => st.outcomes[o]).filter((x) => x && x.sd > 0).map((x) => x!.firstOrderSum);
    const share = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 100); // an estimate may stray past 0 or 1
    const explained = sums.length ? `${share(Math.min(...sums))}–${share(Math.max(...sums))}%` : '—';
    const spread = v.strategies.map((st) => `${escapeHtml(st.strategy)} ${num(st.outcomes[o]?.base ?? 0)}${st.outcomes[o]?.sd ? ` <span class="range">(sd ${num(st.outcomes[o]!.sd)})</span>` : ''}`).join('; ');
    return `<tr><td>${escapeHtml(outcomeWords(o))}</td><td>${top.length ? top.map((p) => `<code>${escapeHtml(p)}</code>`).join(', ') : '<span class="range">does not vary</span>'}</td><td${right}>${explained}</td><td>${spread}</td></tr>`;
  });
  return `<table><thead><tr><th>Outcome</th><th>Parameters that move it most</th><th${right}>Main effects explain</th><th>At the profile's values (spread over the draws)</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function rangesTable(s: SensitivityResults): string {
  const rows = s.parameters.map((p) =>
    p.ranges.map((r) => `<tr><td><code>${escapeHtml(p.path)}</code>${s.variants.length > 1 && p.ranges.length > 1 ? ` <span class="range">${escapeHtml(r.policy)}</span>` : ''}</td><td>${escapeHtml(r.label)}</td><td${right}>${escapeHtml(String(r.value))}</td><td${right}>${escapeHtml(String(r.low))} – ${escapeHtml(String(r.high))} <span class="unit">${escapeHtml(p.unit)}</span></td><td class="source">${escapeHtml(r.source)}${p.heldBy.length ? ` (held by the overrides of ${p.heldBy.map(escapeHtml).join(', ')})` : ''}</td></tr>`).join(''),
  );
  const notVaried = s.notVaried.map((n) => `<li><code>${escapeHtml(n.path)}</code> (${escapeHtml(n.label)}): ${escapeHtml(n.reason)}</li>`).join('');
  return `<details><summary>The ${s.parameters.length} plausible ranges and their sources${s.notVaried.length ? `; the ${s.notVaried.length} estimated or reported parameters not varied` : ''}</summary><table class="params"><thead><tr><th>Parameter</th><th>Label</th><th${right}>Value</th><th${right}>Plausible range</th><th>Source of the range</th></tr></thead><tbody>${rows.join('')}</tbody></table>${notVaried ? `<ul>${notVaried}</ul>` : ''}</details>`;
}

/**
 * The section's HTML for `s`, with its rendered tornado figures.
 * @example sensitivitySection(s, figures) // '<section id="sensitivity">…</section>'
 */
export function sensitivitySection(s: SensitivityResults, figures: readonly TornadoFigure[]): string {
  const st = s.settings;
  const k = s.parameters.length;
  const intro = `<p>How much the headline outcomes and the recommendation depend on the ${k} estimated or reported parameters, each varied over its plausible range (below, with the source of each range). ${st.points} draws from those ranges were run for every variant and strategy on ${st.seedsPerDraw} seed${st.seedsPerDraw === 1 ? '' : 's'} each (the base run's seeds in turn; every strategy of a draw on the same seed), ${formatNumberRounded(st.runs)} runs in all: ${st.trajectories} screening trajector${st.trajectories === 1 ? 'y' : 'ies'} that move one parameter at a time (Morris elementary effects: which parameters matter) and ${st.samples} Latin-hypercube draws that move all at once (first-order variance shares and the tornado means). Recommendations follow the objective: ${escapeHtml(s.objective)}.${st.only.length ? ` Only ${st.only.map((o) => `<code>${escapeHtml(o)}</code>`).join(', ')} were varied.` : ''}</p>`;
  const variants = s.variants.map((v) => {
    const line = robustnessLine(s, v.name);
    const instead = v.robustness.instead.length ? `<p>Instead: ${v.robustness.instead.map((i) => `${escapeHtml(i.strategy === 'none' ? 'no strategy within the risk limits' : i.strategy)} in ${i.draws} draw${i.draws === 1 ? '' : 's'}`).join(', ')}.</p>` : '';
    const drivers = v.robustness.drivers.length ? `<p>What flips it: “alone” counts the one-at-a-time changes of the parameter that changed the recommendation; the thirds give the share of all draws, with the parameter in that third of its range, that recommend something else.</p>${driversTable(v.robustness.drivers)}` : '';
    return `<h3>${escapeHtml(v.name)}</h3><aside class="note"><p><strong>${escapeHtml(line ?? 'No draws.')}</strong></p>${instead}</aside>${drivers}${outcomesTable(s, v)}`;
  });
  const charts = figures.map((f) => (f.kind === 'chart' ? `<figure id="tornado-${escapeHtml(f.outcome.replace(/[^A-Za-z0-9_-]/g, '-'))}">${f.svg}<figcaption>${escapeHtml(f.caption)}</figcaption></figure>` : `<p class="skipped">Not charted: ${escapeHtml(f.reason)}.</p>`));
  const absent = s.absentOutcomes.length ? `<p class="skipped">Not analysed (never happened in any run): ${s.absentOutcomes.map((o) => escapeHtml(outcomeWords(o))).join(', ')}.</p>` : '';
  return `<section id="sensitivity"><h2>Sensitivity to the estimates</h2>${intro}${variants.join('\n')}${charts.join('\n')}${absent}${rangesTable(s)}</section>`;
}
