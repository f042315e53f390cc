import type { Facing } from '../art/types.js';
import { snapToWhole } from './snap.js';

/** The track a piece of art moves along: the region's width and the art's width, in cells. */
export interface Track {
  /** Width of the region the art moves in, in terminal cells. */
  readonly trackWidth: number;
  /** Width of the art, in terminal cells. */
  readonly artWidth: number;
}

/** Options of {@link swimPath}. */
export interface SwimOptions extends Track {
  /** Cells per second. Negative runs the path backwards. */
  readonly speed: number;
}

/** Where the art is along its track: its left column and the way it faces. */
export interface PathPoint {
  /** The art's left column in the region, from 0 to `trackWidth - artWidth`. */
  readonly x: number;
  /** The way the art faces (and so which of its sprites to draw). */
  readonly facing: Facing;
}

/** The point every path rests at when the art has no room to move. */
const AT_REST: PathPoint = { x: 0, facing: 'right' };

/**
 * How far the art can move: the columns between its leftmost and rightmost positions.
 * Zero or negative when the art fills (or overflows) the track.
 */
function spanOf(track: Track): number {
  return track.trackWidth - track.artWidth;
}

/**
 * Where swimming art is at time `t`: it starts at the left edge facing right, crosses the
 * track at `speed` cells per second, turns at each edge and swims back (a triangle wave over
 * `span = trackWidth - artWidth`).
 *
 * `x` is the whole cell the art has reached (`Math.floor` of its exact position), so it
 * stays within `0..span` and the art never pokes past the right edge. `facing` is `'right'`
 * on the way out and `'left'` on the way back; the art turns on the edge cell itself (it
 * faces left at `x = span`, right at `x = 0`). When the track is no wider than the art
 * (`span <= 0`) the art rests at `x = 0` facing right.
 *
 * Because `x` depends only on `t * speed`, the path is the same at any frame rate; the
 * step clock (see `createClock`) makes each frame advance exactly `speed / fps` cells.
 *
 * @param t - seconds since the start
 * @param o - the track, and the speed in cells per second
 * @returns the art's left column and facing
 */
export function swimPath(t: number, o: SwimOptions): PathPoint {
  const span = spanOf(o);
  const distance = snapToWhole(t * o.speed);
  if (span <= 0 || !Number.isFinite(distance)) return AT_REST;
  const lap = 2 * span;
  // A lap is out and back; `%` keeps the sign of its left side, so fold negatives in.
  const along = ((distance % lap) + lap) % lap;
  if (along < span) return { x: Math.floor(along), facing: 'right' };
  // `lap - along` can gain floating-point dust when `along` is not whole; snap it away.
  return { x: Math.floor(snapToWhole(lap - along)), facing: 'left' };
}

/**
 * Where art is for a progress bar: `fraction` of the way along the track, facing right.
 * `fraction` is clamped to `[0, 1]` (NaN counts as 0); `x = round(fraction * span)`, 0 when
 * the track is no wider than the art.
 *
 * @param fraction - how far along, 0 (start) to 1 (done)
 * @param o - the track
 * @returns the art's left column, always facing right
 */
export function progressPath(fraction: number, o: Track): { x: number; facing: 'right' } {
  const span = spanOf(o);
  if (span <= 0 || !(fraction > 0)) return { x: 0, facing: 'right' };
  return { x: Math.round(Math.min(1, fraction) * span), facing: 'right' };
}
