/**
 * `wabasim sensitivity SCENARIO` — how the headline outcomes and the verdict depend on the
 * estimated and reported parameters over their plausible ranges; writes sensitivity.json (and, when
 * the directory holds results.json of the same scenario, report.html with its section, together).
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Argv } from 'yargs';
import { msg, UserInputError, type Issue } from '../../errors/index.js';
import { formatTable } from '../../format/index.js';
import { renderReport, readResultsFile } from '../../report/index.js';
import { checkOutDir, removeCreatedDirs, writeFilesTogether, type OutputFile } from '../../run/index.js';
import { DEFAULT_DRAWS, echoDigest, MAX_DRAWS, MAX_SEEDS_PER_DRAW, MIN_DRAWS, robustnessLine, runSensitivity, SENSITIVITY_FILE, topParameters, type SensitivityResults } from '../../sensitivity/index.js';
import { checkRunFlags, typedText } from '../flags.js';
import { onAbandon, writePhase } from '../interrupt.js';
import { progressReporter } from '../progress.js';
import { allowStrategyPathOption, callbackTimeoutOption, defaultWorkers, parseShard } from './run.js';

export interface SensitivityArgs {
  scenario: string;
  out?: string;
  workers?: number;
  shard?: string;
  seed?: number;
  seeds?: number;
  draws?: number;
  seedsPerDraw?: number;
  only?: string[];
  allowStrategyPath?: string[];
  callbackTimeout?: number;
  json: boolean;
}

/**
 * The command's arguments.
 * @example yargs.command('sensitivity <scenario>', '…', sensitivityBuilder, handler)
 */
export function sensitivityBuilder(y: Argv): Argv<SensitivityArgs> {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario JSON file' })
    .option('out', { type: 'string', describe: 'Output directory (default: reports/<scenario file name>, where run writes)' })
    .option('workers', { type: 'number', describe: 'Worker threads (default: the cores, at most 8; 0 = in the main thread); the file is identical for any count' })
    .option('shard', { type: 'string', describe: 'Run only slice i of n of the draws, e.g. 2/8; writes sensitivity.shard-i-of-n.json (join with wabasim merge)' })
    .option('seed', { type: 'number', describe: 'First seed, as run --seed (default: the scenario\'s); it also seeds the design' })
    .option('seeds', { type: 'number', describe: 'Seeds of the base run at the profile\'s values, as run --seeds (default: the scenario\'s)' })
    .option('draws', { type: 'number', describe: `Draws from the plausible ranges (default ${DEFAULT_DRAWS}; in [${MIN_DRAWS}, ${MAX_DRAWS}]): about half screen every parameter one at a time, the rest are a Latin hypercube` })
    .option('seeds-per-draw', { type: 'number', describe: `Seeds each strategy runs on in a draw (default 1; at most ${MAX_SEEDS_PER_DRAW} and the base run's seeds)` })
    .option('only', { type: 'string', array: true, describe: 'Vary only these parameters or groups (e.g. quality pacing.threshold); default: every estimated or reported number' })
    .option('allow-strategy-path', allowStrategyPathOption)
    .option('callback-timeout', callbackTimeoutOption)
    .option('json', { type: 'boolean', default: false, describe: 'Print the summary as JSON' }) as unknown as Argv<SensitivityArgs>;
}

/**
 * Checks the flags and `--out`, runs the analysis (progress on stderr), then writes
 * sensitivity.json — with report.html re-rendered beside a results.json of the same scenario,
 * both swapped in together — or the shard file; prints the run count, the time, the robustness
 * line per variant and the top parameters.
 * @throws {UserInputError} a bad flag, scenario or `--out`, nothing to vary, or a write the OS refused
 */
