import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { UserInputError } from '../../src/errors/index.js';
import { validateScenarioData } from '../../src/scenario/index.js';

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

test('__proto__ keys never pollute Object.prototype', () => {
  const data = JSON.parse(`{"__proto__": {"polluted": true}, "overrides": {"__proto__": {"polluted": true}}, ${JSON.stringify(valid).slice(1)}`) as unknown;
  assert.throws(() => validateScenarioData(data, { file: 'x', strategyNames: ['blast'] }), (e: unknown) => e instanceof UserInputError);
  assert.is(({} as Record<string, unknown>).polluted, undefined);
});

test.run();
