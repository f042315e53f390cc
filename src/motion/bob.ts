/**
 * Bobbing: the art rises and sinks in a region `2 * amplitude` rows taller than itself.
 */

/** Options of {@link bobOffset}. */
export interface BobOptions {
  /** How far the art moves up and down from its middle position, in whole rows (0 = still). */
  readonly amplitude: number;
  /**
   * Seconds for one full bob (down, up and back). Defaults to {@link defaultBobPeriod} of
   * the amplitude. Zero, negative or non-finite values also use the default.
   */
  readonly period?: number;
}

/** The default bob period for small amplitudes, in seconds. */
export const DEFAULT_BOB_PERIOD = 2;

/** The slowest frame rate at which the default period keeps the bob smooth. */
const SMOOTH_FPS = 10;

/**
 * The default period for an amplitude: {@link DEFAULT_BOB_PERIOD} seconds, stretched for
 * amplitudes above 3 so that the bob never moves more than one row between two frames at 10
 * frames per second or more (the sine's steepest slope, `2π · amplitude / period` rows per
 * second, is then at most 10 rows per second).
 *
 * @param amplitude - the bob amplitude in rows
 * @returns seconds per bob
 */
export function defaultBobPeriod(amplitude: number): number {
  return Math.max(DEFAULT_BOB_PERIOD, (2 * Math.PI * Math.max(0, amplitude)) / SMOOTH_FPS);
}

/**
 * The amplitude as a whole number of rows, never negative: the region has whole rows.
 */
function wholeAmplitude(amplitude: number): number {
  return Number.isFinite(amplitude) && amplitude > 0 ? Math.floor(amplitude) : 0;
}

/**
 * How far down the art sits at time `t`: a sine over the bob period, rounded to whole rows,
 * from 0 (top of the region) to `2 * amplitude` (bottom), and exactly `amplitude` (the
 * middle) at `t = 0`. Amplitude 0 always gives 0.
 *
 * The value is the art's top row in an animation region of `art height + 2 * amplitude`
 * rows (see {@link bobRegionHeight}). Smoothness: two offsets `dt` seconds apart differ by
 * at most `ceil(2π · amplitude · dt / period)` rows; with the default period that is at
 * most 1 between consecutive frames at 10 fps or more.
 *
 * @param t - seconds since the start
 * @param o - amplitude in rows, and optionally the period in seconds
 * @returns the art's top row in the region, an integer in `[0, 2 * amplitude]`
 */
export function bobOffset(t: number, o: BobOptions): number {
  const amplitude = wholeAmplitude(o.amplitude);
  if (amplitude === 0 || !Number.isFinite(t)) return amplitude;
  const period =
    o.period !== undefined && o.period > 0 && Number.isFinite(o.period)
      ? o.period
      : defaultBobPeriod(amplitude);
  // amplitude is whole, so rounding amplitude * sin(…) stays within [-amplitude, amplitude].
  return amplitude + Math.round(amplitude * Math.sin((2 * Math.PI * t) / period));
}

/**
 * Rows of the animation region for art of `artHeight` rows bobbing by `amplitude`: room for
 * the art at its highest and at its lowest.
 *
 * @param artHeight - the art's height in rows
 * @param amplitude - the bob amplitude in rows
 * @returns `artHeight + 2 * amplitude` (amplitude taken as whole, non-negative rows)
 */
export function bobRegionHeight(artHeight: number, amplitude: number): number {
  return artHeight + 2 * wholeAmplitude(amplitude);
}
