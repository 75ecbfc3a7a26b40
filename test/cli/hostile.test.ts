import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formatIssue, memoryMsg, msg, UserInputError, type Issue } from '../../src/errors/index.js';
import { MAX_WORKERS } from '../../src/cli/flags.js';
import { LIMITS, loadScenario, planVariants, validateScenarioData } from '../../src/scenario/index.js';
import { estimateSweep, prepareSweep, smallestShardCount } from '../../src/run/index.js';
import { BUILTIN_NAMES } from '../../src/strategies/index.js';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const dir = mkdtempSync(join(tmpdir(), 'wabasim-hostile-'));
const valid = JSON.parse(readFileSync('scenarios/first-campaign.json', 'utf8')) as Record<string, unknown>;

function file(name: string, content: string | Buffer): string {
  const f = join(dir, name);
  writeFileSync(f, content);
  return f;
}

/** Replaces every number in `value` by `f(n)`. */
function mapNumbers(value: unknown, f: (n: number) => number): unknown {
  if (typeof value === 'number') return f(value);
  if (Array.isArray(value)) return value.map((v) => mapNumbers(v, f));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapNumbers(v, f)]));
  return value;
}

const cases: [string, () => string][] = [
  ['not JSON', () => file('words.json', 'hello, world')],
  ['an empty file', () => file('empty.json', '')],
  ['truncated JSON', () => file('truncated.json', JSON.stringify(valid).slice(0, 300))],
  ['an array instead of an object', () => file('array.json', '[1, 2, 3]')],
  ['arrays where objects belong', () => file('arrays.json', JSON.stringify({ ...valid, portfolio: [], audience: [[]] }))],
  ['binary bytes', () => file('binary.json', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)))],
  ['200,000-deep nesting', () => file('deep.json', '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000))],
  ['a 60 MB file', () => file('huge.json', `{"name": "${'x'.repeat(60 * 1024 * 1024)}"}`)],
  ['__proto__ and constructor keys', () => file('proto.json', `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, ${JSON.stringify(valid).slice(1)}`)],
  ['a patch into __proto__', () => file('proto-patch.json', JSON.stringify({ ...valid, variants: [{ name: 'v', patch: { '/__proto__/polluted': true, '/audience/__proto__/polluted': true } }] }))],
  ['huge numbers everywhere', () => file('huge-numbers.json', JSON.stringify(mapNumbers(valid, () => 1e308)))],
  ['negative numbers everywhere', () => file('negative.json', JSON.stringify(mapNumbers(valid, (n) => -n - 1)))],
  ['an unknown strategy', () => file('strategy.json', JSON.stringify({ ...valid, strategies: ['teleport'] }))],
  ['a strategy module that does not exist', () => file('module.json', JSON.stringify({ ...valid, strategies: ['./no/such/strategy.mjs'] }))],
  ['a module that does not export a strategy', () => {
    file('not-a-strategy.mjs', 'export const answer = 42;\n');
    return file('bad-module.json', JSON.stringify({ ...valid, strategies: ['./not-a-strategy.mjs'] }));
  }],
  ['a strategy module outside the scenario\'s directory (test/cli/strategy-paths.test.ts)', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'wabasim-elsewhere-'));
    writeFileSync(join(elsewhere, 'evil.mjs'), "throw new Error('imported');\n");
    return file('outside.json', JSON.stringify({ ...valid, strategies: [join(elsewhere, 'evil.mjs'), '../../etc/evil.mjs'] }));
  }],
  ['a directory instead of a file', () => {
    const d = join(dir, 'a-directory.json');
    mkdirSync(d, { recursive: true });
    return d;
  }],
];

