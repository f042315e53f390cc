/**
 * A large, sparse screen: the aquarium at 1000x300 with `--density 0.1`, in colour, through
 * the real engine (player, alternate screen, encoder). Issue 15's test of whether CPU follows
 * what changed rather than the screen's area: few creatures, far apart, on a 300,000-cell
 * screen. Hot loop, in process: compose (the tank's motion included) plus encode, per frame.
 */
import { createAquarium, loadAquariumArt } from '../dist/aquarium/index.js';
import { startPlayer } from '../dist/terminal/player.js';
import { detachedTerminal } from '../dist/terminal/stream.js';

const FPS = 12.5;
const SPARSE = { cols: 1000, rows: 300, density: 0.1, seed: 1 };
/** Frames drawn before timing (the JIT, and the tank filling up), then per batch. */
const WARM_UP = 300;
const PER_BATCH = 200;
const BATCHES = 7;

/**
 * Prints the table: CPU ms per frame (median of the batches, lowest to highest), and bytes
 * and changed cells per frame over the timed frames.
 *
 * @param table - bench/run.js's table printer
 * @param median - bench/run.js's median
 */
export function sparseTable(table, median) {
  const { cols, rows, density, seed } = SPARSE;
  const tank = createAquarium({ cols, rows, seed, density, art: loadAquariumArt() });
  let bytes = 0;
  let cells = 0;
  let counted = 0;
  let counting = false;
  const player = startPlayer({
    stream: detachedTerminal(cols, rows),
    compose: (t, into) => tank.compose(t, into),
    height: rows,
    fps: FPS,
    sync: 'step',
    redraw: 'diff',
    screen: 'alternate',
    color: true,
    tick: false,
    onFrame: (info) => {
      if (!counting) return;
      bytes += info.byteLength;
      cells += info.cellsChanged;
      counted++;
    },
  });
  for (let k = 0; k < WARM_UP; k++) player.drawNow();
  counting = true;
  const samples = [];
  for (let b = 0; b < BATCHES; b++) {
    globalThis.gc?.();
    const start = process.cpuUsage();
    for (let k = 0; k < PER_BATCH; k++) player.drawNow();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000 / PER_BATCH);
  }
  player.stop();
  const ms = (value) => value.toFixed(2);
  table(
    `fish --aquarium at ${cols}x${rows}, --density ${density}, seed ${seed}, colour: compose + encode per frame (hot loop in process, ${BATCHES} batches of ${PER_BATCH} frames)`,
    ['', 'CPU ms, median (lowest-highest)', 'bytes', 'cells changed'],
    [
      [
        'per frame',
        `${ms(median(samples))} (${ms(Math.min(...samples))}-${ms(Math.max(...samples))})`,
        (bytes / counted).toFixed(0),
        (cells / counted).toFixed(0),
      ],
    ],
  );
}
