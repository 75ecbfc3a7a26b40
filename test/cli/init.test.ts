/**
 * Starting points (issue 22 item 4) through the real CLI: `wabasim init strategy NAME [--ts]`
 * writes a strategy on wabasim/strategy-kit that runs (worker threads and --workers 0) without a
 * 130429 or 131056 of its own on a 3-number, 50,000-user plan written by `wabasim init scenario`;
 * the TypeScript flavour type-checks against the kit's published .d.ts, as does a minimal user
 * strategy against `wabasim`'s StrategyDefinition; a throw in it names the user's file and line;
 * `init scenario` validates, points `$schema` at the package's schema and never overwrites
 * without --force.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, kitMsg } from '../../src/errors/index.js';
import { strategyTemplate } from '../../src/cli/commands/init-strategy.js';

const REPO = process.cwd();
const BIN = join(REPO, 'bin', 'wabasim.js');
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'wabasim-init-')));

/** Runs the CLI in `dir`; returns exit code and both streams. */
function cli(...args: string[]): { code: number | null; out: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

interface Summary {
  readonly attempted: number;
  readonly uniqueUsersReached: number;
  readonly failedByCode: Record<string, number>;
}

/** The summaries of `strategy`'s runs in `out/results.json`. */
function runsOf(out: string, strategy: string): Summary[] {
  const results = JSON.parse(readFileSync(join(dir, out, 'results.json'), 'utf8')) as { runs: { strategy: string; summary: Summary }[] };
  return results.runs.filter((r) => r.strategy === strategy).map((r) => r.summary);
}

/** Runs tsc (the repository's) on `files` with `wabasim` and `wabasim/strategy-kit` mapped to the built .d.ts files. */
function typeCheck(files: string[], checkJs = false): { code: number | null; out: string } {
  const config = join(dir, `tsconfig-${files.length}-${checkJs}.json`);
  writeFileSync(
    config,
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        allowJs: checkJs,
        checkJs,
        types: [],
        paths: { 'wabasim/strategy-kit': [join(REPO, 'dist/src/strategies/kit.d.ts')], wabasim: [join(REPO, 'dist/src/index.d.ts')] },
      },
      files,
    }),
  );
  const r = spawnSync(process.execPath, [join(REPO, 'node_modules/typescript/bin/tsc6'), '-p', config], { cwd: dir, encoding: 'utf8' });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

test('init scenario with flags writes a scenario that validates, with $schema at the package schema and a description', () => {
  const r = cli('init', 'scenario', 'plans/plan.json', '--numbers', '3', '--recipients', '50000', '--horizon-days', '3', '--strategies', 'tier-aware,./strategies/my-sender.mjs,./strategies/ts-sender.ts', '--verified');
  assert.is(r.code, 0, r.out);
  const s = JSON.parse(readFileSync(join(dir, 'plans/plan.json'), 'utf8')) as { $schema: string; name: string; description: string; portfolio: { verified: boolean; numbers: unknown[] }; audience: { segments: { size: number }[] }; strategies: string[] };
  assert.is(resolve(dir, 'plans', s.$schema), join(REPO, 'schema', 'scenario.schema.json'));
  assert.ok(existsSync(resolve(dir, 'plans', s.$schema)));
  assert.is(s.name, 'plan');
  assert.equal([s.portfolio.numbers.length, s.portfolio.verified, s.audience.segments[0].size], [3, true, 50000]);
  assert.match(s.description, '3 cloud-api numbers');
  assert.match(s.description, '50,000');
});

test('init scenario never overwrites without --force, and reports bad flags (exit 2)', () => {
  const path = join(dir, 'plans/plan.json');
  const before = readFileSync(path, 'utf8');
  const r = cli('init', 'scenario', 'plans/plan.json', '--yes');
  assert.is(r.code, 2);
  assert.match(r.out, formatIssue(kitMsg.exists('plans/plan.json')));
  assert.is(readFileSync(path, 'utf8'), before);
  const bad = cli('init', 'scenario', 'other.json', '--numbers', '0', '--category', 'promo', '--strategies', 'blastt');
  assert.is(bad.code, 2);
  for (const flag of ['--numbers', '--category', '--strategies']) assert.match(bad.out, flag);
  assert.not.ok(existsSync(join(dir, 'other.json')));
  assert.is(cli('init', 'scenario', 'defaults.json', '--yes').code, 0);
  assert.is(cli('validate', 'defaults.json').code, 0);
  assert.is(cli('init', 'scenario', 'defaults.json', '--yes', '--force', '--numbers', '2').code, 0);
  assert.is((JSON.parse(readFileSync(join(dir, 'defaults.json'), 'utf8')) as { portfolio: { numbers: unknown[] } }).portfolio.numbers.length, 2);
});

