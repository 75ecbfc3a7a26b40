/**
 * `npm run calibration`: every stylized fact over its full seed count, then a table of fact,
 * source, measured figure, expected figure and PASS/FAIL (Markdown, so it pastes into a report).
 * Exit 1 when any fact fails, 0 when all pass.
 *
 *   node dist/test/calibration/run-full.js [--workers N] [--only id,id] [--seeds N]
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { FACTS } from './facts/index.js';
import type { Fact, Outcome } from './fact.js';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Runs `facts` in the full form and prints the table; resolves with the number that failed. */
export async function runFull(facts: readonly Fact[], workers: number, seedsOverride?: number): Promise<number> {
  const cell = (s: string): string => s.replace(/\|/g, '\\|');
  const rows: { fact: Fact; seeds: number; outcome: Outcome; seconds: number }[] = [];
  for (const fact of facts) {
    const seeds = seedsOverride ?? fact.seeds.full;
    const t0 = performance.now();
    let outcome: Outcome;
    try {
      outcome = await fact.check({ mode: 'full', seeds, workers });
    } catch (err) {
      outcome = { figure: `error: ${err instanceof Error ? err.message : String(err)}`, pass: false };
    }
    const seconds = (performance.now() - t0) / 1000;
    rows.push({ fact, seeds, outcome, seconds });
    process.stderr.write(`${outcome.pass ? 'PASS' : 'FAIL'} ${fact.id} (${seeds} seeds, ${seconds.toFixed(1)} s)\n`);
  }

  const lines = [
    '| # | fact | source | measured | expected | result |',
    '|---|---|---|---|---|---|',
    ...rows.map(({ fact, seeds, outcome }, i) => `| ${i + 1} | **${fact.id}** — ${cell(fact.fact)} | ${cell(fact.source)} | ${cell(outcome.figure)} (${seeds} seeds) | ${cell(fact.expected)} | ${outcome.pass ? 'PASS' : 'FAIL'} |`),
  ];
  const failed = rows.filter((r) => !r.outcome.pass).length;
  process.stdout.write(`${lines.join('\n')}\n\n${rows.length - failed} passed, ${failed} failed (${rows.reduce((a, r) => a + r.seconds, 0).toFixed(0)} s)\n`);
  return failed;
}

// Run only as a script (not when a test runner or another module imports this file).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const only = option('only')?.split(',');
  const seeds = option('seeds');
  const failed = await runFull(
    FACTS.filter((f) => !only || only.includes(f.id)),
    Number(option('workers') ?? Math.min(2, availableParallelism())),
    seeds === undefined ? undefined : Number(seeds),
  );
  process.exitCode = failed ? 1 : 0;
}
