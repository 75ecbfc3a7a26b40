/**
 * `npm run bench`: how fast the engine is, each line beside a reference measured in the same
 * process, so the ratio means something on a shared, noisy machine.
 *
 * Lines:
 *  1. hold — the classic pending-event-set benchmark: 10,000 pending events; pop the earliest,
 *     push one at now + exponential(mean 1,000 ms, rounded to the ms); ≈ 2 million events.
 *     Engine: Simulation + EventQueue, one handler that reschedules a fresh event object.
 *     Reference: a plain typed-array binary heap on (time, seq) in bench/ref-heap.ts, same draws.
 *     Target: engine events/s ≥ 0.5 × reference.
 *  2. campaign, engine only — one number sends N templates at 80 per simulated second; each send
 *     schedules a read (mean 600 s), with p = 0.3 a reply (mean 3,600 s), with p = 0.01 a block
 *     (mean 900 s). Engine: tagged events + a total HandlerRegistry. Reference: the same logic and
 *     the same seeded draws on the typed-array heap with a switch. Target ≥ 0.5.
 *  3. full model, blast — the same campaign as a real scenario (TIER_UNLIMITED, so the limit
 *     never stops it) run end to end by runOnce with the blast strategy; events are
 *     RunResult.events, seconds the wall time of runOnce (world build included). The ratio is
 *     against line 2's reference at the same N: what the whole model costs per event compared
 *     with a bare event loop. Its notes give events per send, wall time and peak RSS.
 *
 * Method: each line runs in its own node process (fresh JIT state, its own peak RSS), started with
 * --expose-gc so a collection runs before every timed run. Warm-up runs first; then engine and
 * reference runs alternate and the best (fastest) run of each counts — the least disturbed by other
 * work on the machine. Engine and reference must dispatch the same number of events, or the bench
 * fails. Event counts are deterministic (fixed seeds); times are not.
 *
 * Reproduce: `npm run bench` (builds, then runs all lines, about 30 s on 2 cores), or one line
 * after `npx tsc -p .`: `node --expose-gc dist/bench/index.js --case hold|campaign|full-model`
 * (prints that line's row as JSON; add --cpu-prof to profile it).
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { benchCampaign } from './campaign.js';
import { benchFullModel } from './full-model.js';
import { benchHold } from './hold.js';
import type { Row } from './measure.js';
import { formatTable } from './table.js';

/** Sends in lines 2 and 3. */
const N = 200_000;
/** Timed full-model runs (each about a second). */
const FULL_MODEL_REPS = 3;

const CASES = {
  hold: async () => benchHold(),
  campaign: async () => benchCampaign(N),
  'full-model': async () => benchFullModel(N, FULL_MODEL_REPS),
} as const satisfies Record<string, () => Promise<Row>>;

type CaseName = keyof typeof CASES;

function isCase(name: string | undefined): name is CaseName {
  return name !== undefined && Object.hasOwn(CASES, name);
}

/** Runs one case in a child process and returns its row. */
function runChild(name: CaseName): Row {
  const child = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--case', name], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`bench case ${name} failed (exit ${child.status}):\n${child.stderr}`);
  const last = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as Row;
}

async function main(): Promise<void> {
  const at = process.argv.indexOf('--case');
  if (at >= 0) {
    const name = process.argv[at + 1];
    if (!isCase(name)) throw new Error(`Unknown bench case ${name}; expected one of ${Object.keys(CASES).join(', ')}`);
    console.log(JSON.stringify(await CASES[name]()));
    return;
  }
  console.log(`wabasim bench — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, best of several runs each\n`);
  const rows: Row[] = [];
  for (const name of Object.keys(CASES) as CaseName[]) {
    process.stderr.write(`running ${name}…\n`);
    rows.push(runChild(name));
  }
  console.log(formatTable(rows));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
