/**
 * Semantic checks that a JSON Schema cannot express: references between ids, policy overrides
 * against the chosen profile, distribution bounds, sizes and run counts. Runs after the schema
 * passed, so shapes are known; collects every issue instead of stopping at the first.
 */
import { escapePointer, msg, objectiveMsg, realismMsg, type Issue } from '../errors/index.js';
import { isTimeZone, occurrenceTimes } from './calendar.js';
import { isMetricName, metricNames } from '../thresholds/metric-names.js';
import { findParam, isDistribution, listParams, isProfileId, paramRange, PROFILE_IDS, PROFILES, type NumericParam, type PolicyProfile } from '../policy/index.js';
import { LIMITS } from './limits.js';
import type { Scenario } from './schema.js';
import { thresholdIssues } from '../thresholds/check.js';
import { pricingIssues } from './pricing-check.js';

/** Built-in strategy names are supplied by the caller so this module does not depend on strategies. */
export interface SemanticContext {
  readonly file: string;
  readonly strategyNames: readonly string[];
}

/** Every semantic problem of a schema-valid scenario. */
export function semanticIssues(s: Scenario, ctx: SemanticContext): Issue[] {
  const { file } = ctx;
  const issues: Issue[] = [];
  const profile = checkPolicy(s.policy, '/policy', file, issues);
  if (profile && s.overrides) checkOverrides(profile, s.overrides, '/overrides', file, issues);
  if (profile) checkTierNames(s, profile, file, issues);

  const numbers = uniqueIds(s.portfolio.numbers, '/portfolio/numbers', 'phone number', file, issues);
  const templates = uniqueIds(s.templates, '/templates', 'template', file, issues);
  const segments = uniqueIds(s.audience.segments, '/audience/segments', 'segment', file, issues);
  uniqueIds(s.campaigns, '/campaigns', 'campaign', file, issues);

  let totalRecipients = 0;
  s.audience.segments.forEach((seg, i) => {
    const at = `/audience/segments/${i}`;
    totalRecipients += seg.size;
    for (const key of ['readProbability', 'replyProbability', 'blockProbability', 'reportProbability', 'stopProbability', 'brandRecognition', 'inboundPerDay', 'fatigue', 'marketingFromOthersPerDay'] as const) {
      const value = seg[key];
      const bounds: [number, number] = key === 'inboundPerDay' || key === 'marketingFromOthersPerDay' ? [0, 100] : key === 'fatigue' ? [0, 10] : [0, 1];
      if (value !== undefined) checkNumericParam(value as NumericParam, `${at}/${key}`, bounds, file, issues);
    }
    if (seg.blockReasons && !Object.values(seg.blockReasons).some((w) => (w ?? 0) > 0)) issues.push(msg.noWeights(file, `${at}/blockReasons`));
    checkSegmentRealism(seg, at, file, issues);
  });
  if (totalRecipients > LIMITS.maxRecipients) issues.push(msg.tooMany(file, '/audience/segments', 'recipients in all segments', LIMITS.maxRecipients, totalRecipients));

  const horizonHours = s.horizonDays * 24;
  s.campaigns.forEach((c, i) => {
    const at = `/campaigns/${i}`;
    if (!templates.has(c.template)) issues.push(msg.unknownRef(file, `${at}/template`, 'template', [...templates], c.template));
    const seg = s.audience.segments.find((x) => x.id === c.segment);
    if (!seg) issues.push(msg.unknownRef(file, `${at}/segment`, 'segment', [...segments], c.segment));
    else if (c.recipients !== undefined && c.recipients > seg.size) issues.push(msg.outOfRange(file, `${at}/recipients`, 1, seg.size, c.recipients));
    if (c.number !== undefined && !numbers.has(c.number)) issues.push(msg.unknownRef(file, `${at}/number`, 'phone number', [...numbers], c.number));
    if (c.startHour >= horizonHours) issues.push(msg.afterHorizon(file, `${at}/startHour`, horizonHours, c.startHour));
    checkCampaignRealism(s, c, at, numbers, file, issues);
  });

  if (s.objective) checkObjective(s.objective, file, issues);
  pricingIssues(s, file, issues); // README "Cost"

  s.strategies.forEach((ref, i) => {
    const name = typeof ref === 'string' ? ref : ref.name;
    if (!ctx.strategyNames.includes(name) && !/\.(?:m?js|m?ts)$/.test(name)) {
      issues.push(msg.unknownStrategy(file, typeof ref === 'string' ? `/strategies/${i}` : `/strategies/${i}/name`, ctx.strategyNames, name));
    }
  });

  const variants = s.variants ?? [];
  variants.forEach((v, i) => {
    const vp = v.policy === undefined ? profile : checkPolicy(v.policy, `/variants/${i}/policy`, file, issues);
    if (vp && v.overrides) checkOverrides(vp, v.overrides, `/variants/${i}/overrides`, file, issues);
    if (vp && vp !== profile) checkTierNames(s, vp, file, issues);
    for (const pointer of Object.keys(v.patch ?? {})) {
      const problem = patchIssue(s, pointer, file, `/variants/${i}/patch/${escapePointer(pointer)}`);
      if (problem) issues.push(problem);
    }
  });
  const runs = Math.max(1, variants.length) * s.strategies.length * s.seeds;
  if (runs > LIMITS.maxRuns) issues.push(msg.tooMany(file, '/seeds', 'runs (variants × strategies × seeds)', LIMITS.maxRuns, runs));
  issues.push(...thresholdIssues(s, file));
  return issues;
}

