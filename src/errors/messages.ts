/**
 * The catalogue of user-facing messages. Every user error names the file, the JSON pointer of
 * the offending value, what was expected and what was found. Rule (from simple-statistics): a
 * message is a fragment, not a sentence — lower-case start unless a name, no final period.
 * Tests assert against these builders, never against copied strings.
 */

import { closestWord } from './closest-word.js';

/** One problem found in user input. */
export interface Issue {
  /** File the problem is in ('' for command-line flags). */
  readonly file: string;
  /** JSON pointer of the offending value ('' for the whole document). */
  readonly pointer: string;
  readonly expected: string;
  readonly found: string;
}

/** Renders a value found in input for a message: short, JSON-like, never the whole document. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  let s: string;
  try {
    s = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

export const msg = {
  notReadable: (file: string, reason: string): Issue => ({ file, pointer: '', expected: 'a readable JSON file', found: reason }),
  tooLarge: (file: string, bytes: number, max: number): Issue => ({ file, pointer: '', expected: `a file of at most ${max} bytes`, found: `${bytes} bytes` }),
  notJson: (file: string, reason: string): Issue => ({ file, pointer: '', expected: 'valid JSON', found: reason }),
  tooDeep: (file: string, max: number): Issue => ({ file, pointer: '', expected: `JSON nested at most ${max} levels deep`, found: 'deeper nesting' }),
  schema: (file: string, pointer: string, expected: string, found: unknown): Issue => ({ file, pointer, expected, found: show(found) }),
  unknownKey: (file: string, pointer: string, key: string, allowed: readonly string[]): Issue => ({
    file,
    pointer: `${pointer}/${escapePointer(key)}`,
    expected: allowed.length ? `one of the keys ${allowed.join(', ')}` : 'no such key',
    found: `unknown key ${show(key)}${didYouMean(key, allowed)}`,
  }),
  unknownRef: (file: string, pointer: string, kind: string, known: readonly string[], found: unknown): Issue => ({
    file,
    pointer,
    expected: `the id of a ${kind} (${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''})`,
    found: show(found),
  }),
  unknownTier: (file: string, pointer: string, profile: string, known: readonly string[], found: unknown): Issue => ({ file, pointer, expected: `a messaging-limit tier of policy ${profile} (${known.join(', ')})`, found: show(found) }),
  duplicateId: (file: string, pointer: string, kind: string, found: unknown): Issue => ({ file, pointer, expected: `a ${kind} id not used before`, found: `duplicate ${show(found)}` }),
  unknownPolicy: (file: string, pointer: string, known: readonly string[], found: unknown): Issue => ({ file, pointer, expected: `a policy profile (${known.join(', ')})`, found: show(found) }),
  unknownParam: (file: string, pointer: string, found: string, known: readonly string[] = []): Issue => ({ file, pointer, expected: 'a parameter of the policy profile (wabasim list policies --params)', found: `${show(found)}${didYouMean(found, known)}` }),
  badParamValue: (file: string, pointer: string, expected: string, found: unknown): Issue => ({ file, pointer, expected, found: show(found) }),
  outOfRange: (file: string, pointer: string, min: number, max: number, found: unknown): Issue => ({ file, pointer, expected: `a value in [${min}, ${max}]`, found: show(found) }),
  badDistribution: (file: string, pointer: string, rule: string, found: unknown): Issue => ({ file, pointer, expected: rule, found: show(found) }),
  tooMany: (file: string, pointer: string, what: string, max: number, found: number): Issue => ({ file, pointer, expected: `at most ${max} ${what}`, found: String(found) }),
  afterHorizon: (file: string, pointer: string, horizonHours: number, found: number): Issue => ({ file, pointer, expected: `a start before the horizon (${horizonHours} h)`, found: String(found) }),
  unknownStrategy: (file: string, pointer: string, known: readonly string[], found: unknown): Issue => ({ file, pointer, expected: `a built-in strategy (${known.join(', ')}) or a module path ending in .js, .mjs, .ts or .mts`, found: show(found) }),
  strategyModuleMissing: (file: string, pointer: string, path: string, base: string): Issue => ({ file, pointer, expected: `a strategy module file (relative paths start from ${base})`, found: `no file at ${path}` }),
  strategyModuleFailed: (file: string, pointer: string, path: string, reason: string): Issue => ({ file, pointer, expected: 'a strategy module that imports without error', found: `${path}: ${reason}` }),
  notAStrategy: (file: string, pointer: string, path: string, found: string): Issue => ({
    file,
    pointer,
    expected: 'a module exporting `default` or `strategy` as { name, description, source?, params?, create(params) → { onCampaignStart, onWake?, onStatus?, onInbound?, onWebhook? } }',
    found: `${path}: ${found}`,
  }),
  strategyThrew: (file: string, pointer: string, path: string, callback: string, reason: string): Issue => ({ file, pointer, expected: `a strategy whose ${callback} does not throw`, found: `${path}: ${reason}` }),
  badPatch: (file: string, pointer: string, found: string): Issue => ({ file, pointer, expected: 'a JSON pointer into an existing object or list of the scenario', found: show(found) }),
  noWeights: (file: string, pointer: string): Issue => ({ file, pointer, expected: 'at least one positive weight', found: 'all weights 0' }),
  badFlag: (flag: string, expected: string, found: unknown): Issue => ({ file: '', pointer: flag, expected, found: show(found) }),
  notResults: (file: string, pointer: string, expected: string, found: unknown): Issue => ({ file, pointer, expected: `${expected} (a results.json written by wabasim run)`, found: show(found) }),
  shardResults: (file: string, index: number, count: number): Issue => ({ file, pointer: '/shard', expected: 'the results of a whole sweep (join the shards with wabasim merge first)', found: `shard ${index} of ${count}` }),
  missingBaseline: (file: string, scenario: string, dir?: string): Issue => ({ file, pointer: '', expected: `a recorded baseline (record it with: ${baselineMsg.recordCommand([scenario], dir)})`, found: 'no such file' }),
  notBaseline: (file: string, pointer: string, expected: string, found: unknown): Issue => ({ file, pointer, expected: `${expected} (a baseline written by wabasim baseline record)`, found: show(found) }),
  /** A scenario names a strategy module outside its own directory tree (README "Threat model"). */
  strategyModuleOutside: (file: string, pointer: string, path: string, tree: string, flag: string): Issue => ({
    file,
    pointer,
    expected: `a strategy module inside the scenario's directory tree ${tree} (a scenario is data; to let it load code from elsewhere pass ${flag} DIR)`,
    found: path,
  }),
  badShard: (file: string, pointer: string, expected: string, found: unknown): Issue => ({ file, pointer, expected: `${expected} (a shard written by wabasim run --shard i/n)`, found: show(found) }),
  shardTampered: (file: string, pointer: string, what: string, stored: string, actual: string): Issue => ({
    file,
    pointer,
    expected: `the digest of the shard's ${what} (the file was changed after wabasim wrote it)`,
    found: `${stored.slice(0, 12)}…, content hashes to ${actual.slice(0, 12)}…`,
  }),
  otherSweep: (file: string, pointer: string, first: string, found: unknown): Issue => ({ file, pointer, expected: `a shard of the same sweep as ${first}`, found: show(found) }),
  duplicateShard: (file: string, other: string, index: number, count: number): Issue => ({ file, pointer: '/shard/index', expected: `a shard no other file holds (${other} is shard ${index} of ${count} too)`, found: `shard ${index} of ${count}` }),
  missingShards: (planSize: number, count: number, missing: readonly number[], runs: readonly number[]): Issue => ({
    file: '',
    pointer: 'shards',
    expected: `shards covering all ${planSize} runs of the sweep (${count} shards)`,
    found: `missing runs ${runs.slice(0, 10).join(', ')}${runs.length > 10 ? ', …' : ''} (shard${missing.length === 1 ? '' : 's'} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''})`,
  }),
  sameBaseline: (file: string, other: string, baseline: string): Issue => ({ file, pointer: '', expected: `a scenario with a baseline file of its own (${other} is recorded in ${baseline} too; rename one, or use another --dir)`, found: `baseline ${baseline}` }),
  /** A warning (stderr, exit unchanged), not an error: results of another wabasim version. */
  foreignVersion: (file: string, theirs: string, ours: string): string => `warning: ${file}: results written by wabasim ${theirs}, this is ${ours}; the report may be incomplete`,
  tooLargeUnsized: (file: string, max: number): Issue => ({ file, pointer: '', expected: `a file of at most ${max} bytes`, found: `more than ${max} bytes (reading stopped there)` }),
  notRegularFile: (file: string, kind: string): Issue => ({ file, pointer: '', expected: 'a regular file or a pipe', found: kind }),
  jsonSyntax: (file: string, pointer: string, line: number, column: number, found: string): Issue => ({ file, pointer, expected: 'valid JSON', found: `${found} at line ${line}, column ${column}` }),
  duplicateKey: (file: string, pointer: string, key: string, line: number, firstLine: number): Issue => ({ file, pointer, expected: 'each key once in an object', found: `key ${show(key)} again at line ${line} (first at line ${firstLine})` }),
  badPatchIndex: (file: string, pointer: string, list: string, length: number, token: string): Issue => ({
    file,
    pointer,
    expected: `the index of an item of ${list || '(document)'} (${length === 0 ? 'it is empty' : length === 1 ? 'only 0' : `0 to ${length - 1}`}; a patch replaces an item, to add or remove items patch the whole list)`,
    found: show(token),
  }),
  negativeSd: (file: string, pointer: string, found: unknown): Issue => ({ file, pointer, expected: 'a normal distribution whose sd ≥ 0 (sd must be ≥ 0)', found: show(found) }),
} as const;