test('init strategy writes NAME.mjs and NAME.ts, prints the scenario line, refuses a bad name or an existing file', () => {
  const r = cli('init', 'strategy', 'my-sender', '--out', 'plans/strategies');
  assert.is(r.code, 0, r.out);
  assert.match(r.out, '"strategies": ["tier-aware", "./plans/strategies/my-sender.mjs"]');
  assert.is(readFileSync(join(dir, 'plans/strategies/my-sender.mjs'), 'utf8'), strategyTemplate('my-sender', false));
  assert.is(cli('init', 'strategy', 'ts-sender', '--ts', '--out', 'plans/strategies').code, 0);
  assert.is(cli('init', 'strategy', 'my-sender', '--out', 'plans/strategies').code, 2);
  const bad = cli('init', 'strategy', '../evil');
  assert.is(bad.code, 2);
  assert.match(bad.out, formatIssue(kitMsg.badName('../evil')));
});

test('the scenario and the two strategies validate and run (worker threads and --workers 0): no 130429 or 131056 from the template', () => {
  assert.is(cli('validate', 'plans/plan.json').code, 0);
  for (const workers of [[], ['--workers', '0']]) {
    const out = `out${workers.length}`;
    const r = cli('run', 'plans/plan.json', '--out', out, '--seeds', '2', ...workers);
    assert.is(r.code, 0, r.out);
    for (const name of ['my-sender', 'ts-sender']) {
      const runs = runsOf(out, name);
      assert.is(runs.length, 2);
      for (const s of runs) {
        assert.ok(s.uniqueUsersReached > 250, `${name} reaches users over the days (${s.uniqueUsersReached})`);
        assert.is(s.failedByCode['130429'] ?? 0, 0, `${name}: no throughput errors`);
        assert.is(s.failedByCode['131056'] ?? 0, 0, `${name}: no pair-rate errors`);
      }
    }
  }
});

test('the templates type-check against the kit .d.ts; so does a minimal user strategy against wabasim (source and params optional)', () => {
  writeFileSync(
    join(dir, 'minimal.ts'),
    `import type { StrategyDefinition } from 'wabasim';
const minimal: StrategyDefinition = { name: 'minimal', description: 'no source, no params', create: () => ({ onCampaignStart() {} }) };
export default minimal;
`,
  );
  writeFileSync(join(dir, 'wrong.ts'), `import { defineStrategy, integerParam } from 'wabasim/strategy-kit';\nexport default defineStrategy({ name: 'w', description: 'd', params: { n: integerParam(1, 1, 9, 'n') }, create: (p) => { const s: string = p.n; void s; return { onCampaignStart() {} }; } });\n`);
  const ok = typeCheck(['plans/strategies/ts-sender.ts', 'minimal.ts', 'plans/strategies/my-sender.mjs'], true);
  assert.is(ok.code, 0, ok.out);
  const wrong = typeCheck(['wrong.ts']);
  assert.is(wrong.code, 2, 'a number parameter read as a string does not compile');
  assert.match(wrong.out, "Type 'number' is not assignable to type 'string'");
});

test("a throw in the user's TypeScript callback exits 2 naming the strategy, the message and the file:line:col", () => {
  const path = join(dir, 'plans/strategies/ts-sender.ts');
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.includes('const queue = waiting.get(i)'));
  lines.splice(at, 0, "      if (api.now() > 0) throw new RangeError('stop here');");
  writeFileSync(path, lines.join('\n'));
  for (const workers of [[], ['--workers', '0']]) {
    const r = cli('run', 'plans/plan.json', '--out', 'thrown', '--seeds', '1', ...workers);
    assert.is(r.code, 2, r.out);
    assert.match(r.out, `strategy ts-sender threw: RangeError: stop here (at plans/strategies/ts-sender.ts:${at + 1}:${lines[at].indexOf('new RangeError') + 1})`);
    assert.not.match(r.out, '    at ', 'no stack trace');
  }
});

test.run();