/** A segment's time zones, local window and attributes (issue 22). */
function checkSegmentRealism(seg: Scenario['audience']['segments'][number], at: string, file: string, issues: Issue[]): void {
  if (seg.timeZones) {
    for (const zone of Object.keys(seg.timeZones)) if (!isTimeZone(zone)) issues.push(realismMsg.unknownZone(file, `${at}/timeZones/${escapePointer(zone)}`, zone));
    if (!Object.values(seg.timeZones).some((w) => (w ?? 0) > 0)) issues.push(msg.noWeights(file, `${at}/timeZones`));
  }
  if (seg.localWindow && seg.localWindow.from === seg.localWindow.to) issues.push(realismMsg.emptyWindow(file, `${at}/localWindow`, seg.localWindow));
  for (const [name, value] of Object.entries(seg.attributes ?? {})) checkNumericParam(value as NumericParam, `${at}/attributes/${escapePointer(name)}`, [-Number.MAX_VALUE, Number.MAX_VALUE], file, issues);
}

/** A campaign's numbers, recurrence, time zone and local window (issue 22). */
function checkCampaignRealism(s: Scenario, c: Scenario['campaigns'][number], at: string, numbers: Set<string>, file: string, issues: Issue[]): void {
  if (c.number !== undefined && c.numbers !== undefined) issues.push(realismMsg.numberAndNumbers(file, `${at}/numbers`));
  if (Array.isArray(c.numbers)) c.numbers.forEach((n, k) => { if (!numbers.has(n)) issues.push(msg.unknownRef(file, `${at}/numbers/${k}`, 'phone number', [...numbers], n)); });
  const zone = c.timeZone ?? 'UTC';
  const zoneOk = isTimeZone(zone);
  if (!zoneOk) issues.push(realismMsg.unknownZone(file, `${at}/timeZone`, zone));
  if (c.localWindow && c.localWindow.from === c.localWindow.to) issues.push(realismMsg.emptyWindow(file, `${at}/localWindow`, c.localWindow));
  const every = c.every;
  if (!every) return;
  if (every.weekday !== undefined && every.days % 7 !== 0) return void issues.push(realismMsg.weekdayNeedsWeeks(file, `${at}/every/days`, every.days));
  if (zoneOk && c.startHour < s.horizonDays * 24 && occurrenceTimes(c.startHour, every, zone, Date.parse(s.start), Math.round(s.horizonDays * 86_400_000)).length === 0) issues.push(realismMsg.noOccurrence(file, `${at}/every`, s.horizonDays));
}

/**
 * Checks that the portfolio's start tier and every number's own tier (`messagingLimitTier`) name a
 * tier of `profile`; a variant with another profile is checked against that profile too, and an
 * issue is reported once per pointer.
 */
/** The objective names one direction and a metric results.json holds. */
function checkObjective(o: NonNullable<Scenario['objective']>, file: string, issues: Issue[]): void {
  if (o.maximise !== undefined && o.minimise !== undefined) issues.push(objectiveMsg.bothDirections(file, '/objective/minimise'));
  for (const key of ['maximise', 'minimise'] as const) {
    const metric = o[key];
    if (metric !== undefined && !isMetricName(metric)) issues.push(objectiveMsg.unknownMetric(file, `/objective/${key}`, metricNames(), metric));
  }
}

function checkTierNames(s: Scenario, profile: PolicyProfile, file: string, issues: Issue[]): void {
  const names = profile.params.limits.tiers.value.map((t) => t.name);
  const check = (pointer: string, name: string | undefined): void => {
    if (name === undefined || names.includes(name) || issues.some((x) => x.pointer === pointer)) return;
    issues.push(msg.unknownTier(file, pointer, profile.id, names, name));
  };
  check('/portfolio/startTier', s.portfolio.startTier);
  s.portfolio.numbers.forEach((n, i) => check(`/portfolio/numbers/${i}/messagingLimitTier`, n.messagingLimitTier));
}

function checkPolicy(id: string, pointer: string, file: string, issues: Issue[]): PolicyProfile | undefined {
  if (isProfileId(id)) return PROFILES[id];
  issues.push(msg.unknownPolicy(file, pointer, PROFILE_IDS, id));
  return undefined;
}

