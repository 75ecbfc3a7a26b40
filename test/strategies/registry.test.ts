import { spawnSync } from 'node:child_process';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { DAY } from '../../src/engine/index.js';
import { BUILTIN_NAMES, BUILTIN_STRATEGIES, builtinStrategy } from '../../src/strategies/index.js';
import { attempts, realRun, segment } from './real-run.js';

test('the eight built-ins, each documented: description, a source (seed file or Meta URL), described parameters', () => {
  assert.equal(BUILTIN_NAMES, ['blast', 'warmup', 'tier-aware', 'pacing-aware', 'multi-number', 'backoff', 'hygiene', 'engaged-first']);
  for (const s of BUILTIN_STRATEGIES) {
    assert.ok(s.description.length > 20, s.name);
    assert.match(s.source, /seeds\/00\d_[0-9a-f]{16}\.txt|https:\/\/developers\.facebook\.com\//);
    for (const [key, p] of Object.entries(s.params)) {
      assert.ok(p.description.length > 5, `${s.name}.${key}`);
      if (typeof p.default === 'number') assert.ok(p.default >= (p.min ?? -Infinity) && p.default <= (p.max ?? Infinity), `${s.name}.${key}`);
    }
  }
  assert.is(builtinStrategy('nope'), undefined);
});

test('`wabasim list strategies --json` shows every built-in with its source and parameters', () => {
  const r = spawnSync(process.execPath, ['bin/wabasim.js', 'list', 'strategies', '--json'], { encoding: 'utf8' });
  assert.is(r.status, 0, r.stderr);
  const rows = JSON.parse(r.stdout) as { name: string; source: string; params: Record<string, unknown> }[];
  assert.equal(rows.map((x) => x.name), [...BUILTIN_NAMES]);
  for (const row of rows) assert.equal([row.source, row.params], [builtinStrategy(row.name)!.source, builtinStrategy(row.name)!.params]);
  const table = spawnSync(process.execPath, ['bin/wabasim.js', 'list', 'strategies'], { encoding: 'utf8' }).stdout;
  for (const name of BUILTIN_NAMES) assert.match(table, name);
  assert.match(table, 'seeds/003_bb4d35adda67ac79.txt');
  assert.match(spawnSync(process.execPath, ['bin/wabasim.js', 'list', 'strategies', '--params'], { encoding: 'utf8' }).stdout, /warmup\s+day14PerDay\s+integer\s+200/);
});

const SMALL = { horizonDays: 4, portfolio: { numbers: [{ id: 'a' }, { id: 'b' }] }, audience: { segments: [segment({ id: 'clean', size: 1200, replyProbability: 0.2, blockProbability: 0.003, stopProbability: 0.01 })] }, campaigns: [{ id: 'c', template: 'promo', segment: 'clean', startHour: 9, dailyTarget: 300 }] };

for (const name of BUILTIN_NAMES) {
  test(`${name} runs a small real scenario deterministically, with a bounded event count`, async () => {
    const a = await realRun(name, SMALL, 3);
    const b = await realRun(name, SMALL, 3);
    assert.equal(a.result.summary, b.result.summary);
    assert.ok(a.result.summary.attempted > 0);
    assert.ok(a.result.events < 40 * a.result.summary.attempted + 2000, `${a.result.events} events for ${a.result.summary.attempted} sends`);
  });
}

test("warmup in the model: seed 003's schedule, 20, 35, 50 on days 1–3, then 62, 75", async () => {
  const { trace } = await realRun('warmup', { ...SMALL, horizonDays: 5 });
  const perDay = [0, 1, 2, 3, 4].map((d) => attempts(trace).filter((r) => r.t >= d * DAY && r.t < (d + 1) * DAY).length);
  assert.equal(perDay, [20, 35, 50, 62, 75]);
});

test('tier-aware in the model at TIER_250: never limit_reached, at most 225 new users a day', async () => {
  const { result, trace } = await realRun('tier-aware', { ...SMALL, horizonDays: 5, campaigns: [{ id: 'c', template: 'promo', segment: 'clean', dailyTarget: 3000 }] });
  assert.is(result.summary.failedByCode.limit_reached, undefined);
  for (let d = 0; d < 5; d++) assert.ok(new Set(attempts(trace).filter((r) => r.t >= d * DAY && r.t < (d + 1) * DAY).map((r) => r.recipient)).size <= 225);
  assert.ok(result.summary.uniqueUsersReached >= 4 * 200);
});

test('hygiene in the model: no send to a recipient after their STOP', async () => {
  const { trace } = await realRun('hygiene', {
    ...SMALL,
    horizonDays: 6,
    audience: { segments: [segment({ id: 'clean', size: 400, stopProbability: 0.2, replyProbability: 0.5 })] },
    campaigns: [
      { id: 'one', template: 'promo', segment: 'clean' },
      { id: 'two', template: 'promo', segment: 'clean', startHour: 72 },
    ],
  });
  const stoppedAt = new Map<unknown, number>();
  for (const r of trace) if (r.kind === 'stop' && !stoppedAt.has(r.recipient)) stoppedAt.set(r.recipient, r.t);
  assert.ok(stoppedAt.size > 20);
  const late = attempts(trace).filter((r) => stoppedAt.has(r.recipient) && r.t > stoppedAt.get(r.recipient)!);
  assert.equal(late, []);
});

test.run();
