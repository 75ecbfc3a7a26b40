/**
 * From estimates to scenario text: calibrated segments (each proportion as its Beta posterior,
 * the inbound rate as a clipped normal of its Gamma posterior, delays in the fitted form), the
 * fragment `calibrated.json` holds without `--scenario`, the base scenario with its segments
 * merged with `--scenario`, and the minimal complete scenario the hidden-rate inference runs.
 */
import { LIMITS, type Scenario, type ScenarioSegment } from '../scenario/index.js';
import { delaySpec, round, type Proportion } from './estimate.js';
import type { Observables, SegmentEstimates } from './observables.js';

/** A segment id the scenario schema accepts (`^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$`), unique in `taken`. */
export function safeId(name: string, taken: Set<string>): string {
  let id = name.replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '').slice(0, 60) || 'segment';
  const base = id;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

function beta(p: Proportion): { beta: { alpha: number; beta: number } } {
  return { beta: { alpha: round(p.alpha, 8), beta: round(p.beta, 8) } };
}

/** The calibrated properties of one segment (only those the log had evidence for). */
export function segmentProperties(s: SegmentEstimates): Partial<Record<keyof ScenarioSegment, unknown>> {
  const out: Partial<Record<keyof ScenarioSegment, unknown>> = {};
  if (s.readProbability) out.readProbability = beta(s.readProbability);
  if (s.readDelay) out.readDelay = delaySpec(s.readDelay);
  if (s.replyProbability) out.replyProbability = beta(s.replyProbability);
  if (s.replyDelay) out.replyDelay = delaySpec(s.replyDelay);
  if (s.stopProbability) out.stopProbability = beta(s.stopProbability);
  if (s.inboundPerDay) {
    const r = s.inboundPerDay;
    out.inboundPerDay = r.sd > 0 ? { normal: { mean: round(r.mean, 6), sd: round(r.sd, 6), min: 0, max: round(Math.min(100, r.mean + 6 * r.sd), 6) } } : round(r.mean, 6);
  }
  return out;
}

function fmt(p: Proportion): string {
  return `${p.k} of ${p.n}`;
}

/** One line per written number: where it came from. */
export function provenance(o: Observables, ids: readonly string[]): string[] {
  const from = new Date(o.first * 1000).toISOString();
  const to = new Date(o.last * 1000).toISOString();
  const lines = [`Calibrated by wabasim calibrate from webhooks ${from} to ${to} (${round(o.spanDays, 4)} days). Proportions are Beta posteriors (Jeffreys prior: successes + 0.5, failures + 0.5); see calibration.html for intervals and n.`];
  o.segments.forEach((s, i) => {
    const at = `/audience/segments/${i} (${ids[i]})`;
    lines.push(`${at}/size: ${s.recipients} distinct recipients seen (sent to or writing in)`);
    if (s.readProbability) lines.push(`${at}/readProbability: read statuses of template messages not replied to, ${fmt(s.readProbability)}; the last ${round(s.censoredReadHours, 3)} h of deliveries left out (reads still to come)`);
    if (s.readDelay) lines.push(`${at}/readDelay: ${s.readDelay.best} fitted by maximum likelihood to ${s.readDelay.n} read − delivered delays`);
    if (s.replyProbability) lines.push(`${at}/replyProbability: replies (inbound with context.id) to delivered template messages, ${fmt(s.replyProbability)}; the last ${round(s.censoredReplyHours, 3)} h left out`);
    if (s.replyDelay) lines.push(`${at}/replyDelay: ${s.replyDelay.best} fitted to ${s.replyDelay.n} reply − read delays`);
    if (s.stopProbability) lines.push(`${at}/stopProbability: STOP/unsubscribe replies to delivered marketing templates not replied to otherwise, ${fmt(s.stopProbability)}`);
    if (s.inboundPerDay) lines.push(`${at}/inboundPerDay: ${s.inboundPerDay.n} spontaneous inbound messages over ${round(s.inboundPerDay.exposure, 6)} recipient-days (normal of the Gamma posterior, clipped at 0)`);
  });
  lines.push('Not calibrated here (no webhook shows them): blockProbability, reportProbability, blockReasons, fatigue, brandRecognition, optIn — see the hidden-rate section of calibration.html.');
  return lines;
}

