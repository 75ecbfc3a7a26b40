/** A progress bar on stderr (cli-progress) for runs that take more than a moment. */
import cliProgress from 'cli-progress';

/** Returns an onProgress callback; the bar appears only on a terminal and after `delayMs`. */
export function progressReporter(delayMs = 1000): { onProgress: (done: number, total: number) => void; stop: () => void } {
  const started = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    onProgress(done, total) {
      if (!process.stderr.isTTY) return;
      if (!bar && performance.now() - started > delayMs && done < total) {
        bar = new cliProgress.SingleBar({ stream: process.stderr, format: 'runs [{bar}] {value}/{total}  eta {eta}s', hideCursor: true }, cliProgress.Presets.shades_classic);
        bar.start(total, done);
      }
      bar?.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