export async function sensitivityCommand(args: SensitivityArgs, argv: readonly string[]): Promise<void> {
  checkFlags(args, argv);
  const started = performance.now();
  const shard = args.shard === undefined ? undefined : parseShard(args.shard);
  const name = shard ? `sensitivity.shard-${shard.index}-of-${shard.count}.json` : SENSITIVITY_FILE;
  const outDir = checkOutDir('--out', args.out ?? join('reports', basename(args.scenario).replace(/\.json$/i, '')), shard ? [name] : [name, 'report.html']);
  const forget = onAbandon(() => removeCreatedDirs(outDir));
  const file = join(outDir.path, name);
  const files: OutputFile[] = [];
  const progress = progressReporter();
  let note = '';
  let done;
  try {
    try {
      done = await runSensitivity(args.scenario, {
        draws: args.draws,
        seedsPerDraw: args.seedsPerDraw,
        seed: args.seed,
        seeds: args.seeds,
        only: args.only,
        workers: args.workers ?? defaultWorkers(),
        shard,
        onProgress: progress.onProgress,
        callbackTimeout: args.callbackTimeout,
        allowStrategyPaths: args.allowStrategyPath,
      });
    } finally {
      progress.stop();
    }
    const content = done.results ?? done.shard;
    files.push({ path: file, content: `${JSON.stringify(content, null, 1)}\n` });
    if (done.results) note = await withReport(done.results, outDir.path, files);
  } catch (err) {
    removeCreatedDirs(outDir);
    throw err;
  } finally {
    forget();
  }
  writePhase(files.map((f) => f.path), () => writeFilesTogether(files));
  const seconds = (performance.now() - started) / 1000;
  const s = done.results;
  if (args.json) {
    const variants = s?.variants.map((v) => ({ variant: v.name, recommended: v.robustness.recommended, stays: v.robustness.stays, draws: v.robustness.draws, line: robustnessLine(s, v.name), top: Object.fromEntries(s.outcomes.map((o) => [o, topParameters(s, v.name, o, 5)])) }));
    process.stdout.write(`${JSON.stringify({ file, ...(files[1] ? { report: files[1].path } : {}), runs: done.runs, seconds: Math.round(seconds * 10) / 10, ...(variants ? { variants } : {}) }, null, 2)}\n`);
    return;
  }
  const lines: string[] = [];
  if (s) {
    for (const v of s.variants) {
      lines.push(`${v.name}: ${robustnessLine(s, v.name) ?? 'no draws'}`);
      const rows = s.outcomes.map((o) => [o, topParameters(s, v.name, o, 3).join(', ') || '(does not vary)']);
      lines.push(formatTable(['outcome', 'parameters that move it most (first-order share, all strategies)'], rows), '');
    }
    lines.push(`${s.parameters.length} parameters varied over their plausible ranges (${s.notVaried.length} estimated or reported ones not varied: sensitivity.json notVaried says why); design: ${s.settings.trajectories} screening trajector${s.settings.trajectories === 1 ? 'y' : 'ies'} (${s.settings.trajectories * (s.parameters.length + 1)} points) + ${s.settings.samples} Latin-hypercube samples`);
  }
  lines.push(`${done.runs} runs in ${seconds.toFixed(1)} s${shard ? ` (shard ${shard.index} of ${shard.count}: join the shards with wabasim merge)` : ''}`);
  lines.push(`sensitivity: ${file}`);
  if (files[1]) lines.push(`report: ${files[1].path}`);
  if (note) lines.push(note);
  process.stdout.write(`${lines.join('\n')}\n`);
}

/**
 * When `dir` holds a results.json of the same scenario echo, adds report.html with the
 * sensitivity section to `files`; otherwise says why the report was left alone.
 */
async function withReport(s: SensitivityResults, dir: string, files: OutputFile[]): Promise<string> {
  const resultsFile = join(dir, 'results.json');
  if (!existsSync(resultsFile)) return `(no results.json in ${dir}: run wabasim run with the same --out to get the report with this section)`;
  let results;
  try {
    results = readResultsFile(resultsFile);
  } catch (err) {
    if (err instanceof UserInputError) return `(${resultsFile} could not be read, report.html left as it was: ${err.issues[0]?.expected ?? ''})`;
    throw err;
  }
  if (echoDigest(results.scenario) !== s.scenarioDigest) return `(${resultsFile} is of another scenario, seeds or strategies: report.html left as it was)`;
  files.push({ path: join(dir, 'report.html'), content: await renderReport(results, s) });
  return '';
}

/** The numeric flags: those `run` shares, and --draws, --seeds-per-draw. */
function checkFlags(args: SensitivityArgs, argv: readonly string[]): void {
  const issues: Issue[] = [];
  try {
    checkRunFlags({ seeds: args.seeds, seed: args.seed, workers: args.workers, shard: args.shard, callbackTimeout: args.callbackTimeout }, argv);
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    issues.push(...err.issues);
  }
  const int = (flag: string, value: number | undefined, min: number, max: number): void => {
    if (value !== undefined && !(Number.isInteger(value) && value >= min && value <= max)) issues.push(msg.badFlag(flag, `an integer in [${min}, ${max}]`, typedText(argv, flag) ?? String(value)));
  };
  int('--draws', args.draws, MIN_DRAWS, MAX_DRAWS);
  int('--seeds-per-draw', args.seedsPerDraw, 1, MAX_SEEDS_PER_DRAW);
  if (issues.length) throw new UserInputError(issues);
}