/** ` (did you mean "X"?)` when a key of `allowed` is within edit distance 2 of `key`, else ''. */
function didYouMean(key: string, allowed: readonly string[]): string {
  const near = closestWord(key, allowed, 2);
  return near === undefined ? '' : ` (did you mean ${show(near)}?)`;
}

/** Escapes one JSON-pointer reference token (RFC 6901). */
export function escapePointer(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Formats one issue as a line: `file: /pointer: expected X, found Y`. */
export function formatIssue(issue: Issue): string {
  const where = [issue.file, issue.pointer || '(document)'].filter(Boolean).join(': ');
  return `${where}: expected ${issue.expected}, found ${issue.found}`;
}

/** A user mistake: carries every issue found, maps to exit code 2, never prints a stack trace. */
export class UserInputError extends Error {
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'UserInputError';
    this.issues = issues;
  }
}

/**
 * Messages about writing output (issue 18): the `--out` check before a sweep, a write that failed
 * and was rolled back, and what an interrupted command left behind (README: exit codes 130/143).
 */
export const writeMsg = {
  /** `--out` of run: `path` cannot hold the output; `found` says why (a file, /proc, what the OS said). */
  badOutDir: (flag: string, path: string, found: string): Issue => ({ file: '', pointer: flag, expected: 'a directory that exists or can be created, and that wabasim can write', found: `${path}: ${found}` }),
  /** `--out` of report: `path` cannot be written; `found` says why. */
  badOutFile: (flag: string, path: string, found: string): Issue => ({ file: '', pointer: flag, expected: 'a file in a directory that exists or can be created, and that wabasim can write', found: `${path}: ${found}` }),
  /** Writing or swapping in `file` failed with `reason` (what the OS said); every target keeps its previous content. */
  notWritten: (file: string, reason: string, targets: readonly string[]): Issue => ({
    file,
    pointer: '',
    expected: 'a file wabasim can write',
    found: `${reason} (nothing was written; the previous ${targets.length === 1 ? 'file is' : 'files are'} unchanged)`,
  }),
  /** The swap failed (`reason`) and `file` could not be put back either (`undo`): the previous content is kept at `kept`, if it existed. */
  notRestored: (file: string, reason: string, undo: string, kept: string | undefined): Issue => ({
    file,
    pointer: '',
    expected: 'a file wabasim can write',
    found: `${reason}, then ${undo} putting the previous file back (${kept ? `its content is kept at ${kept}` : 'it did not exist; the new one is left in its place'})`,
  }),
  /** The last line of a command stopped by `signal`: what it wrote, if anything. */
  interrupted: (signal: string, left: WriteOutcome): string =>
    `interrupted (${signal}): ${
      left.kind === 'nothing' ? 'nothing was written'
      : left.kind === 'unchanged' ? 'nothing was written; the previous files are unchanged'
      : left.files.length === 2 ? `both files were written (${left.files.join(', ')})`
      : `${left.files.join(', ')} ${left.files.length === 1 ? 'was' : 'were'} written`
    }`,
} as const;

