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

/** Options of {@link createClock}. */
export interface ClockOptions {
  /** Frames per second (more than 0). */
  readonly fps: number;
  /** How the clock advances. */
  readonly sync: SyncMode;
  /** The wall's milliseconds when the animation began (its time 0), on the clock `frame` is told. */
  readonly start: number;
}

/**
 * What an animation's clock reads, for those who only look: the time of the frame shown and
 * of the one to come.
 */
export interface ClockReading {
  /**
   * Seconds: the time of the frame shown, which a redraw draws again (0 before the first).
   * In time sync, a frame skipped while the terminal was behind moves it all the same.
   */
  readonly time: number;
  /**
   * Seconds: the time of the next frame, one interval on. In step sync the next step's
   * (frame k is at k / fps exactly); in time sync, {@link ClockReading.time} plus an interval.
   */
  readonly upcoming: number;
}

/**
 * An animation's clock: the one place where a frame's time is derived from the frame rate.
 * It holds no timer and reads no wall clock: it is told the wall's time (a tick's slot, or
 * the moment of a frame drawn on demand), or asked for the next step.
 */
export interface Clock extends ClockReading {
  /** Milliseconds from one frame's slot to the next on a fixed tick: `1000 / fps`. */
  readonly interval: number;
  /**
   * A frame is drawn at `wall` milliseconds: its time in seconds, which the clock then reads.
   *
   * - `'step'`: the next step, `steps / fps`, whatever the wall says, so each frame is exactly
   *   one interval on: at speed 60 and 60 fps the fish moves exactly one cell a frame. The
   *   paths snap values within a billionth of a whole cell, which absorbs the rounding of
   *   `steps / fps * speed`; the clock therefore returns plain seconds.
   * - `'time'` and `'progress'`: the wall's seconds since `start`, never negative (a wall
   *   that steps backwards holds the animation at its start rather than running it back).
   *
   * @param wall - milliseconds on the wall clock `start` is on
   */
  frame(wall: number): number;
  /**
   * A frame due at `wall` milliseconds is not drawn (the terminal is behind). In time sync
   * the clock follows the wall all the same, so that the frame drawn when the terminal
   * catches up is the one due then; in step sync it stands still, and the next frame is the
   * next step.
   *
   * @param wall - milliseconds on the wall clock `start` is on
   */
  skip(wall: number): void;
}

/**
 * Make an animation's clock, at time 0 until its first frame.
 *
 * @param options - frame rate, sync mode and the wall's start
 * @returns the clock
 */
export function createClock(options: ClockOptions): Clock {
  const { fps, sync, start } = options;
  const interval = 1000 / fps;
  let steps = 0;
  let time = 0;
  const wallTime = (wall: number): number => Math.max(0, (wall - start) / 1000);
  return {
    interval,
    get time() {
      return time;
    },
    get upcoming() {
      return sync === 'step' ? steps / fps : time + 1 / fps;
    },
    frame(wall) {
      time = sync === 'step' ? steps++ / fps : wallTime(wall);
      return time;
    },
    skip(wall) {
      if (sync !== 'step') time = wallTime(wall);
    },
  };
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
