/**
 * A process that receives SIGINT in the middle of its write phase (not a test file: write.test.ts
 * runs it). `node signal-during-write.js written|fails`: the write phase sends the signal to its
 * own process, then completes (or fails and rolls back); the handler must report that outcome.
 */
import { installSignalHandlers, writePhase } from '../../src/cli/interrupt.js';

installSignalHandlers();
try {
  writePhase(['results.json', 'report.html'], () => {
    process.kill(process.pid, 'SIGINT');
    if (process.argv[2] === 'fails') throw new Error('ENOSPC: no space left on device');
  });
} catch {
  // rolled back: the signal's handler reports it
}
setTimeout(() => process.stderr.write('the signal was never handled\n'), 5000);