/** What a command has left on disk: nothing yet, nothing after a rolled-back swap, or these files. */
export type WriteOutcome = { readonly kind: 'nothing' } | { readonly kind: 'unchanged' } | { readonly kind: 'written'; readonly files: readonly string[] };

/** What to do about a sweep too large for memory: fewer worker threads, `count` shards, or a smaller run. */
export type MemoryAdvice = { readonly kind: 'workers'; readonly count: number } | { readonly kind: 'shards'; readonly count: number } | { readonly kind: 'smaller-run' };

/**
 * Messages about memory (issue 18 item 4, README "Limits"): a sweep, shard or merge whose
 * estimated memory exceeds LIMITS.maxResultsBytes, refused before it starts.
 */
export const memoryMsg = {
  /** The sweep (or shard `shard`) of `file` would take `found.bytes` (results.json `found.jsonBytes`) for `found.runs` runs, over `budget`. */
  sweepTooLarge: (file: string, pointer: string, found: { readonly bytes: number; readonly jsonBytes: number; readonly runs: number }, budget: number, advice: MemoryAdvice, shard?: { readonly index: number; readonly count: number }): Issue => ({
    file,
    pointer,
    expected: `a sweep whose results fit in ${formatBytes(budget)} of memory (README "Limits"): ${memoryAdvice(advice)}`,
    found: `about ${formatBytes(found.bytes)} for ${found.runs} run${found.runs === 1 ? '' : 's'}${shard ? ` (shard ${shard.index} of ${shard.count})` : ''}, results.json about ${formatBytes(found.jsonBytes)}`,
  }),
  /** Merging `files` shard files of `bytes` in all would take `estimate` bytes, over `budget`. */
  mergeTooLarge: (files: number, bytes: number, estimate: number, budget: number): Issue => ({
    file: '',
    pointer: 'shards',
    expected: `shards whose merged results fit in ${formatBytes(budget)} of memory (README "Limits"; the merged results of this sweep would exceed it: run fewer seeds or a shorter horizon)`,
    found: `${files} shard file${files === 1 ? '' : 's'} of ${formatBytes(bytes)} in all, about ${formatBytes(estimate)} in memory to merge`,
  }),
} as const;

