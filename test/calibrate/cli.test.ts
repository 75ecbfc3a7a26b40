/**
 * `wabasim calibrate` from the command line: the sample log gives a fragment and a report (exit
 * 0) and the bundled calibrated scenario is what `--scenario` builds from it; a wrong file exits
 * 2 with a message and no stack trace. --no-hidden keeps it fast once the hidden-rate inference is wired.
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
const out = mkdtempSync(join(tmpdir(), 'wabasim-calibrate-cli-'));

test('the sample log: exit 0, a fragment and a report; --scenario rebuilds scenarios/calibrated-example.json', () => {
  const r = cli('calibrate', 'examples/webhooks-sample.jsonl', '--no-hidden', '--out', join(out, 'fragment'));
  assert.is(r.status, 0, r.stderr);
  assert.match(r.stdout, 'segment all: 1500 recipients');
  const fragment = JSON.parse(readFileSync(join(out, 'fragment', 'calibrated.json'), 'utf8'));
  assert.ok('beta' in fragment.audience.segments[0].readProbability);
  assert.match(readFileSync(join(out, 'fragment', 'calibration.html'), 'utf8'), '<svg');
  const s = cli('calibrate', 'examples/webhooks-sample.jsonl', '--scenario', 'examples/base-scenario.json', '--out', join(out, 'complete'));
  assert.is(s.status, 0, s.stderr);
  // the hidden block rate is inferred, and the truth behind the sample (examples/truth-weekly-promo.json: 1.5%) lies in its band
  const written = JSON.parse(readFileSync(join(out, 'complete', 'calibrated.json'), 'utf8'));
  const [lo, , hi] = written.audience.segments[0].blockProbability.triangular as number[];
  assert.ok(lo < 0.015 && 0.015 < hi, `block rate band ${lo}–${hi}`);
  // the bundled scenario is what the command writes, its description followed by what the runs show (rebuild it if calibrate changes)
  const bundled = JSON.parse(readFileSync('scenarios/calibrated-example.json', 'utf8'));
  assert.ok((bundled.description as string).startsWith(`${written.description} What it shows`));
  assert.equal({ ...bundled, description: '' }, { ...written, description: '' });
  assert.is(cli('validate', join(out, 'complete', 'calibrated.json')).status, 0);
});

test('a wrong file or flag: exit 2, a message naming the file, no stack trace', () => {
  const csv = join(out, 'export.csv');
  writeFileSync(csv, 'wamid,status,timestamp\nwamid.1,delivered,1767600000\n');
  const r = cli('calibrate', csv, '--out', join(out, 'bad'));
  assert.is(r.status, 2);
  assert.match(r.stderr, 'export.csv');
  assert.match(r.stderr, 'CSV');
  assert.not.match(r.stderr, '    at ');
  const f = cli('calibrate', 'examples/webhooks-sample.jsonl', '--segment-by', 'template', '--out', join(out, 'bad'));
  assert.is(f.status, 2);
  assert.match(f.stderr, '--sends');
  for (const [flag, value, expected] of [['--workers', '-1', 'an integer ≥ 0'], ['--simulations', '3', 'an integer ≥ 10'], ['--seed', '1.5', 'an integer ≥ 0']]) {
    const b = cli('calibrate', 'examples/webhooks-sample.jsonl', flag, value, '--out', join(out, 'bad'));
    assert.is(b.status, 2, `${flag} ${value}`);
    assert.match(b.stderr, `${flag}: expected ${expected}`);
  }
});

test.run();
