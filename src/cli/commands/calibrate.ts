/** `wabasim calibrate LOG.jsonl… [--sends FILE] [--segment-by FIELD] [--scenario BASE.json] [--out DIR]`. */
import type { Argv } from 'yargs';
import { calibrate, type InferHiddenRates } from '../../calibrate/index.js';
import { calibrateMsg } from '../../errors/index.js';
import { writeCalibration } from '../../calibrate/write.js';
import { inferHiddenRates, MIN_SIMULATIONS } from '../../calibrate/hidden/index.js';

export interface CalibrateArgs {
  logs: string[];
  sends?: string;
  segmentBy?: string;
  scenario?: string;
  out: string;
  simulations?: number;
  seed?: number;
  hidden: boolean;
  workers?: number;
}

export function calibrateBuilder(y: Argv): Argv<CalibrateArgs> {
  return y
    .positional('logs', { type: 'string', array: true, demandOption: true, describe: 'Webhook logs: JSON Lines of Meta payloads, {"receivedAt","payload"} wrappers, or wabasim events output' })
    .option('sends', { type: 'string', describe: 'Send log: JSON Lines of {"time", "request": <POST /messages body>, "response": <Meta response or error>}' })
    .option('segment-by', { type: 'string', describe: 'Dotted field of the send request naming the segment, e.g. template or biz_opaque_callback_data.segment (needs --sends)' })
    .option('scenario', { type: 'string', describe: 'Base scenario: write it complete, with its segments merged with the calibrated ones' })
    .option('out', { type: 'string', default: 'calibration', describe: 'Directory for calibrated.json and calibration.html' })
    .option('simulations', { type: 'number', describe: 'Simulations of the hidden-rate inference (default: its own)' })
    .option('seed', { type: 'number', describe: 'Seed of the hidden-rate inference' })
    .option('hidden', { type: 'boolean', default: true, describe: 'Infer the hidden rates (blocks, reports) by simulation; --no-hidden skips it' })
    .option('workers', { type: 'number', describe: 'Worker threads parsing logs of 16 MB or more and running the hidden-rate simulations (default: the cores; 0 = in the main thread); the results are identical for any count' }) as unknown as Argv<CalibrateArgs>;
}

/** `ms` as "40 s" or "12 min". */
function timeLeft(ms: number): string {
  return ms < 90_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.ceil(ms / 60_000)} min`;
}

/**
 * Calibrates, writes both files, prints a summary; exit 0 (2 for bad input, via the guard).
 * @throws {UserInputError} a bad flag, an unreadable or wrong log, nothing valid in it
 */
export async function calibrateCommand(a: CalibrateArgs, checkInt: (flag: string, v: number | undefined, min: number) => void): Promise<number> {
  checkInt('--simulations', a.simulations, MIN_SIMULATIONS);
  checkInt('--seed', a.seed, 0);
  checkInt('--workers', a.workers, 0);
  const infer: InferHiddenRates = inferHiddenRates;
  const tty = process.stderr.isTTY;
  let shown = '';
  // on a terminal: how far reading got (a line rewritten as the percentage changes), then the inference's simulations
  const readProgress = tty ? (bytes: number, total: number) => {
    const size = total >= 1e9 ? `${(total / 1e9).toFixed(1)} GB` : `${Math.ceil(total / 1e6)} MB`;
    const line = `\rreading logs: ${total > 0 ? Math.min(100, Math.floor((100 * bytes) / total)) : 0}% of ${size}`;
    if (line !== shown) process.stderr.write((shown = line));
  } : undefined;
  let started = 0;
  const progress = tty ? (done: number, total: number) => {
    if (shown) process.stderr.write('\n');
    shown = '';
    // the time left, from the wall time of the simulations so far (a replay's cost grows with the log's volume)
    if (done === 1) started = performance.now();
    const left = done > 1 && done < total ? ((performance.now() - started) / (done - 1)) * (total - done) : undefined;
    process.stderr.write(`\rhidden-rate inference: ${done}/${total} simulations${left === undefined ? '' : `, about ${timeLeft(left)} left`}\x1b[K`);
  } : undefined;
  const c = await calibrate({ logs: a.logs, sends: a.sends, segmentBy: a.segmentBy, scenario: a.scenario, simulations: a.simulations, seed: a.seed, progress, readProgress, workers: a.workers }, a.hidden ? infer : undefined);
  if (tty) process.stderr.write('\n');
  if (c.hiddenError) process.stderr.write(`${calibrateMsg.hiddenFailed(c.hiddenError)}\n`);
  const s = c.summary;
  for (const m of s.firstMalformed) process.stderr.write(`warning: ${m.file}:${m.line}: skipped: ${m.why}\n`);
  const more = s.malformed + s.sendsMalformed - s.firstMalformed.length;
  if (more > 0) process.stderr.write(`warning: ${more} more malformed line${more === 1 ? '' : 's'} skipped\n`);
  const paths = await writeCalibration(a.out, c);
  const lines = [`read ${s.lines.toLocaleString('en-US')} lines: ${s.payloads.toLocaleString('en-US')} webhook payloads, ${s.hiddenSkipped.toLocaleString('en-US')} simulator-only lines skipped, ${s.malformed} malformed${s.sends ? `; ${s.sends.toLocaleString('en-US')} sends` : ''}`];
  for (const seg of c.observables.segments) {
    const p = (name: string, x: { mean: number; lo95: number; hi95: number; n: number } | undefined): string => (x ? `${name} ${x.mean.toFixed(4)} [${x.lo95.toFixed(4)}, ${x.hi95.toFixed(4)}] n=${x.n}` : `${name} —`);
    lines.push(`segment ${seg.segment}: ${seg.recipients} recipients, ${seg.delivered} delivered; ${p('read', seg.readProbability)}; ${p('reply', seg.replyProbability)}; ${p('STOP', seg.stopProbability)}; ${p('inbound/day', seg.inboundPerDay)}`);
  }
  lines.push(c.hidden ? `hidden rates: ${c.hidden.parameters.map((h) => `${h.name} ${h.identified ? `${h.median.toPrecision(3)} [${h.lo95.toPrecision(3)}, ${h.hi95.toPrecision(3)}]` : 'not identified'}`).join('; ')}` : 'hidden rates: not inferred');
  lines.push(`wrote ${paths.json} (${c.complete ? 'complete scenario' : 'scenario fragment'}) and ${paths.html}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
