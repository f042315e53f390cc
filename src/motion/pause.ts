/**
 * A clock that can be paused: it maps the engine's clock to a scene's, holding the scene's
 * time still while paused and going on from there afterwards, so that pausing never makes
 * the scene jump. No timers: the caller reads it with the engine's time.
 */
export interface PausableClock {
  /** The scene's time for the engine's time `t` (which never goes backwards). */
  read(t: number): number;
  /** Pause or resume at the last time read; returns true when now paused. */
  toggle(): boolean;
  /** Whether the clock is paused. */
  readonly paused: boolean;
}

/**
 * A clock that reads the engine's time, less every pause so far.
 *
 * @returns the clock, running
 */
export function createPausableClock(): PausableClock {
  let last = 0;
  let lost = 0;
  let pausedAt: number | undefined;
  return {
    read(t) {
      last = Math.max(last, t);
      return (pausedAt ?? last) - lost;
    },
    toggle() {
      if (pausedAt === undefined) {
        pausedAt = last;
        return true;
      }
      lost += last - pausedAt;
      pausedAt = undefined;
      return false;
    },
    get paused() {
      return pausedAt !== undefined;
    },
  };
}
