import { snapToWhole } from './snap.js';

/**
 * How animation time advances, after the ancestor's three sync modes:
 *
 * - `'time'`: wall-clock time. Motion is smooth in real time; a slow or stalled terminal
 *   skips frames rather than slowing the fish.
 * - `'step'`: one frame interval per tick (or per `animate()` call), whatever the wall
 *   clock says. Deterministic: frame `k` is always the same picture, which recordings and
 *   tests rely on, and a call-driven spinner moves only when called.
 * - `'progress'`: the position comes from a progress fraction (see {@link progressPath});
 *   the clock then only drives bobbing and frame animation, on wall-clock time.
 */
export type SyncMode = 'time' | 'step' | 'progress';

/** What {@link clockTime} reads: both clocks, so that the caller can switch modes freely. */
export interface ClockReading {
  /** Wall-clock milliseconds when the animation started. */
  readonly startMs: number;
  /** Wall-clock milliseconds now. */
  readonly nowMs: number;
  /** Frames (ticks or `animate()` calls) so far; frame 0 is the first. */
  readonly step: number;
  /** Frames per second: the length of one step. */
  readonly fps: number;
}

/**
 * Animation time in seconds under a sync mode: what {@link swimPath}, {@link bobOffset} and
 * {@link frameIndex} take as `t`.
 *
 * - `'time'` and `'progress'`: `(nowMs - startMs) / 1000`, never negative (a clock that
 *   steps backwards holds the animation at its start rather than running it in reverse).
 * - `'step'`: `step / fps` (0 when `fps` is not positive), so each step is exactly one
 *   frame interval: at speed 60 and 60 fps the fish moves exactly one cell a step. The
 *   paths snap values within a billionth of a whole cell, which absorbs the rounding of
 *   `step / fps * speed`; this function therefore returns plain seconds.
 *
 * @param mode - the sync mode
 * @param c - the wall clock and the step counter
 * @returns seconds of animation time
 */
export function clockTime(mode: SyncMode, c: ClockReading): number {
  if (mode === 'step') return c.fps > 0 ? c.step / c.fps : 0;
  return Math.max(0, (c.nowMs - c.startMs) / 1000);
}

/**
 * Which animation frame to show at time `t`: frames advance every `frameDuration` seconds
 * and loop. 0 for a single frame, a non-positive duration or a non-finite time.
 *
 * @param t - seconds of animation time
 * @param frameDuration - seconds each frame is shown for
 * @param frameCount - how many frames the art has
 * @returns an index in `[0, frameCount)`
 */
export function frameIndex(t: number, frameDuration: number, frameCount: number): number {
  if (frameCount <= 1 || !(frameDuration > 0)) return 0;
  const elapsed = Math.floor(snapToWhole(t / frameDuration));
  if (!Number.isFinite(elapsed)) return 0;
  const count = Math.floor(frameCount);
  return ((elapsed % count) + count) % count;
}
