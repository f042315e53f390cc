import type { Facing } from '../art/types.js';
import { snapToWhole } from './snap.js';
import type { PathPoint } from './swim.js';

/** Options of {@link crossPath}. */
export interface CrossOptions {
  /** Width of the stage, in cells. */
  readonly trackWidth: number;
  /** Width of the art, in cells. */
  readonly artWidth: number;
  /** Cells per second (> 0 to ever leave). */
  readonly speed: number;
  /** The way it swims: `right` enters at the left edge, `left` at the right edge. */
  readonly facing: Facing;
  /**
   * Cells it had already travelled at `t = 0`, from just outside its entry edge: 0 enters from
   * off the stage; `artWidth` starts wholly on it at the entry edge. Default 0.
   */
  readonly travelled?: number;
}

/**
 * A straight crossing, for creatures that pass through once: the art enters from just
 * outside one edge, crosses at `speed` and leaves past the other edge, never turning (unlike
 * {@link swimPath}, which turns at the edges for ever).
 *
 * Position depends on the distance from the entry edge only, so a stage that changes width
 * keeps every crossing where it was relative to the edge it came from.
 *
 * @param t - seconds since the crossing began
 * @param o - the stage and art widths, speed, direction and head start
 * @returns the art's left column (whole cells; negative or past the stage while it enters
 *   or leaves), or null once it has wholly left the stage
 */
export function crossPath(t: number, o: CrossOptions): PathPoint | null {
  const distance = snapToWhole((o.travelled ?? 0) + t * o.speed);
  if (!Number.isFinite(distance) || distance >= o.trackWidth + o.artWidth) return null;
  const along = Math.floor(Math.max(0, distance));
  if (o.facing === 'right') return { x: along - o.artWidth, facing: 'right' };
  return { x: o.trackWidth - along, facing: 'left' };
}

/** Options of {@link risePath}. */
export interface RiseOptions {
  /** The row it starts on. */
  readonly from: number;
  /** Rows per second upwards. */
  readonly speed: number;
  /** The row where it ends: once above it the path is over. */
  readonly to: number;
}

/**
 * A rise straight up, for bubbles: from row `from` at `speed` rows per second until it has
 * passed row `to`.
 *
 * @param t - seconds since it began to rise
 * @param o - start row, speed and end row
 * @returns the row it is on (whole rows), or null once above `to`
 */
export function risePath(t: number, o: RiseOptions): number | null {
  const row = Math.floor(snapToWhole(o.from - Math.max(0, t) * o.speed));
  return Number.isFinite(row) && row >= o.to ? row : null;
}
