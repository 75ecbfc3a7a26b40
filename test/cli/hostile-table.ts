/**
 * The hostile and careless situations of issue 18, run end to end through the CLI, printed as a
 * Markdown table: situation, exit code, seconds, the first line the user reads. Not a test (the
 * assertions live in hostile.test.ts, write.test.ts, merge.test.ts, watchdog.test.ts,
 * strategy-paths.test.ts, baseline.test.ts and test/run/strategy-realm.test.ts): a record of what
 * a user sees today.
 *   npm run build && node dist/test/cli/hostile-table.js
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const dir = mkdtempSync(join(tmpdir(), 'wabasim-table-'));
const valid = JSON.parse(readFileSync('scenarios/first-campaign.json', 'utf8')) as Record<string, unknown>;
const file = (name: string, content: string | Buffer): string => {
  const f = join(dir, name);
  mkdirSync(join(f, '..'), { recursive: true });
  writeFileSync(f, content);
  return f;
};
const scenario = (name: string, data: Record<string, unknown>): string => file(name, JSON.stringify({ ...valid, ...data }, null, 2));
const patched = (name: string, patch: Record<string, unknown>): string => scenario(name, { variants: [{ name: 'v', patch }] });
const out = (): string => mkdtempSync(join(dir, 'out-'));
const withModule = (name: string, source: string, extra: Record<string, unknown> = {}): string => {
  file(`${name}.mjs`, source);
  return scenario(`${name}.json`, { horizonDays: 1, seeds: 2, strategies: [`./${name}.mjs`], ...extra });
};
const MODULE = (body: string): string => `export default { name: 'x', description: 'x', create() { return { onCampaignStart(api) { api.wakeAt(api.now() + 1000, 'w'); }, onWake(api) { ${body} } }; } };\n`;

interface Situation {
  readonly args: readonly string[];
  readonly pipe?: string;
  /** Send this signal after `after` ms. */
  readonly signal?: { readonly name: NodeJS.Signals; readonly after: number };
  /** What to show besides the exit code (default: the first line of stderr). */
  readonly note?: () => string;
}

/** Shards of first-campaign.json for the merge situations. */
function shards(): [string, string] {
  const o = out();
  for (const i of [1, 2]) spawnSync(process.execPath, [BIN, 'run', 'scenarios/first-campaign.json', '--seeds', '2', '--shard', `${i}/2`, '--out', o]);
  return [join(o, 'results.shard-1-of-2.json'), join(o, 'results.shard-2-of-2.json')];
}
function editShard(shard: string, name: string, edit: (s: Record<string, any>) => void): string {
  const s = JSON.parse(readFileSync(shard, 'utf8'));
  edit(s);
  return file(name, JSON.stringify(s));
}

