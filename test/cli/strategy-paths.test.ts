/**
 * The threat model of strategy modules (README "Threat model", issue 18 item 1): `validate` runs
 * no code; a scenario loads modules only from its own directory tree unless
 * --allow-strategy-path allows another directory; --strategy on the command line may name any
 * path. Each case runs the real CLI. A module cannot leave a marker file behind (it runs in a
 * hardened realm without Node's modules), so "it ran" is read from the results, and "it was not
 * even read" from a broken module that `validate` passes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, msg } from '../../src/errors/index.js';
import { ALLOW_FLAG } from '../../src/run/index.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const root = realpathSync(mkdtempSync(join(tmpdir(), 'wabasim-paths-')));
/** The scenarios' directory (their tree) and a directory beside it, outside the tree. */
const tree = join(root, 'scenarios');
const outside = join(root, 'elsewhere');
const base = JSON.parse(readFileSync('scenarios/user-strategy.json', 'utf8')) as Record<string, unknown>;

/**
 * A strategy module named `marking`. It cannot leave a file behind (strategy code runs in a
 * hardened compartment without Node's modules, strategy-realm.ts): that it ran shows in the
 * results, and that it was not even read shows when a broken copy (`broken`) passes `validate`.
 */
function markingModule(broken = false): string {
  return `${broken ? 'export default {;\n' : ''}export default {
  name: 'marking', description: 'sends one message',
  create() { return { onCampaignStart(api, c) { api.sendTemplate(c.number, c.first, c.template); } }; },
};
`;
}

/** Writes a marking module at `path` (a broken one with `broken`); returns `path`. */
function moduleAt(path: string, broken = false): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, markingModule(broken));
  return path;
}

/** Whether the results in `dir` show the marking module's runs. */
function ranMarking(dir: string): boolean {
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { runs: { strategy: string }[] };
  return results.runs.some((r) => r.strategy === 'marking');
}

/** A small scenario in the tree naming `blast` and the module `ref`. */
function scenario(name: string, ref: string): string {
  const f = join(tree, name);
  mkdirSync(tree, { recursive: true });
  writeFileSync(f, JSON.stringify({ ...base, $schema: undefined, seeds: 1, horizonDays: 1, audience: { segments: [{ id: 'subscribers', size: 50 }] }, strategies: ['blast', ref] }));
  return f;
}

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 60_000 });
}

/** A fresh output directory for `run` / `baseline`. */
const out = (): string => mkdtempSync(join(tmpdir(), 'wabasim-paths-out-'));

/** The refusal of module `path` named at /strategies/1 of `file` (the catalogue's message, as printed). */
const refusal = (file: string, path: string): string => formatIssue(msg.strategyModuleOutside(file, '/strategies/1', path, tree, ALLOW_FLAG));

test('validate runs no code: a module inside the tree is located but never read (a broken one passes); run loads it', () => {
  const path = moduleAt(join(tree, 'strategies', 'broken.mjs'), true);
  const f = scenario('inside.json', './strategies/broken.mjs');
  const v = cli('validate', f);
  assert.is(v.status, 0, v.stderr);
  assert.is(v.stdout, `ok  ${f}\n`);
  const r = cli('run', f, '--out', out(), '--workers', '0');
  assert.is(r.status, 2, 'run reads the module');
  assert.ok(r.stderr.includes(`${path}: SyntaxError`), r.stderr);
  moduleAt(join(tree, 'strategies', 'marking.mjs'));
  const dir = out();
  const ok = cli('run', scenario('inside-ok.json', './strategies/marking.mjs'), '--out', dir, '--workers', '0');
  assert.is(ok.status, 0, ok.stderr);
  assert.ok(ranMarking(dir));
});

test('validate still reports a module path that does not exist, without importing anything', () => {
  const f = scenario('missing.json', './strategies/no-such.mjs');
  const v = cli('validate', f);
  assert.is(v.status, 2);
  assert.ok(v.stderr.includes(formatIssue(msg.strategyModuleMissing(f, '/strategies/1', join(tree, 'strategies', 'no-such.mjs'), tree))), v.stderr);
});

