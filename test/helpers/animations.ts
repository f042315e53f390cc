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
 * @returns `track`, which gives back the animation it is passed
 */
export function stoppedAfterEach(): (animation: FishAnimation) => FishAnimation {
  const made: FishAnimation[] = [];
  afterEach(() => {
    for (const animation of made.splice(0)) animation.stop();
  });
  return (animation) => {
    made.push(animation);
    return animation;
  };
}
