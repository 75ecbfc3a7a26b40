/** `wabasim events SCENARIO --strategy NAME --seed S` — one run's event log as JSON Lines on stdout. */
import { writeEventLog } from '../../run/index.js';

export interface EventsArgs {
  scenario: string;
  strategy: string;
  seed: number;
  variant?: string;
  allowStrategyPath?: string[];
}

/** Streams the log to stdout in chunks (the run is synchronous; chunks keep memory bounded by the pipe). */
export async function eventsCommand(args: EventsArgs): Promise<void> {
  let buffer: string[] = [];
  const flush = (): void => {
    if (buffer.length) process.stdout.write(`${buffer.join('\n')}\n`);
    buffer = [];
  };
  await writeEventLog(args.scenario, {
    strategy: args.strategy,
    seed: args.seed,
    variant: args.variant,
    allowStrategyPaths: args.allowStrategyPath,
    write: (line) => {
      buffer.push(line);
      if (buffer.length >= 4096) flush();
    },
  });
  flush();
}
