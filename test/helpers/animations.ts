/**
 * Animations made by a test file's tests, stopped after each test whatever happened, so that
 * a failed test leaves no terminal claimed for the next one.
 */
import { afterEach } from 'vitest';
import type { FishAnimation } from '../../src/api/fish.js';

/**
 * Stop, after each test of the calling file, every animation passed to the returned `track`.
 * Call it once, at the top level of a test file.
 *
 * @param streams - `'may throw'` for a file whose streams throw on purpose: its animations'
 *   `stop()` may throw again, and the tests look at what was let go, not at that
 * @returns `track`, which gives back the animation it is passed
 */
export function stoppedAfterEach(
  streams: 'behave' | 'may throw' = 'behave',
): (animation: FishAnimation) => FishAnimation {
  const made: FishAnimation[] = [];
  afterEach(() => {
    for (const animation of made.splice(0)) {
      try {
        animation.stop();
      } catch (error) {
        if (streams === 'behave') throw error;
      }
    }
  });
  return (animation) => {
    made.push(animation);
    return animation;
  };
}
