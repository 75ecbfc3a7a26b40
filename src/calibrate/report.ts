/**
 * calibration.html: one self-contained page (inline CSS and SVG, no script, nothing fetched),
 * rendered with the report's vega pipeline (src/report/render-svg.ts): what was read, a table of
 * every parameter with its 95% interval and n, per segment the observed delay histograms against
 * the fitted forms and each proportion's posterior, and the hidden parameters' posterior bands
 * (or "not inferred"). Phone numbers never reach it: the reader keeps only hashes, and the page
 * shows counts.
 */
import type { TopLevelSpec } from 'vega-lite';
import jStat from 'jstat';
import { escapeHtml } from '../report/format.js';
import { REPORT_CSS } from '../report/html/style.js';
import { renderSvg } from '../report/render-svg.js';
import { CHART_WIDTH } from '../report/spec.js';
import { VERSION } from '../version.js';
import { HISTOGRAM_BINS, HISTOGRAM_BINS_PER_DECADE } from './accumulate.js';
import { delayCdf, round, type DelayFit, type Proportion, type Rate } from './estimate.js';
import type { HiddenPosterior } from './hidden-types.js';
import type { Calibration } from './index.js';
import type { ScopeEstimates, SegmentEstimates } from './observables.js';

const CONFIG = { font: 'Helvetica', axis: { labelFontSize: 12, titleFontSize: 12 }, legend: { labelFontSize: 12, titleFontSize: 12 }, view: { stroke: null } } as const;

function num(x: number): string {
  if (!Number.isFinite(x)) return '—';
  return Math.abs(x) >= 100 ? Math.round(x).toLocaleString('en-US') : String(round(x, 3));
}

function seconds(x: number): string {
  if (x < 120) return `${num(x)} s`;
  if (x < 7_200) return `${num(x / 60)} min`;
  if (x < 172_800) return `${num(x / 3_600)} h`;
  return `${num(x / 86_400)} d`;
}

interface Row {
  readonly scope: string;
  readonly parameter: string;
  readonly estimate: string;
  readonly interval: string;
  readonly n: string;
  readonly written: string;
}

function proportionRow(scope: string, name: string, p: Proportion | undefined, written: boolean): Row[] {
  if (!p) return [];
  return [{ scope, parameter: name, estimate: num(p.mean), interval: `${num(p.lo95)} – ${num(p.hi95)}`, n: `${p.k} of ${p.n}`, written: written ? `{"beta":{"alpha":${round(p.alpha, 8)},"beta":${round(p.beta, 8)}}}` : 'report only' }];
}

function delayRows(scope: string, name: string, f: DelayFit | undefined, written: boolean): Row[] {
  if (!f) return [];
  const w = written ? 'written' : 'report only';
  const e = f.exponential;
  const l = f.lognormal;
  return [
    { scope, parameter: `${name}: exponential mean${f.best === 'exponential' ? ' (best, AIC)' : ''}`, estimate: seconds(e.mean), interval: `${seconds(e.lo95)} – ${seconds(e.hi95)}`, n: String(f.n), written: f.best === 'exponential' ? w : '—' },
    { scope, parameter: `${name}: log-normal median${f.best === 'lognormal' ? ' (best, AIC)' : ''}`, estimate: seconds(l.median), interval: `${seconds(l.medianLo95)} – ${seconds(l.medianHi95)}`, n: String(f.n), written: f.best === 'lognormal' ? w : '—' },
    { scope, parameter: `${name}: log-normal sigma`, estimate: num(l.sigma), interval: `${num(l.sigmaLo95)} – ${num(l.sigmaHi95)}`, n: String(f.n), written: f.best === 'lognormal' ? w : '—' },
  ];
}

function rateRow(scope: string, r: Rate | undefined): Row[] {
  if (!r) return [];
  return [{ scope, parameter: 'inboundPerDay (per recipient)', estimate: num(r.mean), interval: `${num(r.lo95)} – ${num(r.hi95)}`, n: `${r.n} messages / ${num(r.exposure)} recipient-days`, written: `{"normal":{"mean":${round(r.mean, 6)},"sd":${round(r.sd, 6)},…}}` }];
}