function memoryAdvice(advice: MemoryAdvice): string {
  if (advice.kind === 'workers') return `fewer worker threads, --workers ${advice.count}`;
  if (advice.kind === 'shards') return `fewer seeds, a shorter horizon, or --shard i/${advice.count} for i = 1 to ${advice.count} (each shard holds its share of the results; merged, they would not fit in one process either)`;
  return 'a smaller audience, fewer numbers or a shorter horizon (one run alone does not fit)';
}

/** Bytes in binary units with 3 significant digits: 512 B, 1.5 MiB, 1 GiB, 312 GiB. */
function formatBytes(bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];
  let k = 0;
  while (bytes >= 1024 && k < units.length - 1) {
    bytes /= 1024;
    k++;
  }
  return `${k === 0 ? bytes : Number(bytes.toPrecision(3))} ${units[k]}`;
}
/**
 * A strategy module's callback (or its import, or create()) ran longer than `limit` wall seconds
 * and was stopped by the watchdog (issue 18 item 3); `at` is the simulated time of the call (ISO)
 * and `seed` the run's seed, both undefined before the run started.
 * @example watchdogMsg.callbackTimeout('s.json', '/strategies/1', 'loops', 'onWake', 5, '2026-01-05T09:00:00.000Z', 3)
 */
export const watchdogMsg = {
  callbackTimeout: (file: string, pointer: string, label: string, callback: string, limit: number, at: string | undefined, seed: number | undefined): Issue => ({
    file,
    pointer,
    expected: `strategy callbacks that return within ${limit} s (--callback-timeout SECONDS; 0 = no limit)`,
    found: `strategy ${label}: callback ${callback} ran longer than ${limit} s (${at === undefined ? 'before the run started' : `at simulated time ${at}, seed ${seed}`})`,
  }),
} as const;

