/**
 * The strategy kit (`wabasim/strategy-kit`, src/strategies/kit.ts): its pacing helpers keep a
 * strategy under the throughput and the pair rate, its parameter builders type what `create`
 * receives, and it is pure — bundled into a user module, it brings no Node built-in, package,
 * clock or Math.random, and a module importing it runs in the strategy realm.
 */
import { mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bundleStrategy, KIT_SPECIFIER, bundleMsg } from '../../src/run/strategy-bundle.js';
import { strategyRealm } from '../../src/run/strategy-realm.js';
import { backoffDelay, createPairGuard, createThroughputGuard, defineStrategy, integerParam, numberListParam, objectParam, pairRateRetryDelay, SECOND, stringListParam, stringParam } from '../../src/strategies/kit.js';
import { PROFILES } from '../../src/policy/index.js';

const dir = realpathSync(mkdtempSync(join(tmpdir(), 'wabasim-kit-')));
const roots = { anywhere: false as const, tree: dir, allowed: [] };

test('the throughput guard lets at most perSecond sends a simulated second go, per number, and names the next second', () => {
  const g = createThroughputGuard(3);
  const t = 5 * SECOND + 200;
  assert.equal([g.take('a', t), g.take('a', t + 1), g.take('a', t + 500), g.take('a', t + 700)], [true, true, true, false]);
  assert.ok(g.take('b', t), 'another number has its own count');
  assert.is(g.nextSecond(t), 6 * SECOND);
  assert.ok(g.take('a', 6 * SECOND), 'the next second starts afresh');
});

test("the pair guard keeps messages from one number to one user at least the interval apart (the profile's 6 s)", () => {
  const interval = PROFILES['meta-2025-10'].params.pairRate.intervalSeconds.value * SECOND;
  const g = createPairGuard(interval);
  assert.ok(g.take('a', 7, 0));
  assert.not.ok(g.take('a', 7, interval - 1));
  assert.is(g.nextAllowed('a', 7, 1000), interval);
  assert.ok(g.take('b', 7, 1), 'another number');
  assert.ok(g.take('a', 8, 1), 'another user');
  assert.ok(g.take('a', 7, interval));
});

test('the documented 131056 retry waits 4^X seconds; the backoff doubles with jitter and stops at its maximum', () => {
  assert.equal([0, 1, 2, 3].map(pairRateRetryDelay), [1000, 4000, 16000, 64000]);
  const rng = { next: () => 0.5 };
  assert.is(backoffDelay(3, 2000, 0.5, 3_600_000, rng), 2000 * 4 * 1.25);
  assert.is(backoffDelay(30, 2000, 0.5, 60_000, rng), 60_000);
});

test('parameter builders declare every kind and type what create receives', () => {
  const seen: unknown[] = [];
  const d = defineStrategy({
    name: 'typed',
    description: 'no source, typed params',
    params: {
      mode: stringParam('round-robin', 'How to pick a number', ['round-robin', 'first']),
      label: stringParam('x', 'Free text'),
      hours: numberListParam([9, 13], 0, 23, 'Batch hours'),
      numbers: stringListParam(['main'], 'Numbers'),
      window: objectParam({ startHour: 9, hours: 8 }, { startHour: { type: 'integer', min: 0, max: 23 }, hours: { type: 'number', min: 1, max: 24 } }, 'Window'),
      perSecond: integerParam(20, 1, 80, 'Sends per second'),
    },
    create(p) {
      const mode: 'round-robin' | 'first' = p.mode;
      // @ts-expect-error the enum's values only
      const wrong: 'other' = p.mode;
      const label: string = p.label;
      const first: number = p.hours[0];
      const n: string = p.numbers[0];
      const start: number = p.window.startHour;
      // @ts-expect-error not a declared field of the shape
      void p.window.end;
      seen.push(mode, wrong, label, first, n, start, p.perSecond);
      return { onCampaignStart: () => undefined };
    },
  });
  assert.equal(d.params?.mode, { type: 'string', default: 'round-robin', enum: ['round-robin', 'first'], description: 'How to pick a number' });
  assert.equal(d.params?.window.shape.hours, { type: 'number', min: 1, max: 24 });
  d.create({ mode: 'first', label: 'y', hours: [10], numbers: ['b'], window: { startHour: 7, hours: 2 }, perSecond: 5 });
  assert.equal(seen, ['first', 'first', 'y', 10, 'b', 7, 5]);
});

test('the kit bundles pure: no require, Node built-in, clock or Math.random; a module importing it runs in the strategy realm', async () => {
  const path = join(dir, 'uses-kit.mjs');
  writeFileSync(
    path,
    `import { createThroughputGuard, tierLimit, windowOf, HOUR, defineStrategy } from '${KIT_SPECIFIER}';
export default defineStrategy({ name: 'uses-kit', description: 'd', create() { const g = createThroughputGuard(2); return { onCampaignStart() {}, probe: () => [g.take('a', 0), g.take('a', 1), g.take('a', 2), tierLimit('TIER_2K'), windowOf(1, { startHour: 9, hours: 8 }).start / HOUR] }; } });
`,
  );
  const program = await bundleStrategy(path, roots);
  const code = program.slice(0, program.lastIndexOf('//# sourceMappingURL'));
  for (const banned of ['require(', 'Math.random', 'Date.now', 'process.', 'node:']) assert.not.ok(code.includes(banned), banned);
  const realm = strategyRealm();
  const mod = realm.evaluate(program) as { default: unknown };
  const s = realm.create(mod.default, '{}') as { probe(): unknown };
  assert.equal(JSON.parse(JSON.stringify(s.probe())), [true, true, false, 2000, 33]);
});

test('only the kit is let in: the package itself and other subpaths stay refused', async () => {
  for (const specifier of ['wabasim', 'wabasim/dist/src/strategies/kit.js']) {
    const path = join(dir, 'refused.mjs');
    writeFileSync(path, `import * as x from '${specifier}';\nexport default x;\n`);
    try {
      await bundleStrategy(path, roots);
      assert.unreachable(specifier);
    } catch (err) {
      assert.match((err as Error).message, bundleMsg.importRefused(specifier));
    }
  }
});

test.run();