/** Checks each override names a parameter of `profile` and has a value of the parameter's kind. */
export function checkOverrides(profile: PolicyProfile, overrides: Record<string, unknown>, at: string, file: string, issues: Issue[]): void {
  for (const [path, value] of Object.entries(overrides)) {
    const pointer = `${at}/${escapePointer(path)}`;
    const def = findParam(profile, path);
    if (!def) {
      issues.push(msg.unknownParam(file, pointer, path, listParams(profile).map((r) => r.path)));
      continue;
    }
    if (typeof def.value === 'number') {
      if (typeof value !== 'number' && !isDistribution(value)) {
        issues.push(msg.badParamValue(file, pointer, 'a number or a distribution', value));
        continue;
      }
      checkNumericParam(value as NumericParam, pointer, [def.min ?? -Number.MAX_VALUE, def.max ?? Number.MAX_VALUE], file, issues);
    } else if (Array.isArray(def.value) && def.choices) {
      const choices = def.choices;
      if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && choices.includes(v)) || new Set(value).size !== value.length) issues.push(msg.badParamValue(file, pointer, `a list of distinct values from ${choices.join(', ')}`, value));
    } else if (def.choices && def.choices.length > 0) {
      if (typeof value !== 'string' || !def.choices.includes(value)) issues.push(msg.badParamValue(file, pointer, `one of ${def.choices.join(', ')}`, value));
    } else if (Array.isArray(def.value)) {
      if (!Array.isArray(value) || !sameShape(def.value, value)) issues.push(msg.badParamValue(file, pointer, `a list shaped like ${JSON.stringify(def.value[0])}`, value));
    } else if (typeof value !== typeof def.value) {
      issues.push(msg.badParamValue(file, pointer, `a ${typeof def.value}`, value));
    }
  }
}

/** Items of `value` have the same keys and value types as the first item of `template`. */
function sameShape(template: readonly unknown[], value: unknown[]): boolean {
  const model = template[0] as Record<string, unknown>;
  return value.length > 0 && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item) &&
    Object.keys(model).every((k) => k in item && (typeof (item as Record<string, unknown>)[k] === typeof model[k] || (item as Record<string, unknown>)[k] === null || model[k] === null)) &&
    Object.keys(item).every((k) => k in model));
}

/** A numeric parameter is finite, its distribution well-formed, and its whole range inside `bounds`. */
function checkNumericParam(value: NumericParam, pointer: string, bounds: [number, number], file: string, issues: Issue[]): void {
  if (isDistribution(value)) {
    if ('uniform' in value && !(value.uniform[0] <= value.uniform[1])) return void issues.push(msg.badDistribution(file, pointer, 'uniform [min, max] with min ≤ max', value));
    if ('triangular' in value && !(value.triangular[0] <= value.triangular[1] && value.triangular[1] <= value.triangular[2])) return void issues.push(msg.badDistribution(file, pointer, 'triangular [min, mode, max] with min ≤ mode ≤ max', value));
    if ('normal' in value && !(value.normal.sd >= 0)) return void issues.push(msg.negativeSd(file, `${pointer}/normal/sd`, value.normal.sd));
    if ('normal' in value && !(value.normal.min <= value.normal.max)) return void issues.push(msg.badDistribution(file, pointer, 'normal with min ≤ max', value));
  }
  const [lo, hi] = paramRange(value);
  if (lo < bounds[0] || hi > bounds[1]) issues.push(msg.outOfRange(file, pointer, bounds[0], bounds[1], value));
}

function uniqueIds(items: readonly { id: string }[], at: string, kind: string, file: string, issues: Issue[]): Set<string> {
  const ids = new Set<string>();
  items.forEach((item, i) => {
    if (ids.has(item.id)) issues.push(msg.duplicateId(file, `${at}/${i}/id`, kind, item.id));
    ids.add(item.id);
  });
  return ids;
}

/**
 * What is wrong with a variant's patch `pointer` into `doc`, or undefined if it may be set: every
 * token but the last names an existing own property or list item; a token into a list is an index
 * of an existing item (no `-`, no `length`, no index at or past the end: a patch replaces, it never
 * grows a list); the last token into an object may name a new key (the schema then judges it).
 * `at` is the issue's pointer (the variant's patch entry).
 * @example patchIssue({ a: [1] }, '/a/5', 'f.json', '/variants/0/patch/~1a~15') // msg.badPatchIndex(…, '/a', 1, '5')
 */
export function patchIssue(doc: unknown, pointer: string, file: string, at: string): Issue | undefined {
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  let path = '';
  for (const [k, token] of tokens.entries()) {
    const last = k === tokens.length - 1;
    if (Array.isArray(node)) {
      if (!/^(?:0|[1-9]\d*)$/.test(token) || Number(token) >= node.length) return msg.badPatchIndex(file, at, path, node.length, token);
    } else if (typeof node !== 'object' || node === null || (!last && !Object.prototype.hasOwnProperty.call(node, token))) {
      return msg.badPatch(file, at, pointer);
    }
    if (last) return undefined;
    node = (node as Record<string, unknown>)[token];
    path += `/${escapePointer(token)}`;
  }
  return undefined;
}

/** The value at a JSON pointer (RFC 6901) in `doc`, or undefined. Own properties only. */
export function resolvePointer(doc: unknown, pointer: string): unknown {
  if (pointer === '') return doc;
  let node: unknown = doc;
  for (const raw of pointer.split('/').slice(1)) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null || !Object.prototype.hasOwnProperty.call(node, token)) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}