/** A scenario's `objective` (issue 19): the metric it names and its one direction. */
export const objectiveMsg = {
  unknownMetric: (file: string, pointer: string, known: readonly string[], found: string): Issue => ({
    file,
    pointer,
    expected: `a run-summary metric (${known.slice(0, 8).join(', ')}, …; a record's entry as family.key, e.g. failedByCode.131049)`,
    found: `${show(found)}${didYouMean(found, known)}`,
  }),
  bothDirections: (file: string, pointer: string): Issue => ({ file, pointer, expected: 'one of "maximise" or "minimise"', found: 'both' }),
} as const;

/**
 * Scenario thresholds (issue 19 item 4, README "Thresholds and CI"): a key or condition that does
 * not parse, an unknown metric, strategy or variant; what `run` and `report` print about them.
 * @example thresholdMsg.badCondition('s.json', '/thresholds/delivered/0', 'avg<3', 'unknown aggregation "avg"')
 */
export const thresholdMsg = {
  badKey: (file: string, pointer: string, key: string, problem: string): Issue => ({
    file,
    pointer,
    expected: 'a threshold key METRIC or METRIC{strategy:NAME,variant:NAME} (one or both, comma-separated)',
    found: `${show(key)}: ${problem}`,
  }),
  unknownMetric: (file: string, pointer: string, metric: string, known: readonly string[]): Issue => ({
    file,
    pointer,
    expected: 'a metric of the run summary, e.g. uniqueUsersReached, restricted or failedByCode.131049 (README "Thresholds and CI" lists them)',
    found: `unknown metric ${show(metric)}${didYouMean(metric, known)}`,
  }),
  unknownMetricKey: (file: string, pointer: string, group: string, keys: readonly string[], metric: string, known: readonly string[]): Issue => ({
    file,
    pointer,
    expected: `a metric ${group}.KEY with KEY one of ${keys.join(', ')}`,
    found: `unknown metric ${show(metric)}${didYouMean(metric, known)}`,
  }),
  badCondition: (file: string, pointer: string, text: string, problem: string): Issue => ({
    file,
    pointer,
    expected: 'a condition AGG OP NUMBER: AGG mean, min, max, p(N) with N in [0, 100], or rate (the share of runs where the metric is not 0); OP <, <=, >, >=, == or !=; e.g. "p(95)<=100"',
    found: `${show(text)}: ${problem}`,
  }),
  /** A scope names a strategy (label) or variant the scenario does not run. */
  unknownScope: (file: string, pointer: string, kind: 'strategy' | 'variant', known: readonly string[], found: string): Issue => ({
    file,
    pointer,
    expected: `a ${kind} the scenario runs (${known.map((k) => show(k)).join(', ')})`,
    found: `${kind} ${show(found)}${didYouMean(found, known)}`,
  }),
  /** Why a scoped threshold was not checked: `--strategy` left out every variant × strategy it names. */
  skipped: (scope: string, ran: readonly string[]): string => `no variant × strategy of this sweep matches ${scope} (ran: ${ran.join('; ')})`,
  /** How many checks passed and failed, and how many thresholds were skipped: `1 of 8 checks failed`. */
  tally: (passed: number, failed: number, skipped: number): string =>
    `${failed ? `${failed} of ${passed + failed} checks failed` : passed === 0 ? 'no check ran' : `${passed === 1 ? 'the 1 check' : `all ${passed} checks`} passed`}${skipped ? `, ${skipped} threshold${skipped === 1 ? '' : 's'} skipped` : ''}`,
  /** The one-line outcome `run` and `report` print last. */
  summary: (passed: number, failed: number, skipped: number): string => `thresholds: ${failed ? 'FAILED' : 'ok'}, ${thresholdMsg.tally(passed, failed, skipped)}`,
  /** The observed value of a failed check: `p(50) = 261 over 10 runs`, `rate = 0.3 (3 of 10 runs)`. */
  observed: (aggregation: string, value: string, nonZero: number, runs: number, never: number): string =>
    `${aggregation} = ${value}${aggregation === 'rate' ? ` (${nonZero} of ${runs} runs)` : ` over ${runs} run${runs === 1 ? '' : 's'}`}${never ? ` (never in ${never} of ${runs})` : ''}`,
  /** A failed check as a JUnit failure message. */
  failure: (condition: string, observed: string): string => `${condition} failed: ${observed}`,
  shardNotEvaluated: (): string => 'note: thresholds are not evaluated on a shard; join the shards with wabasim merge, then wabasim report evaluates them',
  junitWithShard: (found: string): Issue => ({
    file: '',
    pointer: '--junit',
    expected: 'no --junit with --shard (thresholds are judged on the whole sweep: wabasim merge the shards, then wabasim report RESULTS --junit FILE)',
    found: show(found),
  }),
} as const;

