import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { listParams, PARAM_LABELS, PROFILE_IDS, PROFILES, resolvePolicy } from '../../src/policy/index.js';
import { createStream } from '../../src/engine/index.js';

test('three profiles ship: the default, the legacy regime and the forecast', () => {
  assert.equal([...PROFILE_IDS], ['meta-2025-10', 'meta-legacy-2025', 'meta-2026-q2-forecast']);
});

for (const id of PROFILE_IDS) {
  test(`${id}: every parameter has a unit, a source, a known label and a value inside its bounds`, () => {
    const rows = listParams(PROFILES[id]);
    assert.ok(rows.length > 100);
    for (const { path, def } of rows) {
      assert.ok(PARAM_LABELS.includes(def.label), `${path} label`);
      assert.ok(def.source.length > 5, `${path} source`);
      assert.ok(def.description.length > 5, `${path} description`);
      if (typeof def.value === 'number') {
        assert.ok(Number.isFinite(def.value), `${path} finite`);
        assert.ok(def.value >= (def.min ?? -Infinity) && def.value <= (def.max ?? Infinity), `${path} in bounds`);
      }
      const values = Array.isArray(def.value) ? (def.value as unknown[]) : [def.value];
      if (def.choices) assert.ok(values.every((v) => def.choices?.includes(v as string)), `${path} value among its choices`);
    }
  });
  test(`${id}: every profile has the same parameters as the default`, () => {
    assert.equal(listParams(PROFILES[id]).map((r) => r.path), listParams(PROFILES['meta-2025-10']).map((r) => r.path));
  });
}

test('the legacy profile matches Meta\'s side-by-side table', () => {
  const p = resolvePolicy(PROFILES['meta-legacy-2025'], {}, (n) => createStream(1, n));
  assert.is(p.limits.scope, 'number');
  assert.equal(p.limits.tiers.map((t) => t.limit), [250, 1000, 10000, 100000, null]);
  assert.is(p.limits.upgradeDelayHours, 24);
  assert.is(p.limits.flagOnLowQuality, true);
  const q = resolvePolicy(PROFILES['meta-2025-10'], {}, (n) => createStream(1, n));
  assert.is(q.limits.scope, 'portfolio');
  assert.equal(q.limits.tiers.map((t) => t.limit), [250, 2000, 10000, 100000, null]);
  assert.is(q.limits.upgradeDelayHours, 6);
  assert.is(q.limits.flagOnLowQuality, false);
});

test('every parameter the forecast changes is labelled forecast', () => {
  const base = new Map(listParams(PROFILES['meta-2025-10']).map((r) => [r.path, r.def]));
  const changed = listParams(PROFILES['meta-2026-q2-forecast']).filter((r) => base.get(r.path) !== r.def);
  assert.ok(changed.length >= 3);
  assert.ok(changed.every((r) => r.def.label === 'forecast'));
});

test('a numeric override given as a distribution is sampled once per run from its own stream', () => {
  const overrides = { 'quality.redThreshold': { uniform: [0.02, 0.05] } };
  const a = resolvePolicy(PROFILES['meta-2025-10'], overrides, (n) => createStream(1, n)).quality.redThreshold;
  const b = resolvePolicy(PROFILES['meta-2025-10'], overrides, (n) => createStream(2, n)).quality.redThreshold;
  assert.ok(a >= 0.02 && a <= 0.05 && b >= 0.02 && b <= 0.05);
  assert.is.not(a, b);
  assert.is(resolvePolicy(PROFILES['meta-2025-10'], overrides, (n) => createStream(1, n)).quality.redThreshold, a);
});

test.run();