for (const [name, make] of cases) {
  test(`hostile input: ${name} → a clear message, exit 2, no stack trace, nothing written, in seconds`, () => {
    const input = make();
    const out = mkdtempSync(join(tmpdir(), 'wabasim-out-'));
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--max-old-space-size=512', BIN, 'run', input, '--out', out], { encoding: 'utf8', timeout: 20_000 });
    const seconds = (performance.now() - started) / 1000;
    assert.is(r.status, 2, r.stderr);
    assert.match(r.stderr, /expected .+, found /);
    assert.not.match(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
    assert.equal(readdirSync(out), [], 'nothing written');
    assert.ok(seconds < 5, `${seconds.toFixed(1)} s`);
  });
}

/** Runs the CLI (through `sh -c` when `pipe` feeds its stdin) and returns its exit code and stderr. */
function cli(args: readonly string[], pipe?: string): { status: number | null; stderr: string } {
  const r = pipe
    ? spawnSync('sh', ['-c', `${pipe} | "${process.execPath}" "${BIN}" ${args.join(' ')}`], { encoding: 'utf8', timeout: 20_000 })
    : spawnSync(process.execPath, ['--max-old-space-size=512', BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { status: r.status, stderr: r.stderr };
}

const scenario = (name: string, data: unknown): string => file(name, JSON.stringify(data, null, 2));
const patched = (name: string, patch: Record<string, unknown>): string => scenario(name, { ...valid, variants: [{ name: 'v', patch }] });
const segments = (valid.audience as { segments: unknown[] }).segments.length;
const strategies = (valid.strategies as unknown[]).length;

/** Issue 18: each measured complaint → exit 2 and exactly the catalogue's message. */
const precise: [string, () => { args: string[]; pipe?: string; issues: Issue[] }][] = [
  ['validate /dev/zero is refused before reading (the size limit holds for devices)', () => ({ args: ['validate', '/dev/zero'], issues: [msg.notRegularFile('/dev/zero', 'a character device')] })],
  ['an endless pipe is read only up to the limit', () => ({ args: ['validate', '/dev/stdin'], pipe: 'cat /dev/zero', issues: [msg.tooLargeUnsized('/dev/stdin', LIMITS.maxFileBytes)] })],
  ['a patch index far past the end of a list', () => {
    const f = patched('patch-huge.json', { '/audience/segments/99999999': {} });
    return { args: ['run', f], issues: [msg.badPatchIndex(f, '/variants/0/patch/~1audience~1segments~199999999', '/audience/segments', segments, '99999999')] };
  }],
  ['a patch of a list\'s length', () => {
    const f = patched('patch-length.json', { '/audience/segments/length': 0 });
    return { args: ['validate', f], issues: [msg.badPatchIndex(f, '/variants/0/patch/~1audience~1segments~1length', '/audience/segments', segments, 'length')] };
  }],
  ['a patch appending with -', () => {
    const f = patched('patch-dash.json', { '/strategies/-': 'blast' });
    return { args: ['validate', f], issues: [msg.badPatchIndex(f, '/variants/0/patch/~1strategies~1-', '/strategies', strategies, '-')] };
  }],
  ['one bad patch gives one problem', () => {
    const f = patched('patch-2000.json', { '/audience/segments/2000': {} });
    return { args: ['validate', f], issues: [msg.badPatchIndex(f, '/variants/0/patch/~1audience~1segments~12000', '/audience/segments', segments, '2000')] };
  }],
  ['--seeds 1e9', () => ({ args: ['run', 'scenarios/first-campaign.json', '--seeds', '1e9'], issues: [msg.badFlag('--seeds', `an integer in [1, ${LIMITS.maxSeeds}]`, '1e9')] })],
  ['--seeds 10001', () => ({ args: ['run', 'scenarios/first-campaign.json', '--seeds', String(LIMITS.maxSeeds + 1)], issues: [msg.badFlag('--seeds', `an integer in [1, ${LIMITS.maxSeeds}]`, String(LIMITS.maxSeeds + 1))] })],
  ['--seed 1e300 --seeds 5 (five seeds that would all be the same number)', () => ({
    args: ['run', 'scenarios/first-campaign.json', '--seed', '1e300', '--seeds', '5'],
    issues: [msg.badFlag('--seed', `an integer in [0, ${Number.MAX_SAFE_INTEGER - 4}] (so that seed + seeds − 1 stays a safe integer and the seeds distinct)`, '1e300')],
  })],
  ['--workers abc names what was typed, not null', () => ({ args: ['run', 'scenarios/first-campaign.json', '--workers', 'abc'], issues: [msg.badFlag('--workers', `an integer in [0, ${MAX_WORKERS}]`, 'abc')] })],
  ['--shard past the most runs', () => ({ args: ['run', 'scenarios/first-campaign.json', `--shard=1/${LIMITS.maxRuns + 1}`], issues: [msg.badFlag('--shard', `i/n with 1 ≤ i ≤ n ≤ ${LIMITS.maxRuns}, e.g. 2/8`, `1/${LIMITS.maxRuns + 1}`)] })],
  ['events --seed past 2^53 − 1', () => ({ args: ['events', 'scenarios/first-campaign.json', '--strategy', 'blast', '--seed', '1e300'], issues: [msg.badFlag('--seed', `an integer in [0, ${Number.MAX_SAFE_INTEGER}]`, '1e300')] })],
  ['a syntax error gives the line and column', () => {
    const f = file('syntax.json', JSON.stringify(valid, null, 2).replace('"seeds": 5,', '"seeds": 5,,'));
    const line = JSON.stringify(valid, null, 2).split('\n').findIndex((l) => l.includes('"seeds": 5,')) + 1;
    return { args: ['validate', f], issues: [msg.jsonSyntax(f, '', line, 14, '"," where a key in double quotes belongs')] };
  }],
  ['a duplicate key', () => {
    const f = file('dup.json', JSON.stringify(valid, null, 2).replace('"seeds": 5,', '"seeds": 5,\n  "seeds": 500,'));
    const line = JSON.stringify(valid, null, 2).split('\n').findIndex((l) => l.includes('"seeds": 5,')) + 1;
    return { args: ['validate', f], issues: [msg.duplicateKey(f, '/seeds', 'seeds', line + 1, line)] };
  }],
  ['an unknown key gets a "did you mean"', () => {
    const f = scenario('typo.json', { ...valid, sedes: 3 });
    return { args: ['validate', f], issues: [msg.unknownKey(f, '', 'sedes', Object.keys(JSON.parse(readFileSync('schema/scenario.schema.json', 'utf8')).properties))] };
  }],
  ['a negative sd', () => {
    const data = structuredClone(valid) as { audience: { segments: Record<string, unknown>[] } };
    data.audience.segments[0].readProbability = { normal: { mean: 0.5, sd: -1, min: 0, max: 1 } };
    const f = scenario('negative-sd.json', data);
    return { args: ['validate', f], issues: [msg.negativeSd(f, '/audience/segments/0/readProbability/normal/sd', -1)] };
  }],
];

for (const [name, make] of precise) {
  test(`hostile input: ${name} → exit 2 and exactly the catalogue's message`, () => {
    const { args, pipe, issues } = make();
    const r = cli(args, pipe);
    assert.is(r.status, 2, r.stderr);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.slice(2));
    assert.equal(lines, issues.map(formatIssue));
    assert.not.match(r.stderr, /\n\s+at .+:\d+:\d+/, 'no stack trace');
  });
}

test('hostile input: 10,000 seeds × 366 days of the default scenario is refused at once, with a shard count that fits', async () => {
  const data = JSON.parse(readFileSync('scenarios/default.json', 'utf8')) as Record<string, unknown>;
  delete data.$schema;
  const f = scenario('year.json', { ...data, horizonDays: LIMITS.maxHorizonDays });
  // the expected figures, from the estimate itself (every limit is respected: 80,000 runs ≤ LIMITS.maxRuns)
  const started = performance.now();
  const s = loadScenario(f, BUILTIN_NAMES);
  const setup = await prepareSweep(s, f, planVariants(s, { file: f, strategyNames: BUILTIN_NAMES }), { seeds: LIMITS.maxSeeds });
  const estimate = estimateSweep(setup.plan, setup.plan.map((_, i) => i), 2);
  const count = smallestShardCount(setup.plan, 2, LIMITS.maxResultsBytes);
  const checkSeconds = (performance.now() - started) / 1000;
  assert.ok(count !== undefined && count > 1);
  const issue = memoryMsg.sweepTooLarge(f, '/seeds', estimate, LIMITS.maxResultsBytes, { kind: 'shards', count: count! });
  const out = mkdtempSync(join(tmpdir(), 'wabasim-out-'));
  const t0 = performance.now();
  const r = cli(['run', f, '--seeds', String(LIMITS.maxSeeds), '--workers', '2', '--out', out]);
  const seconds = (performance.now() - t0) / 1000;
  assert.is(r.status, 2, r.stderr);
  assert.equal(r.stderr.split('\n').filter((l) => l.startsWith('  ')).map((l) => l.slice(2)), [formatIssue(issue)]);
  assert.equal(readdirSync(out), [], 'nothing written');
  // load, plan and estimate take a fraction of a second; the rest of the CLI's time is node starting and loading modules
  assert.ok(checkSeconds < 0.5, `${checkSeconds.toFixed(2)} s to plan and estimate`);
  assert.ok(seconds < 3, `${seconds.toFixed(1)} s for the whole command`);
  // the suggested shards pass the same check on their slices
  for (const index of [1, count!]) assert.ok(estimateSweep(setup.plan, setup.plan.map((_, i) => i).filter((i) => i % count! === index - 1), 2).bytes <= LIMITS.maxResultsBytes);
});

test('a file starting with a UTF-8 byte-order mark is valid', () => {
  const f = file('bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(valid))]));
  const r = cli(['validate', f]);
  assert.is(r.status, 0, r.stderr);
});

test('__proto__ keys never pollute Object.prototype', () => {
  const data = JSON.parse(`{"__proto__": {"polluted": true}, "overrides": {"__proto__": {"polluted": true}}, ${JSON.stringify(valid).slice(1)}`) as unknown;
  assert.throws(() => validateScenarioData(data, { file: 'x', strategyNames: ['blast'] }), (e: unknown) => e instanceof UserInputError);
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

test.run();
