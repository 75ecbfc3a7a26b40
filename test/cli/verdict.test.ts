/**
 * The verdict through the CLI (issue 19): `run` prints it after the summary, `--json` carries it,
 * the report opens with it, and a bad `objective` is a clear exit 2 from `validate`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');
const cli = (...args: string[]): { status: number | null; stdout: string; stderr: string } => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
};

const base = JSON.parse(readFileSync('scenarios/first-campaign.json', 'utf8')) as Record<string, unknown>;
const dir = mkdtempSync(join(tmpdir(), 'wabasim-verdict-'));
const write = (name: string, extra: Record<string, unknown>): string => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify({ ...base, $schema: undefined, seeds: 3, horizonDays: 2, strategies: ['blast', 'tier-aware'], ...extra }));
  return file;
};

test('run prints the verdict under the objective, and the report opens with it', () => {
  const file = write('v.json', { objective: { maximise: 'delivered', maxRestrictionRisk: 0.34 } });
  const out = join(dir, 'out');
  const r = cli('run', file, '--out', out, '--workers', '0');
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, 'Verdict (maximise delivered, with a number restricted in at most 34% of runs and banned in at most 5%):');
  assert.match(r.stdout, /Recommended: (blast|tier-aware) — [\d,.]+ messages delivered \(mean of 3 runs\)/);
  assert.match(r.stdout, /vs (blast|tier-aware): [+−-]?[\d,.]+ \(95% interval .* paired over 3 seeds\)/);
  const html = readFileSync(join(out, 'report.html'), 'utf8');
  const verdictAt = html.indexOf('<section id="verdict"');
  assert.ok(verdictAt > 0 && verdictAt < html.indexOf('id="kpis"'), 'the verdict comes before the key numbers');
  const json = JSON.parse(cli('run', file, '--out', out, '--workers', '0', '--json').stdout) as { verdicts: { recommended: string; objective: { metric: string } }[] };
  assert.is(json.verdicts[0].objective.metric, 'delivered');
  assert.ok(['blast', 'tier-aware'].includes(json.verdicts[0].recommended));
});

test('validate: an objective naming no metric of results.json, or both directions, is exit 2 with the pointer and a suggestion', () => {
  const r = cli('validate', write('bad.json', { objective: { maximise: 'uniqueUserReached', minimise: 'failed' } }));
  assert.is(r.status, 2);
  assert.match(r.stderr, '/objective/minimise: expected one of "maximise" or "minimise", found both');
  assert.match(r.stderr, /\/objective\/maximise: expected a run-summary metric .* found "uniqueUserReached" \(did you mean "uniqueUsersReached"\?\)/);
  assert.is(cli('validate', write('ok.json', { objective: { minimise: 'failedByCode.131049' } })).status, 0);
});

test.run();