/**
 * `wabasim baseline` hints (issue 19 item 4): the command that re-records, keeping a `--dir` the
 * user passed (`dir` undefined for the default folder).
 * @example baselineMsg.recordCommand(['scenarios/default.json'], 'my baselines') // "wabasim baseline record scenarios/default.json --dir 'my baselines'"
 */
export const baselineMsg = {
  recordCommand: (scenarios: readonly string[], dir: string | undefined): string =>
    ['wabasim', 'baseline', 'record', ...scenarios, ...(dir === undefined ? [] : ['--dir', dir])].map(shellWord).join(' '),
  drifted: (drifted: number, total: number, command: string): string =>
    `${drifted} of ${total} scenario${total === 1 ? '' : 's'} drifted; if the change is intended, re-record with: ${command}`,
  /** A drifted value as a JUnit failure line: `mean: baseline 261, now 271 (+10)`. */
  drift: (stat: string, baseline: string, now: string, delta: string): string => `${stat}: baseline ${baseline}, now ${now}${delta ? ` (${delta})` : ''}`,
  junitWithRecord: (found: string): Issue => ({ file: '', pointer: '--junit', expected: 'no --junit with baseline record (baseline check writes it)', found: show(found) }),
} as const;

/** `word` as one shell word: as it is when that is safe, else in single quotes. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Messages of `wabasim sensitivity` and of merging its shards (issue 19 item 3): flags, a
 * scenario with nothing to vary, shards that are not of one analysis, a sensitivity.json that
 * does not belong beside a results.json.
 * @example sensitivityMsg.badShard('s.json', '/shard/index', 'an integer ≥ 1', 0)
 */
