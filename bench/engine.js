/**
 * The real engine (player, region, encoder) as the benchmarks drive it, written once for the
 * tables of bench/run.js and bench/school.js.
 */
import { startPlayer } from '../dist/terminal/player.js';

/**
 * A player on the step clock with no timer: each `drawNow()` draws the next frame, exactly
 * 1/fps later than the one before, as the CLI and `animate()` would.
 *
 * @param options - startPlayer's: the stream, compose, height, fps, redraw, colour and screen
 * @returns the player, and its bytes per frame so far, the first frame left out (it also makes
 *   room for the region)
 */
export function steppedPlayer(options) {
  let bytes = 0;
  let frames = 0;
  const player = startPlayer({
    ...options,
    sync: 'step',
    tick: false,
    onFrame: (info) => {
      if (info.index > 0) bytes += info.byteLength;
      frames++;
    },
  });
  return { player, bytesPerFrame: () => bytes / Math.max(1, frames - 1) };
}

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