/** The calibrated segments, with ids safe for the schema. */
export function calibratedSegments(o: Observables): Record<string, unknown>[] {
  const taken = new Set<string>();
  return o.segments.map((s) => ({ id: safeId(s.segment, taken), size: Math.min(LIMITS.maxRecipients, Math.max(1, s.recipients)), ...segmentProperties(s) }));
}

/** `calibrated.json` without `--scenario`: `{"$comment": […], "audience": {"segments": […]}}`. */
export function fragment(o: Observables): object {
  const segments = calibratedSegments(o);
  return { $comment: provenance(o, segments.map((s) => String(s.id))), audience: { segments } };
}

/**
 * The base scenario with calibrated segments merged: a segment of the same id gets the
 * calibrated properties (its other properties, size included, kept); with one segment on each
 * side and no id in common, the base's segment takes them; other calibrated segments are added.
 * The provenance goes into each merged segment's `description` (a scenario has no `$comment`).
 */
export function mergeIntoBase(base: Scenario, o: Observables): Scenario {
  const calibrated = calibratedSegments(o);
  const ids = calibrated.map((s) => String(s.id));
  const notes = provenance(o, ids);
  const segments = base.audience.segments.map((s) => ({ ...s })) as Record<string, unknown>[];
  const single = segments.length === 1 && calibrated.length === 1 && segments[0].id !== calibrated[0].id;
  calibrated.forEach((c, i) => {
    const target = single ? segments[0] : segments.find((s) => s.id === c.id);
    const { id: _id, size, ...props } = c;
    const note = `Calibrated by wabasim calibrate: ${notes.filter((l) => l.includes(`(${ids[i]})`) && !l.includes('/size:')).map((l) => l.replace(/^\/audience\/segments\/\d+ \([^)]*\)\//, '')).join('; ')}`.slice(0, 10_000);
    if (target) Object.assign(target, props, { description: note });
    else segments.push({ id: c.id, size, ...props, description: note });
  });
  const description = [base.description, notes[0]].filter(Boolean).join(' ').slice(0, 10_000);
  return { ...base, description, audience: { ...base.audience, segments } } as Scenario;
}

/**
 * A minimal complete scenario standing for the team's sending: the numbers seen (cloud-api), one
 * template per template seen (its pricing category; marketing when unknown), the calibrated
 * segments, a campaign per segment with its most-delivered template, the log's span as horizon
 * and its first hour as start.
 */
export function minimalScenario(o: Observables, numbers: number, templates: readonly { name: string; category: string; delivered: number; segment: string }[]): Scenario {
  const segments = calibratedSegments(o);
  const taken = new Set<string>();
  const templateIds = new Map<string, string>();
  const templateList: Record<string, unknown>[] = [];
  for (const t of templates) {
    if (templateIds.has(t.name)) continue;
    const id = safeId(t.name.replace(/^category:/, ''), taken);
    templateIds.set(t.name, id);
    templateList.push({ id, category: ['marketing', 'utility', 'authentication'].includes(t.category) ? t.category : 'marketing' });
  }
  if (templateList.length === 0) templateList.push({ id: 'template', category: 'marketing' });
  const campaigns = segments.map((seg, i) => {
    const own = templates.filter((t) => t.segment === o.segments[i].segment).sort((a, b) => b.delivered - a.delivered)[0];
    return { id: `campaign-${seg.id}`.slice(0, 64), template: own ? templateIds.get(own.name) : templateList[0].id, segment: seg.id, startHour: 0 };
  });
  const start = new Date(Math.floor(o.first / 3_600) * 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    name: 'calibrated',
    description: `A scenario standing for the sending in the calibrated log (wabasim calibrate). ${provenance(o, segments.map((s) => String(s.id)))[0]}`.slice(0, 10_000),
    policy: 'meta-2025-10',
    horizonDays: Math.min(LIMITS.maxHorizonDays, Math.max(0.01, Math.ceil(o.spanDays * 100) / 100)), // a longer log: its first year
    start,
    seeds: 1,
    seed: 1,
    portfolio: { numbers: Array.from({ length: Math.max(1, numbers) }, (_, i) => ({ id: `number-${i + 1}`, channel: 'cloud-api' })) },
    templates: templateList,
    audience: { segments },
    campaigns,
    strategies: ['blast'],
  } as unknown as Scenario;
}