/** How a scenario escapes its tree, and whether every command is tried on it (else validate and run). */
const escapes: [string, string, (path: string) => string, boolean][] = [
  ['an absolute path', 'absolute', (path) => path, true],
  ['a ../ escape', 'dotdot', () => '../elsewhere/escape.mjs', false],
];

for (const [what, id, ref, everyCommand] of escapes) {
  test(`${what} out of the scenario's tree is refused${everyCommand ? ' by validate, run, events and baseline' : ''}: exit 2, the catalogue's message, nothing imported or written`, () => {
    const path = moduleAt(join(outside, 'escape.mjs'));
    const f = scenario(`escape-${id}.json`, ref(path));
    const dir = out();
    const commands = [['validate', f], ['run', f, '--out', dir, '--workers', '0'], ['events', f, '--strategy', ref(path), '--seed', '1'], ['baseline', 'record', f, '--dir', dir]];
    for (const args of everyCommand ? commands : commands.slice(0, 2)) {
      const r = cli(...args);
      assert.is(r.status, 2, `${args[0]}: ${r.stderr}`);
      assert.ok(r.stderr.includes(refusal(f, path)), `${args[0]}: ${r.stderr}`);
      assert.ok(r.stderr.includes(`pass ${ALLOW_FLAG} DIR`));
      assert.not.match(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    }
    assert.not.ok(existsSync(join(dir, 'results.json')));
  });

  test(`${what} out of the tree is allowed by --allow-strategy-path naming its directory${everyCommand ? ' (validate, run on worker threads, events, baseline)' : ''}`, () => {
    const path = moduleAt(join(outside, 'escape.mjs'));
    const f = scenario(`allowed-${id}.json`, ref(path));
    const v = cli('validate', f, ALLOW_FLAG, outside);
    assert.is(v.status, 0, v.stderr);
    if (!everyCommand) return;
    const dir = out();
    const r = cli('run', f, ALLOW_FLAG, outside, '--out', dir, '--workers', '2'); // worker threads resolve it again, with the same allowance
    assert.is(r.status, 0, r.stderr);
    assert.ok(ranMarking(dir));
    const e = cli('events', f, '--strategy', ref(path), '--seed', '1', ALLOW_FLAG, outside);
    assert.is(e.status, 0, e.stderr);
    const b = cli('baseline', 'record', f, '--dir', out(), ALLOW_FLAG, outside);
    assert.is(b.status, 0, b.stderr);
  });
}

test('a symlink inside the tree that points out of it is refused, naming where it leads', () => {
  const target = moduleAt(join(outside, 'linked.mjs'));
  const link = join(tree, 'strategies', 'linked.mjs');
  mkdirSync(join(link, '..'), { recursive: true });
  rmSync(link, { force: true });
  symlinkSync(target, link);
  const f = scenario('symlink.json', './strategies/linked.mjs');
  const r = cli('run', f, '--out', out(), '--workers', '0');
  assert.is(r.status, 2, r.stderr);
  assert.ok(r.stderr.includes(refusal(f, `${link} (a link to ${target})`)), r.stderr);
  assert.is(cli('validate', f, ALLOW_FLAG, outside).status, 0, 'allowed: the real file lies in an allowed directory');
});

test('--strategy on the command line is the user\'s choice: a module anywhere runs', () => {
  const path = moduleAt(join(outside, 'chosen.mjs'));
  const f = scenario('chosen.json', './strategies/no-such.mjs'); // the scenario's own list is replaced
  const dir = out();
  const r = cli('run', f, '--strategy', path, '--out', dir, '--workers', '0');
  assert.is(r.status, 0, r.stderr);
  assert.ok(ranMarking(dir));
  const e = cli('events', f, '--strategy', path, '--seed', '1');
  assert.is(e.status, 0, e.stderr);
});

test('an --allow-strategy-path that is not a directory is a flag error, exit 2', () => {
  const f = scenario('flag.json', './strategies/marking.mjs');
  const r = cli('validate', f, ALLOW_FLAG, join(root, 'no-such-dir'));
  assert.is(r.status, 2);
  assert.ok(r.stderr.includes(formatIssue(msg.badFlag(ALLOW_FLAG, 'an existing directory', join(root, 'no-such-dir')))), r.stderr);
});

test.run();
