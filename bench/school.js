/**
 * A school's bytes per frame: 1, 4 and 16 tasks swimming at once in one region, through the
 * real engine (player, region, encoder), next to log-update redrawing the same rows and the
 * cell-diff bound of the same frames. The tasks start a little apart, as tasks do, so that
 * their fish are not in step.
 */
import { resolveArt } from '../dist/art/index.js';
import { NO_LABEL, toLabel } from '../dist/api/host-text.js';
import { composeSchoolFrame, taskScene } from '../dist/api/school-frame.js';
import { SCHOOL_ART } from '../dist/api/school.js';
import { detachedTerminal } from '../dist/terminal/stream.js';
import { snapshotGrid, steppedPlayer } from './engine.js';

const FPS = 12.5;
const FRAMES = 1000;
const COLS = 80;

/** `count` running tasks, the school's fish in turn, each started 0.37 s after the one before. */
function tasks(count) {
  return Array.from({ length: count }, (_, i) => {
    const art = resolveArt(SCHOOL_ART[i % SCHOOL_ART.length]);
    const labels = {
      prefix: NO_LABEL,
      text: toLabel(`download ${i + 1}`, false),
      suffix: NO_LABEL,
    };
    const scene = taskScene(art, { speed: 8, width: undefined }, labels, undefined);
    return { scene, status: NO_LABEL, since: -0.37 * i };
  });
}

/** Bytes per frame of the engine drawing the school, and the frames it drew (copies). */
function engineBytes(rows) {
  const grids = [];
  const { player, bytesPerFrame } = steppedPlayer({
    stream: detachedTerminal(COLS, 40),
    compose: (t, into) => {
      const grid = composeSchoolFrame(rows, t, into, true);
      grids.push(snapshotGrid(grid));
      return grid;
    },
    height: rows.length,
    fps: FPS,
    redraw: 'diff',
    color: false,
  });
  for (let k = 0; k <= FRAMES; k++) player.drawNow();
  player.stop();
  return { perFrame: bytesPerFrame(), grids };
}

/**
 * Print the school's table.
 *
 * @param table - the tables' printer of bench/run.js
 * @param measures - bench/run.js's own: the cell-diff bound and log-update's bytes per frame of
 *   a list of grids
 */
export function schoolTable(table, { boundBytes, logUpdateBytes }) {
  const rows = [];
  let single;
  for (const count of [1, 4, 16]) {
    const fish = engineBytes(tasks(count));
    single ??= fish.perFrame;
    const log = logUpdateBytes(fish.grids, false);
    const bound = boundBytes(fish.grids);
    rows.push([
      `${count} task${count === 1 ? '' : 's'}`,
      fish.perFrame.toFixed(1),
      `${(fish.perFrame / single).toFixed(1)}x`,
      log.toFixed(0),
      `${bound.toFixed(1)} (${(fish.perFrame / bound).toFixed(3)}x)`,
      `${(log / fish.perFrame).toFixed(1)}x`,
    ]);
  }
  table(
    `school(): bytes per frame, ${COLS} cols, one fish per task swimming (${FRAMES} frames)`,
    [
      'tasks',
      'fish',
      'x 1 task',
      'log-update',
      'cell-diff bound (fish / bound)',
      'log-update / fish',
    ],
    rows,
  );
}