export const sensitivityMsg = {
  nothingToVary: (file: string, only: readonly string[]): Issue => ({
    file,
    pointer: only.length ? '--only' : '/policy',
    expected: `at least one estimated or reported parameter with a plausible range that no override fixes in every variant${only.length ? ' among the parameters --only names' : ''}`,
    found: only.length ? `none in ${only.join(', ')}` : 'none',
  }),
  badOnly: (path: string, known: readonly string[]): Issue => ({
    file: '',
    pointer: '--only',
    expected: 'a parameter path or group with a plausible range (wabasim list policies --params shows them)',
    found: `${show(path)}${didYouMean(path, known)}`,
  }),
  tooManyRuns: (file: string, runs: number, max: number): Issue => ({ file, pointer: '--draws', expected: `at most ${max} runs (draws × variants × strategies × seeds per draw, plus the base run)`, found: `${runs} runs` }),
  seedsPerDraw: (perDraw: number, seeds: number): Issue => ({ file: '', pointer: '--seeds-per-draw', expected: `at most the base run's ${seeds} seeds (the draws' seeds are its first ones)`, found: String(perDraw) }),
  badShard: (file: string, pointer: string, expected: string, found: unknown): Issue => ({ file, pointer, expected: `${expected} (a shard written by wabasim sensitivity --shard i/n)`, found: show(found) }),
  tampered: (file: string, pointer: string, what: string, stored: string, actual: string): Issue => ({
    file,
    pointer,
    expected: `the digest of the shard's ${what} (the file was changed after wabasim wrote it)`,
    found: `${stored.slice(0, 12)}…, content hashes to ${actual.slice(0, 12)}…`,
  }),
  otherAnalysis: (file: string, pointer: string, first: string, found: unknown): Issue => ({ file, pointer, expected: `a shard of the same sensitivity analysis as ${first}`, found: show(found) }),
  duplicateShard: (file: string, other: string, index: number, count: number): Issue => ({ file, pointer: '/shard/index', expected: `a shard no other file holds (${other} is shard ${index} of ${count} too)`, found: `shard ${index} of ${count}` }),
  missingShards: (count: number, missing: readonly number[]): Issue => ({
    file: '',
    pointer: 'shards',
    expected: `all ${count} shards of the sensitivity analysis`,
    found: `missing shard${missing.length === 1 ? '' : 's'} ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`,
  }),
  mixedShards: (file: string, first: string): Issue => ({ file, pointer: '/kind', expected: `shards of one kind: all from wabasim run --shard or all from wabasim sensitivity --shard (${first} is a sensitivity shard)`, found: 'a results shard' }),
  notSensitivity: (file: string, pointer: string, expected: string, found: unknown): Issue => ({ file, pointer, expected: `${expected} (a sensitivity.json written by wabasim sensitivity or merge)`, found: show(found) }),
  /** A warning (stderr, exit unchanged): DIR/sensitivity.json is of another scenario echo than the results beside it. */
  otherScenario: (file: string, results: string): string => `warning: ${file} is the sensitivity of another scenario, seeds or strategies than ${results}; left out of the report (run wabasim sensitivity again)`,
  /** A warning: DIR/sensitivity.json cannot be read or is not a sensitivity file. */
  unreadable: (file: string, reason: string): string => `warning: ${file} left out of the report: ${reason}`,
} as const;

/** Messages of `--csv` (run, report). */
export const csvMsg = {
  runsWithoutCsv: (): Issue => ({ file: '', pointer: '--csv-runs', expected: '--csv FILE to write the rows to', found: '--csv-runs without --csv' }),
} as const;

/** Messages of the strategy authoring kit (user strategies' throws, `wabasim init`). */
export const kitMsg = {
  /** A user strategy's create() or callback threw: its message and, when the stack maps to it, the user's file:line:col (`site` is ' (at …)' or ''). */
  strategyThrew: (file: string, pointer: string, name: string, callback: string, reason: string, site: string): Issue => ({ file, pointer, expected: `a strategy whose ${callback} does not throw`, found: `strategy ${name} threw: ${reason}${site}` }),
  /** `wabasim init` would overwrite a file. */
  exists: (path: string): Issue => ({ file: path, pointer: '(file)', expected: 'a path where no file exists (pass --force to overwrite)', found: 'an existing file' }),
  /** `wabasim init strategy NAME`: a name that cannot be a file name and a strategy name. */
  badName: (name: string): Issue => ({ file: '', pointer: 'NAME', expected: 'a strategy name of letters, digits, - and _ (starting with a letter), e.g. my-sender', found: JSON.stringify(name) }),
  /** `wabasim init scenario`: a flag or answer out of range. */
  badAnswer: (flag: string, expected: string, found: unknown): Issue => ({ file: '', pointer: flag, expected, found: typeof found === 'string' ? JSON.stringify(found) : String(found) }),
} as const;

/** Messages of pricing (scenario `pricing`, segment `countries`; README "Cost"). */
export const pricingMsg = {
  unknownMarket: (file: string, pointer: string, found: string, known: readonly string[]): Issue => ({ file, pointer, expected: `a pricing market of the rate card (${known.join(', ')})`, found: `${show(found)}${didYouMean(found, known)}` }),
  unknownCountry: (file: string, pointer: string, found: string): Issue => ({ file, pointer, expected: 'an ISO 3166 alpha-2 country code (e.g. BR, US, IN)', found: show(found) }),
  noCountryWeight: (file: string, pointer: string): Issue => ({ file, pointer, expected: 'at least one country with a weight above 0', found: 'every weight 0' }),
} as const;

/** Messages of the hidden-rate inference of `wabasim calibrate` (src/calibrate/hidden/). */
export const hiddenMsg = {
  nothingDelivered: (file: string): Issue => ({ file, pointer: '', expected: 'webhooks with at least one delivered template message (a `delivered` status whose pricing category is not service): the block rate is inferred by replaying that volume', found: 'no delivered template message' }),
} as const;

