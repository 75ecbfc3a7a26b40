/**
 * `wabasim serve SCENARIO` — the model behind a local Cloud API (src/serve). Prints one JSON line
 * `{"url", "numbers", "wabaId"}` on start; on POST /_wabasim/shutdown, SIGINT or SIGTERM writes
 * results.json and report.html into --out and exits 0.
 */
import { basename, join } from 'node:path';
import type { Argv } from 'yargs';
import { msg, UserInputError, type Issue } from '../../errors/index.js';
import { checkOutDir, checkOutFile } from '../../run/index.js';
import { parseClock, startServer } from '../../serve/index.js';

export interface ServeArgs {
  scenario: string;
  port?: number;
  host?: string;
  clock?: string;
  webhook?: string;
  appSecret?: string;
  verifyToken?: string;
  accessToken?: string;
  out?: string;
  seed?: number;
  events?: string;
}

export function serveBuilder(y: Argv): Argv<ServeArgs> {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario JSON file (its first variant is served)' })
    .option('port', { type: 'number', describe: 'Port (default 0: any free port; the printed url names it)' })
    .option('host', { type: 'string', describe: 'Interface to bind (default 127.0.0.1)' })
    .option('clock', { type: 'string', describe: 'manual (default: time moves only through /_wabasim/clock routes) or speed:N (N simulated seconds per wall second)' })
    .option('webhook', { type: 'string', describe: 'URL webhooks are POSTed to (Meta payload shapes)' })
    .option('app-secret', { type: 'string', describe: 'Sign webhooks with X-Hub-Signature-256 using this app secret' })
    .option('verify-token', { type: 'string', describe: 'Token the webhook verification handshake (GET ?hub.mode=subscribe…) expects' })
    .option('access-token', { type: 'string', describe: 'Require Authorization: Bearer TOKEN on Cloud API routes (else error 190)' })
    .option('out', { type: 'string', describe: 'Where results.json and report.html go on shutdown (default: reports/<scenario file name>-serve)' })
    .option('seed', { type: 'number', describe: 'Run seed (default: the scenario\'s seed)' })
    .option('events', { type: 'string', describe: 'Write the event log (JSON Lines, as wabasim events) to FILE' }) as unknown as Argv<ServeArgs>;
}

/** Every problem with the flags at once (exit 2). */
function flagIssues(a: ServeArgs): Issue[] {
  const issues: Issue[] = [];
  if (a.port !== undefined && !(Number.isInteger(a.port) && a.port >= 0 && a.port <= 65535)) issues.push(msg.badFlag('--port', 'an integer in [0, 65535]', a.port));
  if (a.seed !== undefined && !(Number.isInteger(a.seed) && a.seed >= 0)) issues.push(msg.badFlag('--seed', 'an integer ≥ 0', a.seed));
  if (a.clock !== undefined && !parseClock(a.clock)) issues.push(msg.badFlag('--clock', 'manual or speed:N (N > 0 simulated seconds per wall second)', a.clock));
  if (a.webhook !== undefined && !/^https?:\/\/[^\s]+$/.test(a.webhook)) issues.push(msg.badFlag('--webhook', 'an http:// or https:// URL', a.webhook));
  else if (a.webhook !== undefined && !URL.canParse(a.webhook)) issues.push(msg.badFlag('--webhook', 'an http:// or https:// URL', a.webhook));
  return issues;
}

/**
 * Starts the server and resolves to exit code 0 once it has shut down (control route or signal),
 * its outputs written.
 * @throws {UserInputError} a bad flag, scenario, --out or a port in use
 */
export async function serveCommand(a: ServeArgs): Promise<number> {
  const issues = flagIssues(a);
  if (issues.length) throw new UserInputError(issues);
  if (a.events !== undefined) checkOutFile('--events', a.events);
  const out = checkOutDir('--out', a.out ?? join('reports', `${basename(a.scenario).replace(/\.json$/i, '')}-serve`), ['results.json', 'report.html']);
  let stopped: (error?: unknown) => void = () => undefined;
  const done = new Promise<void>((resume, reject) => (stopped = (error) => (error === undefined ? resume() : reject(error))));
  const handle = await startServer(a.scenario, {
    port: a.port,
    host: a.host,
    clock: a.clock,
    webhook: a.webhook,
    appSecret: a.appSecret,
    verifyToken: a.verifyToken,
    accessToken: a.accessToken,
    out: out.path,
    seed: a.seed,
    events: a.events,
    onShutdown: (error) => stopped(error),
  });
  // serve owns its signals: a SIGINT or SIGTERM is the ordinary way to stop a server — outputs, then exit 0
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void handle.close().then(() => stopped(), (err: unknown) => stopped(err)));
  }
  process.stdout.write(`${JSON.stringify({ url: handle.url, numbers: handle.numbers, wabaId: handle.wabaId })}\n`);
  // keep-alive sockets must not hold the exit once the outputs are written (or refused: exit 2)
  const exitSoon = (): void => void setTimeout(() => process.exit(process.exitCode ?? 0), 2_000).unref();
  try {
    await done;
  } finally {
    exitSoon();
  }
  return 0;
}
