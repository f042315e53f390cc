/**
 * A school's bytes per frame: 1, 4 and 16 tasks swimming at once in one region, through the
 * real engine (player, region, encoder), next to log-update redrawing the same rows and the
 * cell-diff bound of the same frames. The tasks start a little apart, as tasks do, so that
 * their fish are not in step.
 */
import { resolveArt } from '../dist/art/index.js';
import { NO_LABEL, toLabel } from '../dist/api/host-text.js';
import { composeSchoolFrame } from '../dist/api/school-frame.js';
import { SCHOOL_ART } from '../dist/api/school.js';
import { startPlayer } from '../dist/terminal/player.js';
import { detachedTerminal } from '../dist/terminal/stream.js';

const FPS = 12.5;
const FRAMES = 1000;
const COLS = 80;

/** `count` running tasks, the school's fish in turn, each started 0.37 s after the one before. */
function tasks(count) {
  return Array.from({ length: count }, (_, i) => ({
    scene: {
      art: resolveArt(SCHOOL_ART[i % SCHOOL_ART.length]),
      speed: 8,
      bob: 0,
      width: undefined,
      indent: 0,
      defaultWidth: 'line',
      prefix: NO_LABEL,
      text: toLabel(`download ${i + 1}`, false),
      suffix: NO_LABEL,
      progress: undefined,
    },
    status: NO_LABEL,
    since: -0.37 * i,
  }));
}

/** Bytes per frame of the engine drawing the school, and the frames it drew (copies). */
function engineBytes(rows) {
  let bytes = 0;
  const grids = [];
  const player = startPlayer({
    stream: detachedTerminal(COLS, 40),
    compose: (t, into) => {
      const grid = composeSchoolFrame(rows, t, into, true);
      grids.push(snapshotGrid(grid));
      return grid;
    },
    height: rows.length,
    fps: FPS,
    sync: 'step',
    redraw: 'diff',
    color: false,
    tick: false,
    onFrame: (info) => {
      // The first frame also makes room for the region: count what follows it.
      if (info.index > 0) bytes += info.byteLength;
    },
  });
  for (let k = 0; k <= FRAMES; k++) player.drawNow();
  player.stop();
  return { perFrame: bytes / FRAMES, grids };
}

/**
 * Print the school's table.
 *
 * @param table - the tables' printer of bench/run.js
 * @param measures - bench/run.js's own: the cell-diff bound and log-update's bytes per frame of
 *   a list of grids
 */
/**
 * A copy of a grid as composed, for the bound and log-update to read after the engine has
 * reused its grid for the next frame.
 */
export const snapshotGrid = (grid) => ({
  ...grid,
  glyphs: [...grid.glyphs],
  widths: grid.widths.slice(),
  styles: grid.styles.slice(),
});

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