/** Messages of `wabasim calibrate` (issue 21). */
export const calibrateMsg = {
  unreadable: (file: string, reason: string): Issue => ({ file, pointer: '', expected: 'a readable JSON Lines file of webhook payloads', found: reason }),
  wrongKind: (file: string, what: string): Issue => ({
    file,
    pointer: '',
    expected: 'JSON Lines of WhatsApp webhook payloads (one {"object":"whatsapp_business_account",…} a line, a {"receivedAt","payload"} wrapper, or wabasim events output)',
    found: what,
  }),
  nothingValid: (files: readonly string[], malformed: number, first: string): Issue => ({
    file: files.join(', '),
    pointer: '',
    expected: 'at least one webhook payload line',
    found: `none (${malformed} malformed line${malformed === 1 ? '' : 's'}${first ? `; first: ${first}` : ''})`,
  }),
  noValidSends: (file: string, malformed: number): Issue => ({ file, pointer: '', expected: 'JSON Lines of sends: {"time": …, "request": <POST /messages body>, "response": <Meta response or error>}', found: `no valid line (${malformed} malformed)` }),
  segmentByWithoutSends: (field: string): Issue => ({ file: '', pointer: '--segment-by', expected: '--sends FILE too (the segment field is read from the send requests)', found: show(field) }),
  badSegmentBy: (field: string): Issue => ({ file: '', pointer: '--segment-by', expected: 'a dotted field path of the send request, e.g. template or biz_opaque_callback_data.segment', found: show(field) }),
  noTemplateMessages: (files: readonly string[]): Issue => ({ file: files.join(', '), pointer: '', expected: 'at least one delivered template message (a delivered status with a non-service pricing category, or one the send log names)', found: 'none' }),
  /** A warning: the hidden-rate inference failed; the observable parameters are still written. */
  hiddenFailed: (reason: string): string => `warning: hidden-rate inference failed (${reason}); calibration.html says "not inferred"`,
} as const;

/** Messages of scenario realism (issue 22): recurring campaigns, campaign numbers, time zones, local windows, attributes; and the unused-declaration warnings. */
export const realismMsg = {
  numberAndNumbers: (file: string, pointer: string): Issue => ({ file, pointer, expected: 'either `number` or `numbers` on a campaign, not both', found: 'both' }),
  weekdayNeedsWeeks: (file: string, pointer: string, days: number): Issue => ({ file, pointer, expected: 'every.days a multiple of 7 when every.weekday is given (weekly, fortnightly, …)', found: `${days} days` }),
  noOccurrence: (file: string, pointer: string, horizonDays: number): Issue => ({ file, pointer, expected: `a recurring campaign with at least one occurrence before the horizon (${horizonDays} days) and its own end`, found: 'every occurrence at or after the end' }),
  unknownZone: (file: string, pointer: string, found: unknown): Issue => ({ file, pointer, expected: 'an IANA time zone name the runtime knows, e.g. "America/Sao_Paulo" or "UTC"', found: show(found) }),
  emptyWindow: (file: string, pointer: string, found: unknown): Issue => ({ file, pointer, expected: 'a local window with from ≠ to (from > to wraps past midnight)', found: show(found) }),
  /** Warnings (stderr, exit unchanged): a scenario declares something no strategy used. */
  unusedNumber: (file: string, number: string, strategies: readonly string[]): string => `warning: ${file}: number ${show(number)} sent nothing in any run of ${strategies.join(', ')} (no campaign names it in \`numbers\`, or the strategy ignores them)`,
  unusedLocalTime: (file: string, what: string, strategies: readonly string[]): string => `warning: ${file}: ${what} declared, but ${strategies.join(', ')} never read recipients' local time (api.localHour / api.inLocalWindow): they have no effect`,
  unusedAttributes: (file: string, names: readonly string[], strategies: readonly string[]): string => `warning: ${file}: recipient attributes ${names.join(', ')} declared, but ${strategies.join(', ')} never read them (api.attributes / api.attribute): they have no effect`,
} as const;