function scopeRows(s: ScopeEstimates, written: boolean): Row[] {
  const scope = s.template === undefined ? `segment ${s.segment}` : `segment ${s.segment}, template ${s.template.replace(/^category:/, 'category ')}`;
  return [
    ...proportionRow(scope, 'readProbability', s.readProbability, written),
    ...proportionRow(scope, 'replyProbability', s.replyProbability, written),
    ...proportionRow(scope, 'stopProbability', s.stopProbability, written),
    ...delayRows(scope, 'readDelay', s.readDelay, written),
    ...delayRows(scope, 'replyDelay', s.replyDelay, written),
    ...delayRows(scope, 'delivery delay (sent → delivered)', s.deliveryDelay, false),
    ...s.errors.map((e) => ({ scope, parameter: `error ${e.code} (${e.source === 'status' ? 'failed status' : 'API response'}) share`, estimate: num(e.share.mean), interval: `${num(e.share.lo95)} – ${num(e.share.hi95)}`, n: `${e.share.k} of ${e.share.n}`, written: 'report only' })),
  ];
}

function table(rows: readonly Row[]): string {
  const body = rows.map((r) => `<tr><td>${escapeHtml(r.scope)}</td><td>${escapeHtml(r.parameter)}</td><td class="num">${escapeHtml(r.estimate)}</td><td class="num">${escapeHtml(r.interval)}</td><td class="num n">${escapeHtml(r.n)}</td><td><code>${escapeHtml(r.written)}</code></td></tr>`).join('\n');
  return `<table class="params"><thead><tr><th>Scope</th><th>Parameter</th><th>Estimate</th><th>95% interval</th><th>n</th><th>Written as</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** Observed histogram (share of delays per log bin) against the fitted forms' probability per bin. */
export function delaySpec(title: string, hist: readonly number[], fit: DelayFit): TopLevelSpec {
  const total = hist.reduce((s, x) => s + x, 0);
  const edge = (i: number): number => 10 ** (i / HISTOGRAM_BINS_PER_DECADE);
  const rows: { seconds: number; lo: number; hi: number; share: number; series: string }[] = [];
  let lo = HISTOGRAM_BINS;
  let hi = 0;
  hist.forEach((x, i) => {
    if (x > 0) {
      lo = Math.min(lo, i);
      hi = Math.max(hi, i);
    }
  });
  lo = Math.max(0, lo - 2);
  hi = Math.min(HISTOGRAM_BINS - 1, hi + 2);
  for (let i = lo; i <= hi; i++) {
    const mid = Math.sqrt(edge(i) * edge(i + 1));
    const a = i === 0 ? 0 : edge(i);
    const b = i === HISTOGRAM_BINS - 1 ? Infinity : edge(i + 1);
    rows.push({ seconds: mid, lo: edge(i), hi: edge(i + 1), share: total > 0 ? hist[i] / total : 0, series: 'observed' });
    for (const form of ['exponential', 'lognormal'] as const) {
      const p = (b === Infinity ? 1 : delayCdf(fit, form, b)) - delayCdf(fit, form, a);
      rows.push({ seconds: mid, lo: edge(i), hi: edge(i + 1), share: p, series: `fitted ${form}${fit.best === form ? ' (written)' : ''}` });
    }
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CONFIG,
    title,
    width: 380,
    height: 200,
    data: { values: rows },
    layer: [
      { mark: { type: 'rect', opacity: 0.5, color: '#8fa3b8' }, transform: [{ filter: "datum.series === 'observed'" }], encoding: { x: { field: 'lo', type: 'quantitative', scale: { type: 'log' }, title: 'delay (seconds, log scale)' }, x2: { field: 'hi' }, y: { field: 'share', type: 'quantitative', title: 'share of delays per bin' } } },
      { mark: { type: 'line', point: true }, transform: [{ filter: "datum.series !== 'observed'" }], encoding: { x: { field: 'seconds', type: 'quantitative', scale: { type: 'log' } }, y: { field: 'share', type: 'quantitative' }, color: { field: 'series', type: 'nominal', title: null, legend: { orient: 'bottom' } } } },
    ],
  } as TopLevelSpec;
}

/** Each proportion's Beta posterior density, one panel each (independent scales). */
export function posteriorSpec(title: string, props: readonly { name: string; p: Proportion }[]): TopLevelSpec {
  const rows: { parameter: string; value: number; density: number }[] = [];
  for (const { name, p } of props) {
    const lo = Math.max(0, jStat.beta.inv(0.0005, p.alpha, p.beta));
    const hi = Math.min(1, jStat.beta.inv(0.9995, p.alpha, p.beta));
    for (let i = 0; i <= 80; i++) {
      const x = lo + ((hi - lo) * i) / 80;
      rows.push({ parameter: name, value: x, density: betaPdf(x, p.alpha, p.beta) });
    }
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CONFIG,
    title,
    data: { values: rows },
    facet: { column: { field: 'parameter', type: 'nominal', title: null } },
    spec: { width: 240, height: 140, mark: { type: 'area', opacity: 0.6, line: true }, encoding: { x: { field: 'value', type: 'quantitative', title: 'probability', scale: { zero: false } }, y: { field: 'density', type: 'quantitative', title: 'posterior density' } } },
    resolve: { scale: { x: 'independent', y: 'independent' } },
  } as TopLevelSpec;
}

function betaPdf(x: number, a: number, b: number): number {
  if (x <= 0 || x >= 1) return 0;
  const lnB = lnGamma(a) + lnGamma(b) - lnGamma(a + b);
  return Math.exp((a - 1) * Math.log(x) + (b - 1) * Math.log(1 - x) - lnB);
}

function lnGamma(z: number): number {
  // Lanczos approximation (g = 7, n = 9)
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - lnGamma(1 - z);
  const zz = z - 1;
  let x = c[0];
  for (let i = 1; i < 9; i++) x += c[i] / (zz + i);
  const t = zz + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (zz + 0.5) * Math.log(t) - t + Math.log(x);
}

/**
 * The hidden parameters' posterior bands over their prior ranges: one row per parameter, each on
 * its prior's own scale (a block rate's range spans decades: log), so no band is a sliver beside
 * another parameter's.
 */
export function hiddenSpec(h: HiddenPosterior): TopLevelSpec {
  const row = (p: HiddenPosterior['parameters'][number]): object => {
    const label = `${p.name}${p.identified ? '' : ' (not identified)'}`;
    const log = p.prior.scale === 'log' && p.prior.min > 0;
    // a log axis labelled at 1, 2 and 5 of each decade (vega's own ticks crowded a decade's 3 and 4 together)
    const axis = log ? { axis: { values: logTicks(p.prior.min, p.prior.max), format: '~g' } } : {};
    const x = { type: 'quantitative', scale: { type: log ? 'log' : 'linear', domain: [p.prior.min, p.prior.max] }, title: `${label}${log ? ' (log scale)' : ''}`, ...axis };
    return {
      width: 700,
      height: 28,
      data: { values: [{ lo: p.prior.min, hi: p.prior.max, plo: p.lo95, phi: p.hi95, mid: p.median }] },
      layer: [
        { mark: { type: 'rule', strokeWidth: 12, opacity: 0.25 }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' } } },
        { mark: { type: 'rule', strokeWidth: 12, color: '#0b6e4f' }, encoding: { x: { field: 'plo', ...x }, x2: { field: 'phi' } } },
        { mark: { type: 'tick', color: 'black', thickness: 2, size: 20, orient: 'vertical' }, encoding: { x: { field: 'mid', ...x } } },
      ],
    };
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    config: CONFIG,
    title: 'Hidden parameters: 95% posterior band (dark) within the prior range (light), median marked',
    vconcat: h.parameters.map(row),
    resolve: { scale: { x: 'independent' } },
  } as TopLevelSpec;
}

/** 1, 2 and 5 times each power of ten within [min, max]. */
function logTicks(min: number, max: number): number[] {
  const ticks: number[] = [];
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
    for (const m of [1, 2, 5]) {
      const v = Number((m * 10 ** e).toPrecision(1));
      if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

async function figure(spec: TopLevelSpec, id: string, caption: string): Promise<string> {
  const { svg } = await renderSvg(spec, id, CHART_WIDTH);
  return `<figure id="${id}">${svg}<figcaption>${escapeHtml(caption)}</figcaption></figure>`;
}

async function segmentSection(s: SegmentEstimates, i: number): Promise<string> {
  const parts: string[] = [];
  const delays: [string, readonly number[], DelayFit | undefined][] = [
    ['read delay (read − delivered)', s.histograms.read, s.readDelay],
    ['reply delay (reply − read)', s.histograms.reply, s.replyDelay],
    ['delivery delay (delivered − sent)', s.histograms.delivery, s.deliveryDelay],
  ];
  for (const [j, [name, hist, fit]] of delays.entries()) {
    if (!fit) continue;
    parts.push(await figure(delaySpec(`Segment ${s.segment}: ${name}`, hist, fit), `cal-${i}-delay-${j}`, `Observed ${name} (bars, ${fit.n} delays) against the exponential and log-normal fitted by maximum likelihood; the written form has the lower AIC.`));
  }
  const props = (['readProbability', 'replyProbability', 'stopProbability'] as const).flatMap((name) => (s[name] ? [{ name, p: s[name] as Proportion }] : []));
  if (props.length) parts.push(await figure(posteriorSpec(`Segment ${s.segment}: posteriors of the proportions`, props), `cal-${i}-post`, 'Beta posteriors (Jeffreys prior); each panel has its own scale. A run of the calibrated scenario draws each value once per run from these.'));
  return `<section><h3>Segment ${escapeHtml(s.segment)} — ${s.recipients.toLocaleString('en-US')} recipients, ${s.delivered.toLocaleString('en-US')} template messages delivered</h3>${parts.join('\n')}</section>`;
}

async function hiddenSection(c: Calibration): Promise<string> {
  const ev = c.evidence;
  const evidence = `<p>What the webhooks show of the hidden rates: ${ev.delivered.toLocaleString('en-US')} template messages delivered to ${ev.recipients.toLocaleString('en-US')} recipients, ${ev.undeliverable} failed with 131026 (of ${ev.failed} failed), ${ev.qualityDowngrades} quality downgrade${ev.qualityDowngrades === 1 ? '' : 's'} (worst rating ${ev.worstRating}), ${ev.templatePauses} template pause${ev.templatePauses === 1 ? '' : 's'}, ${ev.templateQualityDrops} template quality drop${ev.templateQualityDrops === 1 ? '' : 's'}, ${ev.restrictions} restriction${ev.restrictions === 1 ? '' : 's'}.</p>`;
  if (!c.hidden) {
    const why = c.hiddenError ? `the inference failed: ${escapeHtml(c.hiddenError)}` : 'no inference was run';
    return `<section id="hidden"><h2>Hidden parameters (blocks, reports)</h2>${evidence}<p class="skipped"><strong>Not inferred</strong> (${why}). blockProbability and reportProbability keep the base scenario's values, or the defaults.</p></section>`;
  }
  const h = c.hidden;
  const rows = h.parameters.map((p) => `<tr><td>${escapeHtml(p.name)}</td><td class="num">${num(p.median)}</td><td class="num">${num(p.lo95)} – ${num(p.hi95)}</td><td class="num">${num(p.prior.min)} – ${num(p.prior.max)} (${p.prior.scale})</td><td>${p.identified ? 'yes' : '<strong>no</strong>'}</td><td>${escapeHtml(p.why)}</td></tr>`).join('\n');
  const summaries = h.summaries.map((s) => `<tr><td>${escapeHtml(s.name)}</td><td class="num">${num(s.observed)}</td><td class="num">${s.simulated.length ? `${num(Math.min(...s.simulated))} – ${num(Math.max(...s.simulated))}` : '—'}</td></tr>`).join('\n');
  const chart = h.parameters.length ? await figure(hiddenSpec(h), 'cal-hidden', `${h.method}: ${h.accepted} of ${h.simulations} simulations accepted.`) : '';
  return `<section id="hidden"><h2>Hidden parameters (blocks, reports)</h2>${evidence}${chart}
<table class="params"><thead><tr><th>Parameter</th><th>Median</th><th>95% credible interval</th><th>Prior range</th><th>Identified</th><th>What the data said</th></tr></thead><tbody>${rows}</tbody></table>
<h3>Summaries compared</h3><table class="params"><thead><tr><th>Summary</th><th>Observed</th><th>Accepted simulations (range)</th></tr></thead><tbody>${summaries}</tbody></table></section>`;
}

