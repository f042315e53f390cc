/**
 * Drift of the fixed tick: 600 frames at 12.5 fps (48 s) in a child process of its own, each
 * frame's lateness against its absolute schedule, start + k × 80 ms.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const FRAMES = 600;
const FPS = 12.5;

if (process.argv[2] === '--child') {
  const { monotonicMs, startTicker } = await import('../dist/terminal/tick.js');
  const lateness = [];
  startTicker({
    interval: 1000 / FPS,
    onTick: (tick) => {
      // The ticker's own clock: its slots are readings of it.
      lateness.push(monotonicMs() - tick.scheduledAt);
      if (lateness.length < FRAMES) return true;
      process.send?.({ lateness, lastIndex: tick.index });
      return false;
    },
  });
}

/**
 * Start the drift measurement in the background; the promise resolves with its table rows.
 *
 * @returns the rows: first frames, last frames, the last frame's lateness in intervals
 */
export function measureDrift() {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child']);
    child.on('message', ({ lateness, lastIndex }) => {
      const interval = 1000 / FPS;
      const max = (values) => Math.max(...values).toFixed(2);
      const last = lateness.at(-1);
      resolve({
        rows: [
          [`first 10 frames`, max(lateness.slice(0, 10))],
          [`last 10 frames (of ${FRAMES}, index ${lastIndex})`, max(lateness.slice(-10))],
        ],
        verdict: `the last frame landed ${last.toFixed(2)} ms after its schedule: ${(last / interval).toFixed(3)} of an interval (${interval} ms)`,
      });
    });
    child.on('error', reject);
  });
}
