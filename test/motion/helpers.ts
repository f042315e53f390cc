/**
 * Time as the engine derives it, for the motion tests: the clock of `step` sync.
 */
import { createClock } from '../../src/motion/index.js';

/**
 * The times of the first `count` frames of a clock in step sync (frame k at k / fps).
 *
 * @param fps - frames per second
 * @param count - how many frames
 */
export function stepTimes(fps: number, count: number): number[] {
  const clock = createClock({ fps, sync: 'step', start: 0 });
  return Array.from({ length: count }, () => clock.frame(0));
}