const situations: [string, () => Situation][] = [
  ['validate a downloaded scenario whose module (outside its tree) throws on import', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'wabasim-elsewhere-'));
    writeFileSync(join(elsewhere, 'evil.mjs'), "import { writeFileSync } from 'node:fs'; writeFileSync('/tmp/wabasim-pwned', 'x');\n");
    return { args: ['validate', scenario('dl.json', { strategies: [join(elsewhere, 'evil.mjs')] })], note: () => `validate ran no code: ${existsSync('/tmp/wabasim-pwned') ? 'NO' : 'yes'}` };
  }],
  ['run a scenario naming a module by absolute path outside its tree', () => ({ args: ['run', scenario('abs.json', { strategies: ['/etc/evil.mjs'] }), '--out', out()] })],
  ['run a scenario naming ../../ a module outside its tree', () => ({ args: ['run', scenario('sub/rel.json', { strategies: ['../../evil.mjs'] }), '--out', out()] })],
  ['a strategy patches Map.prototype.get to read hidden state', () => ({ args: ['run', 'test/fixtures/realm/patch.json', '--out', out()] })],
  ['a strategy callback loops forever', () => ({ args: ['run', 'test/fixtures/watchdog/loop-on-wake.json', '--out', out(), '--callback-timeout', '2'] })],
  ['a loop in create(), SIGTERM after 1 s', () => {
    copyFileSync('test/fixtures/watchdog/strategies/loop-in-create.mjs', join(dir, 'loop-in-create.mjs'));
    return { args: ['run', scenario('create-loop.json', { strategies: ['./loop-in-create.mjs'] }), '--out', out(), '--callback-timeout', '0'], signal: { name: 'SIGTERM', after: 1000 } };
  }],
  ['SIGINT 1.5 s into an in-process (--workers 0) built-in run of large.json', () => ({ args: ['run', 'scenarios/large.json', '--workers', '0', '--seeds', '1', '--out', out()], signal: { name: 'SIGINT', after: 1500 } })],
  ['SIGINT during a worker run of default.json', () => ({ args: ['run', 'scenarios/default.json', '--out', out()], signal: { name: 'SIGINT', after: 1500 } })],
  ['--out /proc/x', () => ({ args: ['run', 'scenarios/first-campaign.json', '--out', '/proc/x'] })],
  ['--out pointing at a file (before the sweep)', () => ({ args: ['run', 'scenarios/large.json', '--out', file('a-file', 'x')] })],
  ['10,000 seeds × 366 days', () => ({ args: ['run', scenario('big.json', { seeds: 10000, horizonDays: 366 }), '--out', out()] })],
  ['a patch pointer /audience/segments/99999999', () => ({ args: ['run', patched('p1.json', { '/audience/segments/99999999': {} }), '--out', out()] })],
  ['validate /dev/zero', () => ({ args: ['validate', '/dev/zero'] })],
  ['validate an endless pipe', () => ({ args: ['validate', '/dev/stdin'], pipe: 'cat /dev/zero' })],
  ['--seeds 1e9', () => ({ args: ['run', 'scenarios/first-campaign.json', '--seeds', '1e9'] })],
  ['--seeds 10001', () => ({ args: ['run', 'scenarios/first-campaign.json', '--seeds', '10001'] })],
  ['--seed 1e300 --seeds 5', () => ({ args: ['run', 'scenarios/first-campaign.json', '--seed', '1e300', '--seeds', '5'] })],
  ['--workers abc', () => ({ args: ['run', 'scenarios/first-campaign.json', '--workers', 'abc'] })],
  ['--shard 3/2', () => ({ args: ['run', 'scenarios/first-campaign.json', '--shard', '3/2'] })],
  ['merge: planSize 1e9', () => { const [a, b] = shards(); return { args: ['merge', editShard(a, 'm1.json', (s) => (s.shard.planSize = 1e9)), b, '--out', join(out(), 'm.json')] }; }],
  ['merge: a tampered value', () => { const [a, b] = shards(); return { args: ['merge', editShard(a, 'm2.json', (s) => (s.runs[0].summary.delivered += 1000)), b, '--out', join(out(), 'm.json')] }; }],
  ['merge: a run replaced by {}', () => { const [a, b] = shards(); return { args: ['merge', editShard(a, 'm3.json', (s) => (s.runs[0] = {})), b, '--out', join(out(), 'm.json')] }; }],
  ['merge: zero runs', () => { const [a, b] = shards(); return { args: ['merge', editShard(a, 'm4.json', (s) => (s.runs = [])), b, '--out', join(out(), 'm.json')] }; }],
  ['baseline record a/x.json b/x.json', () => ({ args: ['baseline', 'record', scenario('a/x.json', {}), scenario('b/x.json', {}), '--dir', out()] })],
  ['an async callback', () => ({ args: ['run', 'test/fixtures/realm/async.json', '--out', out()] })],
  ['Math.random in a strategy', () => ({ args: ['run', 'test/fixtures/realm/random.json', '--out', out()] })],
  ['new Date() in a strategy', () => ({ args: ['run', withModule('new-date', MODULE('new Date();')), '--out', out()] })],
  ['process.exit in a strategy', () => ({ args: ['run', 'test/fixtures/realm/exit.json', '--out', out()] })],
  ['create() that throws on its second call', () => ({ args: ['run', withModule('create-throws', "let n = 0; export default { name: 'x', description: 'x', create() { if (n++) throw new Error('second create'); return { onCampaignStart() {} }; } };\n"), '--out', out()] })],
  ['a thrown object whose toString throws', () => ({ args: ['run', withModule('bad-throw', MODULE("throw { toString() { throw new Error('no'); } };")), '--out', out()] })],
  ['a TypeScript strategy with a syntax error', () => {
    file('typed.ts', "const n: number = ;\nexport default { name: 'x', description: 'x', create() { return { onCampaignStart() {} }; } };\n");
    return { args: ['run', scenario('typed.json', { horizonDays: 1, strategies: ['./typed.ts'] }), '--out', out()] };
  }],
  ['a patch of /audience/segments/length', () => ({ args: ['validate', patched('p2.json', { '/audience/segments/length': 0 })] })],
  ['a patch appending /strategies/-', () => ({ args: ['validate', patched('p3.json', { '/strategies/-': 'blast' })] })],
  ['one bad patch (/audience/segments/2000)', () => ({ args: ['validate', patched('p4.json', { '/audience/segments/2000': {} })], note: () => '' })],
  ['a byte-order mark', () => ({ args: ['validate', file('bom.json', `\uFEFF${JSON.stringify(valid)}`)] })],
  ['duplicate keys', () => ({ args: ['validate', file('dup.json', JSON.stringify(valid, null, 2).replace('"seeds": 5,', '"seeds": 5,\n  "seeds": 500,'))] })],
  ['an unknown key (typo)', () => ({ args: ['validate', scenario('typo.json', { sedes: 3 })] })],
  ['a negative sd', () => {
    const data = structuredClone(valid) as { audience: { segments: Record<string, unknown>[] } };
    data.audience.segments[0].readProbability = { normal: { mean: 0.5, sd: -1, min: 0, max: 1 } };
    return { args: ['validate', file('sd.json', JSON.stringify(data))] };
  }],
  ['report from results of another version', () => {
    const o = out();
    spawnSync(process.execPath, [BIN, 'run', 'scenarios/first-campaign.json', '--seeds', '1', '--out', o]);
    const r = JSON.parse(readFileSync(join(o, 'results.json'), 'utf8'));
    return { args: ['report', file('old.json', JSON.stringify({ ...r, wabasim: '0.0.9' })), '--out', join(o, 'old.html')] };
  }],
];

