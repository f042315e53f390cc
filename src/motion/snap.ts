/**
 * Snapping near-whole numbers, so that clock arithmetic in floating point never lands one
 * cell (or one frame) short.
 *
 * Step mode computes positions as `(step / fps) * speed`. Exactly, `60 * (k / 60)` is `k`,
 * but in binary floating point it can come out a hair below `k` (for example
 * `(1 / 49) * 49` is `0.9999999999999999`), and `Math.floor` then drops a whole cell. Any
 * value within {@link SNAP_EPSILON} of an integer is taken to be that integer: far below
 * any step a caller could mean (a cell per billion seconds), far above rounding error for
 * distances under a few million cells.
 */

/** How close (in cells, frames or rows) to a whole number a value must be to snap to it. */
export const SNAP_EPSILON = 1e-9;

/**
 * `value`, or the nearest integer when it lies within {@link SNAP_EPSILON} of one.
 *
 * @param value - a position, distance or frame count computed in floating point
 * @returns the value with floating-point dust around whole numbers removed
 */
export function snapToWhole(value: number): number {
  const whole = Math.round(value);
  return Math.abs(value - whole) < SNAP_EPSILON ? whole : value;
}
