/** `wabasim events SCENARIO --strategy NAME --seed S` — one run's event log as JSON Lines on stdout. */
import { writeEventLogWatched } from '../../run/index.js';

export interface EventsArgs {
  scenario: string;
  strategy: string;
  seed: number;
  variant?: string;
  allowStrategyPath?: string[];
  callbackTimeout?: number;
}

/**
 * Streams the log to stdout in chunks. The run happens in a watched worker thread (so a signal is
 * answered at once and a user module's callback that overruns stops it); the worker waits while
 * a few chunks are unwritten, so memory stays bounded by the reader of the pipe.
 */
export async function eventsCommand(args: EventsArgs): Promise<void> {
  await writeEventLogWatched(
    args.scenario,
    { strategy: args.strategy, seed: args.seed, variant: args.variant, allowStrategyPaths: args.allowStrategyPath, write: (chunk) => void process.stdout.write(chunk) },
    args.callbackTimeout,
  );
}