/** Runs one situation; returns exit code (or signal), seconds and stderr. */
function execute(s: Situation): Promise<{ code: string; seconds: number; stderr: string; files: string[] }> {
  const o = s.args[s.args.indexOf('--out') + 1];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = s.pipe ? spawn('sh', ['-c', `${s.pipe} | "${process.execPath}" "${BIN}" ${s.args.join(' ')}`]) : spawn(process.execPath, [BIN, ...s.args]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const timer = s.signal ? setTimeout(() => child.kill(s.signal!.name), s.signal.after) : undefined;
    const limit = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(limit);
      const seconds = (performance.now() - started) / 1000 - (s.signal ? s.signal.after / 1000 : 0);
      const files = s.args.includes('--out') && existsSync(o) && statSync(o).isDirectory() ? readdirSync(o) : [];
      resolve({ code: code === null ? String(signal) : String(code), seconds, stderr, files });
    });
  });
}

const rows: string[] = ['| # | situation | exit | seconds | what the user reads |', '|---|---|---|---|---|'];
let i = 0;
for (const [name, make] of situations) {
  const s = make();
  const r = await execute(s);
  const lines = r.stderr.split('\n').map((l) => l.trim()).filter((l) => l && !/^\d+ problems? (found|in )/.test(l));
  const said = (s.note?.() || lines[0] || '(nothing on stderr)').slice(0, 160).replace(/\|/g, '\\|');
  const extra = r.files.length ? ` [written: ${r.files.join(', ')}]` : '';
  rows.push(`| ${++i} | ${name} | ${r.code} | ${r.seconds.toFixed(1)}${s.signal ? ` after ${s.signal.name}` : ''} | ${said}${extra} |`);
  process.stderr.write('.');
}
process.stdout.write(`\n${rows.join('\n')}\n`);
