/**
 * A progress bar on standard error, drawn only when standard error is a terminal (never in pipes, logs or tests).
 * Hand-rolled with `\r`: one line, redrawn at most ten times a second.
 */
export interface Progress {
  tick(): void;
  done(): void;
}

const WIDTH = 30;
const NONE: Progress = { tick: () => undefined, done: () => undefined };

export function progressBar(label: string, total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (stream.isTTY !== true || total < 1) return NONE;
  let current = 0;
  let drawnAt = 0;
  const started = Date.now();
  const draw = (): void => {
    const share = Math.min(1, current / total);
    const filled = Math.round(share * WIDTH);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${current}/${total} ${Math.floor(share * 100)}% ${seconds} s`);
  };
  return {
    tick() {
      current += 1;
      const now = Date.now();
      if (now - drawnAt >= 100 || current === total) {
        drawnAt = now;
        draw();
      }
    },
    done() {
      draw();
      stream.write('\n');
    },
  };
}
