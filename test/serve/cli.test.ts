/**
 * `wabasim serve` from the command line: the start line, outputs on the shutdown route and on
 * SIGTERM (results shaped like a run's, strategy http-client), the event log, and exit 2 for bad flags.
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';

const BIN = join(process.cwd(), 'bin', 'wabasim.js');

interface Started {
  readonly child: ChildProcessWithoutNullStreams;
  readonly line: { url: string; numbers: { id: string; phoneNumberId: string; displayPhoneNumber: string }[]; wabaId: string };
  readonly exit: Promise<number | null>;
}

async function serve(...args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: 'pipe' });
  const exit = new Promise<number | null>((resume) => child.on('exit', (code) => resume(code)));
  let out = '';
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const line = await new Promise<string>((resume, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resume(out.split('\n')[0]);
    });
    void exit.then((code) => reject(new Error(`serve exited ${code} before its start line: ${err}`)));
  });
  return { child, line: JSON.parse(line), exit };
}

const sendTemplate = (url: string, phone: string, to: string): Promise<Response> =>
  fetch(`${url}/v24.0/${phone}/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ messaging_product: 'whatsapp', to, type: 'template', template: { name: 'spring-sale', language: { code: 'en_US' } } }) });

test('the start line names the url, the numbers and the WABA; shutdown writes results.json (strategy http-client), report.html and the event log, then exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-serve-'));
  const s = await serve('scenarios/first-campaign.json', '--out', dir, '--events', join(dir, 'events.jsonl'), '--seed', '3');
  assert.match(s.line.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  assert.equal(s.line.numbers, [{ id: 'main', phoneNumberId: '100000000000000', displayPhoneNumber: '+1 555 0100' }]);
  assert.is(s.line.wabaId, '200000000000001');
  for (let i = 0; i < 5; i++) assert.is((await sendTemplate(s.line.url, s.line.numbers[0].phoneNumberId, String(10_000_000_000 + i))).status, 200);
  await fetch(`${s.line.url}/_wabasim/clock/advance`, { method: 'POST', body: '{"seconds": 3600}' });
  const res = (await (await fetch(`${s.line.url}/_wabasim/shutdown`, { method: 'POST' })).json()) as { results: string; report: string };
  assert.is(res.results, join(dir, 'results.json'));
  assert.is(await s.exit, 0);
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  assert.is(results.runs.length, 1);
  assert.is(results.runs[0].strategy, 'http-client');
  assert.is(results.runs[0].seed, 3);
  assert.is(results.runs[0].summary.accepted, 5);
  assert.is(results.aggregates[0].strategy, 'http-client');
  assert.ok(existsSync(join(dir, 'report.html')));
  const events = readFileSync(join(dir, 'events.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  assert.is(events.filter((e) => e.kind === 'accepted').length, 5);
});

test('SIGTERM writes the outputs and exits 0', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wabasim-serve-'));
  const s = await serve('scenarios/first-campaign.json', '--out', dir, '--clock', 'speed:60');
  assert.is((await sendTemplate(s.line.url, s.line.numbers[0].phoneNumberId, '10000000001')).status, 200);
  s.child.kill('SIGTERM');
  assert.is(await s.exit, 0);
  assert.is(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).runs[0].summary.accepted, 1);
  assert.ok(existsSync(join(dir, 'report.html')));
});

test('bad flags exit 2 naming each one, before anything listens', () => {
  const r = spawnSync(process.execPath, [BIN, 'serve', 'scenarios/first-campaign.json', '--clock', 'fast', '--port', '70000', '--webhook', 'ftp://x'], { encoding: 'utf8' });
  assert.is(r.status, 2);
  assert.match(r.stderr, '3 problems');
  assert.match(r.stderr, '--clock');
  assert.match(r.stderr, '--port');
  assert.match(r.stderr, '--webhook');
  assert.is(r.stdout, '');
});

test('an --events file that cannot be written exits 2 naming the flag', () => {
  const r = spawnSync(process.execPath, [BIN, 'serve', 'scenarios/first-campaign.json', '--events', '/proc/wabasim-events.jsonl'], { encoding: 'utf8' });
  assert.is(r.status, 2);
  assert.match(r.stderr, '--events');
  assert.is(r.stdout, '');
});

test.run();