const CSS = `${REPORT_CSS}
table.params { border-collapse: collapse; width: 100%; font-size: 13px; margin: 8px 0 20px; }
table.params th, table.params td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
table.params td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.params td.n { white-space: normal; }
figure { margin: 16px 0; } figure svg { max-width: 100%; height: auto; }
`;

/**
 * The calibration report page.
 * @example const html = await renderCalibration(await calibrate({ logs: ['log.jsonl'] }))
 */
export async function renderCalibration(c: Calibration): Promise<string> {
  const s = c.summary;
  const o = c.observables;
  const rows = o.segments.flatMap((seg) => [...scopeRows(seg, true), ...rateRow(`segment ${seg.segment}`, seg.inboundPerDay), ...seg.templates.flatMap((t) => scopeRows(t, false))]);
  const malformed = s.firstMalformed.length ? `<ul>${s.firstMalformed.map((m) => `<li>${escapeHtml(m.file)}:${m.line}: ${escapeHtml(m.why)}</li>`).join('')}</ul>` : '';
  const facts: [string, string][] = [
    ['Files', s.files.map((f) => escapeHtml(f)).join(', ')],
    ['Lines', `${s.lines.toLocaleString('en-US')} (${s.payloads.toLocaleString('en-US')} webhook payloads, ${s.hiddenSkipped.toLocaleString('en-US')} simulator-only lines skipped, ${s.malformed} malformed, ${s.blank} blank)`],
    ['Send log', s.sends ? `${s.sends.toLocaleString('en-US')} sends (${s.sendsMalformed} malformed)` : 'none (templates are known by pricing category only)'],
    ['Span', `${new Date(o.first * 1000).toISOString()} to ${new Date(o.last * 1000).toISOString()} (${num(o.spanDays)} days)`],
    ['Not attributed', `${c.unused.orphanStatuses} statuses of messages not in flight, ${c.unused.orphanReplies} replies to unknown messages, ${c.unused.duplicates} duplicates`],
    ['Written', c.complete ? 'calibrated.json: the base scenario with the calibrated segments merged' : 'calibrated.json: a fragment ({"audience": {"segments": […]}}) to merge into a scenario'],
  ];
  const sections: string[] = [];
  for (const [i, seg] of o.segments.entries()) sections.push(await segmentSection(seg, i));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>wabasim calibration</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<p class="kicker">wabasim ${escapeHtml(VERSION)} calibration</p>
<h1>Calibration from webhook logs</h1>
<p>Each observable audience parameter with its 95% interval and the number of observations behind it. Proportions are Beta posteriors (Jeffreys prior) written as <code>{"beta":…}</code>, so a run draws them with their uncertainty; delays are the maximum-likelihood exponential or log-normal, whichever has the lower AIC. Phone numbers were hashed on reading and appear nowhere here.</p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>
${malformed ? `<p>First malformed lines (skipped):</p>${malformed}` : ''}
</header>
<section id="parameters"><h2>Parameters</h2>${table(rows)}</section>
<section id="charts"><h2>Observed and fitted</h2>${sections.join('\n')}</section>
${await hiddenSection(c)}
<footer>Generated by wabasim ${escapeHtml(VERSION)} calibrate. Estimators and their definitions: README "Calibrating from your logs".</footer>
</main>
</body>
</html>
`;
}
