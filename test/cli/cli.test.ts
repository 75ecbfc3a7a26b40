import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('validate: a good scenario exits 0', () => {
  const r = cli('validate', 'scenarios/first-campaign.json');
  assert.is(r.status, 0);
  assert.match(r.stdout, 'ok  scenarios/first-campaign.json');
});

test('validate: a broken scenario lists every problem with its pointer, exits 2, no stack trace', () => {
  const r = cli('validate', 'test/fixtures/bad-refs_broken.json');
  assert.is(r.status, 2);
  assert.match(r.stderr, '9 problems');
  assert.match(r.stderr, '/campaigns/0/template: expected the id of a template (promo), found "promo-typo"');
  assert.not.match(r.stderr, /\bat .*\.js:\d+/);
});

test('a missing or unknown argument exits 2 with the parser\'s message, and the command does not run', () => {
  for (const [args, message] of [
    [['events', 'scenarios/first-campaign.json', '--seed', '1'], 'Missing required argument: strategy'],
    [['run', 'scenarios/first-campaign.json', '--bogus'], 'Unknown argument: bogus'],
    [['frobnicate'], 'Unknown argument: frobnicate'],
  ] as const) {
    const r = cli(...args);
    assert.is(r.status, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.not.match(r.stderr, /internal error|\bat .*\.js:\d+/);
    assert.is(r.stdout, '');
  }
});

test('run: a missing file exits 2 and writes nothing', () => {
  const out = mkdtempSync(join(tmpdir(), 'wabasim-cli-'));
  const r = cli('run', 'no/such/file.json', '--out', out);
  assert.is(r.status, 2);
  assert.match(r.stderr, 'no/such/file.json: (document): expected a readable JSON file, found no such file');
  assert.not.ok(existsSync(join(out, 'results.json')));
});

test('run: bad flags exit 2', () => {
  assert.is(cli('run', 'scenarios/first-campaign.json', '--seeds', '-4').status, 2);
  assert.is(cli('run', 'scenarios/first-campaign.json', '--seeds', 'many').status, 2);
  assert.is(cli('frobnicate').status, 2);
  assert.is(cli('run', 'scenarios/first-campaign.json', '--strategy', 'nope').status, 2);
});

test('run: writes results.json and prints a summary table; --json prints JSON', () => {
  const out = mkdtempSync(join(tmpdir(), 'wabasim-cli-'));
  const r = cli('run', 'scenarios/first-campaign.json', '--seeds', '2', '--out', out, '--json');
  assert.is(r.status, 0, r.stderr);
  const printed = JSON.parse(r.stdout) as { summary: { strategy: string }[] };
  assert.is(printed.summary[0].strategy, 'blast');
  const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8')) as { runs: unknown[] };
  assert.is(results.runs.length, 2);
});

test('schema prints the JSON Schema; list policies --params shows sources and labels', () => {
  const schema = JSON.parse(cli('schema').stdout) as { title: string };
  assert.is(schema.title, 'wabasim scenario');
  const params = JSON.parse(cli('list', 'policies', '--params', '--json').stdout) as { path: string; label: string; source: string }[];
  const window = params.find((p) => p.path === 'limits.windowHours');
  assert.is(window?.label, 'documented');
  assert.ok(params.every((p) => p.source.length > 0));
});

test('a reader that stops early (`| head`) ends the command quietly with exit 0, no EPIPE stack trace', () => {
  const direct = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" list policies --params --json | head -c 10 > /dev/null; echo \${PIPESTATUS[0]}`], { encoding: 'utf8' });
  assert.is(direct.stdout.trim(), '0');
  assert.not.match(direct.stderr, 'EPIPE');
});

test.run();
