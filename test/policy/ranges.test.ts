/** Plausible ranges (issue 19): every numeric estimate or reported figure of every profile has a valid one. */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { assumedSource, findParam, listParams, needsRange, PROFILE_IDS, PROFILES, rangeIssue, withRanges, type ParamDef } from '../../src/policy/index.js';
import { num } from '../../src/policy/define.js';

for (const id of PROFILE_IDS) {
  test(`${id}: every numeric estimate and reported parameter has a range inside its bounds that contains its value, with a source`, () => {
    const rows = listParams(PROFILES[id]);
    const needing = rows.filter((r) => needsRange(r.def));
    assert.ok(needing.length >= 100, `${needing.length} parameters need a range`);
    for (const { path, def } of rows) assert.is(rangeIssue(def), undefined, `${path}: ${rangeIssue(def)}`);
    for (const { path, def } of needing) assert.ok(def.range, `${path} has a range`);
    // documented and forecast figures are not varied; nor are text, flags and lists
    for (const { path, def } of rows.filter((r) => !needsRange(r.def))) assert.is(def.range, undefined, `${path} carries no range`);
  });

  test(`${id}: ordered pairs keep their order over their whole ranges (a safe line stays below its danger line)`, () => {
    const pairs = [
      ['quality.yellowThreshold', 'quality.redThreshold'],
      ['templates.mediumThreshold', 'templates.lowThreshold'],
      ['unanswered.safeShare', 'unanswered.dangerShare'],
      ['trust.replyRatioDanger', 'trust.replyRatioSafe'],
      ['trust.velocitySafePerHour', 'trust.velocityDangerPerHour'],
      ['trust.restrictScore', 'trust.banScore'],
      ['trust.firstDaysVolumeSafe', 'trust.earlyWeeksVolumeRisk'],
      ['trust.firstDays', 'trust.earlyWeeksDays'],
      ['restrictions.softBanMinHours', 'restrictions.softBanMaxHours'],
      ['restrictions.appealMinHours', 'restrictions.appealMaxHours'],
    ];
    for (const [lower, upper] of pairs) {
      const a = findParam(PROFILES[id], lower)!.range!;
      const b = findParam(PROFILES[id], upper)!.range!;
      assert.ok(a.high <= b.low, `${lower} ${a.low}–${a.high} below ${upper} ${b.low}–${b.high}`);
    }
  });
}

test('a spread the sources give is the range: the enforcement block rate 4–5% (MODEL.md §10), recovery 5–7 days, 13–14 days app open', () => {
  const p = PROFILES['meta-2025-10'];
  assert.equal([findParam(p, 'policyEnforcement.blockRate')!.range!.low, findParam(p, 'policyEnforcement.blockRate')!.range!.high], [0.04, 0.05]);
  assert.match(findParam(p, 'policyEnforcement.blockRate')!.range!.source, 'MODEL.md §10');
  assert.equal([findParam(p, 'quality.recoveryDays')!.range!.low, findParam(p, 'quality.recoveryDays')!.range!.high], [5, 7]);
  assert.equal([findParam(p, 'coexistence.appOpenIntervalDays')!.range!.low, findParam(p, 'coexistence.appOpenIntervalDays')!.range!.high], [13, 14]);
  // an identifier is not varied
  assert.equal(findParam(p, 'delivery.blockedRecipientCode')!.range!.low, findParam(p, 'delivery.blockedRecipientCode')!.range!.high);
});

test('the generic rule is ±50% of the value clipped to the bounds, and says so', () => {
  const p = PROFILES['meta-2025-10'];
  const r = findParam(p, 'quality.halfLifeHours')!.range!;
  assert.equal([r.low, r.high], [24, 72]);
  assert.is(r.source, assumedSource(1, 1440));
  const layers = findParam(p, 'trust.restrictMinLayers')!.range!;
  assert.equal([layers.low, layers.high], [1, 3]);
});

test('a derived profile inherits ranges: an unchanged parameter keeps its range; a reported replacement without one gets the generic rule; a forecast gets none', () => {
  const base = PROFILES['meta-2025-10'];
  const legacy = PROFILES['meta-legacy-2025'];
  assert.is(findParam(legacy, 'quality.redThreshold')!.range, findParam(base, 'quality.redThreshold')!.range);
  const path = findParam(legacy, 'limits.scalingPathUniqueUsers')! as ParamDef<number>;
  assert.is(path.label, 'reported');
  assert.equal([path.range!.low, path.range!.high], [500, 1500]);
  assert.is(findParam(PROFILES['meta-2026-q2-forecast'], 'pacing.threshold')!.range, undefined);
});

test('withRanges refuses a table entry that names no ranged parameter, an invalid range, and a 0 left to the generic rule', () => {
  const params = { g: { a: num(2, 'x', 0, 10, 'estimate', 'src', 'd'), b: num(0, 'x', 0, 10, 'estimate', 'src', 'd'), c: num(3, 'x', 0, 10, 'documented', 'src', 'd') } };
  assert.throws(() => withRanges(params, { 'g.b': { low: 0, high: 1, source: 'assumption' }, 'g.c': { low: 2, high: 4, source: 'assumption' } }), /g\.c/);
  assert.throws(() => withRanges(params, { 'g.b': { low: 0.5, high: 1, source: 'assumption' } }), /does not contain/);
  assert.throws(() => withRanges(params, {}), /g\.b: a value of 0/);
  const ok = withRanges(params, { 'g.b': { low: 0, high: 1, source: 'assumption: up to 1' } });
  assert.equal(ok.g.a.range, { low: 1, high: 3, source: assumedSource(0, 10) });
  assert.is(ok.g.c.range, undefined);
});

test.run();
